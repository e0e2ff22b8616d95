import type { Migration } from './migration.js';

/**
 * Retries answered from what the first call stored: the request's fingerprint and its reply, keyed
 * by the id the screen made. A recalled cart is kept (marked) so a lost reply can be asked again.
 * Orders are found by number whatever their day.
 */
export const migration006: Migration = {
  version: 6,
  name: 'request-replies',
  up(db) {
    db.exec(`
      -- Local: each terminal answers the retries of its own screens.
      CREATE TABLE request_replies (
        request_key TEXT PRIMARY KEY, operation TEXT NOT NULL, fingerprint TEXT NOT NULL, reply TEXT NOT NULL, at INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE held_carts ADD COLUMN recalled_at INTEGER;
      -- An order is searched by its number across days (Pedidos, the feedback screen).
      CREATE INDEX orders_number ON orders (number);
    `);
  },
};
