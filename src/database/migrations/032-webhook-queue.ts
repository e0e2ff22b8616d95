import type { Migration } from './migration.js';

/**
 * The webhook queue: what a sale's transaction writes for the outside world, one row per event with its
 * body and the deliveries it owes (their ids and endpoints, fixed at the sale). The delivery worker turns
 * each row into the event and its deliveries (migration 004's tables) after the sale, in one transaction,
 * so a sale writes one small row to one table instead of an event and a delivery per endpoint with their
 * indexes. Rows already in the outbox are untouched and keep being delivered.
 */
export const migration032: Migration = {
  version: 32,
  name: 'webhook-queue',
  up(db) {
    db.exec(`
      -- seq keeps the order events were raised in; appending to a rowid table touches one page.
      CREATE TABLE webhook_queue (
        seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL,
        deliveries TEXT NOT NULL, created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
