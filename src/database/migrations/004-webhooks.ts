import type { Migration } from './migration.js';

/** Webhook endpoints, the outbox of events with their exact bytes, deliveries and every attempt. */
export const migration004: Migration = {
  version: 4,
  name: 'webhooks',
  up(db) {
    db.exec(`
      CREATE TABLE webhook_endpoints (
        id TEXT PRIMARY KEY, url TEXT NOT NULL, description TEXT, events TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)), allow_local INTEGER NOT NULL CHECK (allow_local IN (0, 1)),
        secret TEXT NOT NULL, previous_secret TEXT, previous_valid_until INTEGER, disabled_reason TEXT,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;

      -- The body is stored once, as sent: retries never regenerate it.
      CREATE TABLE webhook_events (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER webhook_events_no_update BEFORE UPDATE ON webhook_events BEGIN SELECT RAISE(ABORT, 'webhook_events is immutable'); END;

      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES webhook_events (id), endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0, step INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;
      -- One index only: every sale writes here, and the worker's question is "what is due?".
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

      CREATE TABLE webhook_attempts (
        id TEXT PRIMARY KEY, delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id), attempt INTEGER NOT NULL,
        at INTEGER NOT NULL, duration_ms INTEGER NOT NULL, status_code INTEGER, error TEXT, response TEXT
      ) STRICT;
      CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
    `);
  },
};
