import type { Migration } from './migration.js';

/** Every fact an order is made of, and its derived state: a new one makes the order's document stale. */
const ORDER_FACTS = ['order_lines', 'order_discounts', 'payments', 'refunds', 'order_events'] as const;

/** Queues the order when it is this terminal's: only the terminal that sold an order publishes it. */
const queue = (orderId: string) => `
  INSERT INTO publish_pending (order_id, version)
  SELECT ${orderId}, 1 FROM orders o WHERE o.id = ${orderId} AND o.terminal_id = (SELECT value FROM meta WHERE key = 'terminal_id')
  ON CONFLICT (order_id) DO UPDATE SET version = version + 1;`;

/**
 * The shop's current documents on its server (orders, daily summaries per terminal), for the owner
 * to read in Atlas without a terminal on, and the other shops of a chain this terminal reads.
 *
 * - publish_pending: this terminal's orders whose document is older than the order, kept by
 *   triggers on every path that writes an order (a sale, a void, a line or a void applied by the
 *   sync, a database restored and re-synced, an order renumbered after a restore). `version` grows with each change, so a publish that
 *   ran while the order changed again leaves it queued. Every order sold here so far starts queued.
 * - chain_shops: the other shops this terminal reads (name, servers, database). Their connection
 *   strings hold a password: they are in the terminal's secret store, never in this file.
 */
export const migration026: Migration = {
  version: 26,
  name: 'shop-documents',
  up(db) {
    db.exec(`
      CREATE TABLE publish_pending (order_id TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT;
      CREATE TRIGGER publish_pending_state_insert AFTER INSERT ON order_state BEGIN ${queue('NEW.order_id')} END;
      CREATE TRIGGER publish_pending_state_update AFTER UPDATE ON order_state BEGIN ${queue('NEW.order_id')} END;
      ${ORDER_FACTS.map((table) => `CREATE TRIGGER publish_pending_${table} AFTER INSERT ON ${table} BEGIN ${queue('NEW.order_id')} END;`).join('\n')}
      -- A terminal restored from a backup renumbers an order whose number a lost sale had taken.
      CREATE TRIGGER publish_pending_renumbered AFTER UPDATE OF display_number ON orders BEGIN ${queue('NEW.id')} END;
      INSERT INTO publish_pending (order_id, version)
      SELECT id, 1 FROM orders WHERE terminal_id = (SELECT value FROM meta WHERE key = 'terminal_id');

      CREATE TABLE chain_shops (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, hosts TEXT NOT NULL, database TEXT NOT NULL, created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
