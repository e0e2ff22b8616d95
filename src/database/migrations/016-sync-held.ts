import type { Migration } from './migration.js';

/**
 * Local to this terminal: pulled changes that wait for what they refer to, and the one change an
 * order may ever take, a new number when a terminal restored from a backup finds that a sale it
 * had lost used it (each renumbering is recorded first, and the trigger allows only that).
 */
export const migration016: Migration = {
  version: 16,
  name: 'sync-held',
  up(db) {
    db.exec(`
      -- A change from another terminal whose references (a stock item, a caixa) have not arrived yet.
      -- The cursor has moved past it, so it is kept here until a later page brings what it needs.
      CREATE TABLE sync_held (
        terminal_id TEXT NOT NULL,
        seq         INTEGER NOT NULL CHECK (seq >= 1),
        change      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        PRIMARY KEY (terminal_id, seq)
      ) STRICT;

      CREATE TABLE order_renumberings (
        order_id     TEXT PRIMARY KEY REFERENCES orders (id),
        from_display TEXT NOT NULL,
        to_display   TEXT NOT NULL,
        number       INTEGER NOT NULL,
        at           INTEGER NOT NULL
      ) STRICT;

      DROP TRIGGER orders_no_update;
      CREATE TRIGGER orders_no_update BEFORE UPDATE ON orders
      WHEN NOT (
        NEW.id = OLD.id AND NEW.terminal_id = OLD.terminal_id AND NEW.business_day = OLD.business_day AND NEW.type = OLD.type
        AND NEW.customer_name IS OLD.customer_name AND NEW.pager IS OLD.pager AND NEW.created_by = OLD.created_by
        AND NEW.created_by_name = OLD.created_by_name AND NEW.created_at = OLD.created_at
        AND NEW.cash_session_id IS OLD.cash_session_id AND NEW.hlc = OLD.hlc
        AND EXISTS (SELECT 1 FROM order_renumberings r WHERE r.order_id = OLD.id AND r.number = NEW.number AND r.to_display = NEW.display_number)
      )
      BEGIN SELECT RAISE(ABORT, 'orders is immutable'); END;
    `);
  },
};
