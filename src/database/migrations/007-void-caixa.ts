import type { Migration } from './migration.js';

/**
 * Each void names the caixa open when it happened, so a later void of an order from a closed caixa
 * belongs to the caixa that refunded it, and a closed caixa's report never changes. Voids already
 * stored take the caixa of their refunds (or, with nothing refunded, the order's own caixa).
 */
export const migration007: Migration = {
  version: 7,
  name: 'void-caixa',
  up(db) {
    db.exec(`
      ALTER TABLE order_events ADD COLUMN cash_session_id TEXT REFERENCES cash_sessions (id);
      DROP TRIGGER order_events_no_update;
      UPDATE order_events SET cash_session_id = coalesce(
        (SELECT r.cash_session_id FROM refunds r WHERE r.order_id = order_events.order_id ORDER BY r.rowid LIMIT 1),
        (SELECT o.cash_session_id FROM orders o WHERE o.id = order_events.order_id)
      ) WHERE kind = 'voided';
      CREATE TRIGGER order_events_no_update BEFORE UPDATE ON order_events BEGIN SELECT RAISE(ABORT, 'order_events is immutable'); END;
      CREATE INDEX order_events_session ON order_events (cash_session_id) WHERE cash_session_id IS NOT NULL;
    `);
  },
};
