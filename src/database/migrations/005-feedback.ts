import type { Migration } from './migration.js';

/** Customer feedback: one per paid order; contact data apart, so it can be erased (LGPD). */
export const migration005: Migration = {
  version: 5,
  name: 'feedback',
  up(db) {
    db.exec(`
      CREATE TABLE feedback (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE REFERENCES orders (id),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), tags TEXT NOT NULL, comment TEXT,
        created_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_created ON feedback (created_at);
      CREATE TRIGGER feedback_no_update BEFORE UPDATE ON feedback BEGIN SELECT RAISE(ABORT, 'feedback is immutable'); END;
      CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback BEGIN SELECT RAISE(ABORT, 'feedback is immutable'); END;

      -- Given only with consent; deleted when its time is up or the customer asks.
      CREATE TABLE feedback_contacts (
        feedback_id TEXT PRIMARY KEY REFERENCES feedback (id), name TEXT, phone TEXT, email TEXT, consent_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE feedback_handling (
        feedback_id TEXT PRIMARY KEY REFERENCES feedback (id), note TEXT NOT NULL,
        handled_by TEXT NOT NULL, handled_by_name TEXT NOT NULL, handled_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
    `);
  },
};
