import type { Migration } from './migration.js';

/** Tables of facts: never updated or deleted, only reversed by new facts. */
export const COUNTER_FACT_TABLES = [
  'cash_sessions',
  'cash_closings',
  'cash_confirmations',
  'cash_movements',
  'orders',
  'order_lines',
  'order_discounts',
  'payments',
  'refunds',
  'order_events',
  'kitchen_tickets',
  'kitchen_ticket_lines',
  'kitchen_ticket_events',
] as const;

const immutable = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END;`;

/** Catalog, the caixa, orders with lines and payments, the kitchen queue, held carts and print jobs. */
export const migration002: Migration = {
  version: 2,
  name: 'counter',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, color TEXT NOT NULL, sort_order INTEGER NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, search_key TEXT NOT NULL, code TEXT NOT NULL, barcode TEXT,
        price INTEGER NOT NULL CHECK (price >= 0), category_id TEXT REFERENCES categories (id),
        kind TEXT NOT NULL CHECK (kind IN ('simple', 'combo')), station TEXT,
        active INTEGER NOT NULL CHECK (active IN (0, 1)), sold_out INTEGER NOT NULL CHECK (sold_out IN (0, 1)),
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX products_code ON products (code);
      CREATE UNIQUE INDEX products_barcode ON products (barcode) WHERE barcode IS NOT NULL;
      CREATE INDEX products_category ON products (category_id);

      CREATE TABLE modifier_groups (
        id TEXT PRIMARY KEY, name TEXT NOT NULL,
        min_choices INTEGER NOT NULL CHECK (min_choices >= 0),
        max_choices INTEGER NOT NULL CHECK (max_choices >= 1 AND max_choices >= min_choices),
        active INTEGER NOT NULL CHECK (active IN (0, 1)), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE TABLE modifier_options (
        id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES modifier_groups (id), name TEXT NOT NULL,
        price_delta INTEGER NOT NULL, position INTEGER NOT NULL, active INTEGER NOT NULL CHECK (active IN (0, 1)), hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX modifier_options_group ON modifier_options (group_id, position);
      CREATE TABLE product_modifier_groups (
        product_id TEXT NOT NULL REFERENCES products (id), group_id TEXT NOT NULL REFERENCES modifier_groups (id),
        position INTEGER NOT NULL, PRIMARY KEY (product_id, group_id)
      ) STRICT;
      CREATE TABLE combo_slots (
        id TEXT PRIMARY KEY, combo_id TEXT NOT NULL REFERENCES products (id), name TEXT NOT NULL, position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX combo_slots_combo ON combo_slots (combo_id, position);
      CREATE TABLE combo_slot_options (
        slot_id TEXT NOT NULL REFERENCES combo_slots (id), product_id TEXT NOT NULL REFERENCES products (id),
        price_delta INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (slot_id, product_id)
      ) STRICT;

      CREATE TABLE cash_sessions (
        id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, opened_by TEXT NOT NULL, opened_by_name TEXT NOT NULL,
        opened_at INTEGER NOT NULL, opening_float INTEGER NOT NULL CHECK (opening_float >= 0), hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cash_sessions_terminal ON cash_sessions (terminal_id, opened_at);
      CREATE TABLE cash_closings (
        session_id TEXT PRIMARY KEY REFERENCES cash_sessions (id), closed_by TEXT NOT NULL, closed_by_name TEXT NOT NULL,
        closed_at INTEGER NOT NULL, counted TEXT NOT NULL, expected TEXT NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cash_confirmations (
        session_id TEXT PRIMARY KEY REFERENCES cash_closings (session_id), confirmed_by TEXT NOT NULL,
        confirmed_by_name TEXT NOT NULL, confirmed_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cash_movements (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES cash_sessions (id),
        kind TEXT NOT NULL CHECK (kind IN ('suprimento', 'sangria')), amount INTEGER NOT NULL CHECK (amount > 0),
        reason TEXT NOT NULL, user_id TEXT NOT NULL, user_name TEXT NOT NULL, at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_session ON cash_movements (session_id);

      -- Local: the gap-free order number of each terminal and business day.
      CREATE TABLE order_counters (
        terminal_id TEXT NOT NULL, business_day TEXT NOT NULL, last_number INTEGER NOT NULL,
        PRIMARY KEY (terminal_id, business_day)
      ) STRICT;

      CREATE TABLE orders (
        id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, business_day TEXT NOT NULL, number INTEGER NOT NULL,
        display_number TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('balcao', 'viagem', 'comanda')),
        customer_name TEXT, pager TEXT, created_by TEXT NOT NULL, created_by_name TEXT NOT NULL, created_at INTEGER NOT NULL,
        cash_session_id TEXT REFERENCES cash_sessions (id), hlc TEXT NOT NULL,
        UNIQUE (terminal_id, business_day, number)
      ) STRICT;
      CREATE INDEX orders_day ON orders (business_day, created_at);
      CREATE INDEX orders_session ON orders (cash_session_id);

      CREATE TABLE order_lines (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders (id), position INTEGER NOT NULL,
        product_id TEXT NOT NULL, name TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL, modifiers TEXT NOT NULL, combo TEXT NOT NULL, notes TEXT, station TEXT,
        discount INTEGER NOT NULL CHECK (discount >= 0), total INTEGER NOT NULL CHECK (total >= 0),
        added_by TEXT NOT NULL, added_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_lines_order ON order_lines (order_id, position);

      CREATE TABLE order_discounts (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders (id), line_id TEXT REFERENCES order_lines (id),
        kind TEXT NOT NULL CHECK (kind IN ('percent', 'amount')), value INTEGER NOT NULL, amount INTEGER NOT NULL CHECK (amount >= 0),
        reason TEXT, given_by TEXT NOT NULL, approved_by TEXT, approved_by_name TEXT, at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_discounts_order ON order_discounts (order_id);

      CREATE TABLE payments (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders (id), cash_session_id TEXT NOT NULL REFERENCES cash_sessions (id),
        method TEXT NOT NULL CHECK (method IN ('cash', 'debit', 'credit', 'voucher', 'pix')),
        amount INTEGER NOT NULL CHECK (amount > 0), tendered INTEGER, change INTEGER,
        received_by TEXT NOT NULL, at INTEGER NOT NULL, hlc TEXT NOT NULL,
        -- Cash alone has tendered and change, and what it leaves in the drawer is tendered minus change.
        CHECK ((method = 'cash') = (tendered IS NOT NULL AND change IS NOT NULL)),
        CHECK (tendered IS NULL OR tendered - change = amount)
      ) STRICT;
      CREATE INDEX payments_order ON payments (order_id);
      CREATE INDEX payments_session ON payments (cash_session_id);

      CREATE TABLE refunds (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders (id), payment_id TEXT NOT NULL UNIQUE REFERENCES payments (id),
        cash_session_id TEXT NOT NULL REFERENCES cash_sessions (id),
        method TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0), refunded_by TEXT NOT NULL, at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX refunds_session ON refunds (cash_session_id);
      CREATE INDEX refunds_order ON refunds (order_id);

      CREATE TABLE order_events (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders (id),
        kind TEXT NOT NULL CHECK (kind IN ('opened', 'lines_added', 'paid', 'delivered', 'cancelled', 'voided')),
        by_user TEXT NOT NULL, by_name TEXT NOT NULL, at INTEGER NOT NULL, reason TEXT,
        approver_id TEXT, approver_name TEXT, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_events_order ON order_events (order_id, at);

      -- Derived from the facts above and kept in the same transaction, for the screens' queries.
      CREATE TABLE order_state (
        order_id TEXT PRIMARY KEY REFERENCES orders (id),
        status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'preparing', 'ready', 'delivered', 'cancelled', 'voided')),
        subtotal INTEGER NOT NULL, discount INTEGER NOT NULL, total INTEGER NOT NULL, paid INTEGER NOT NULL,
        paid_at INTEGER, status_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX order_state_status ON order_state (status, status_at);

      CREATE TABLE kitchen_tickets (
        id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders (id), created_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX kitchen_tickets_order ON kitchen_tickets (order_id);
      CREATE TABLE kitchen_ticket_lines (
        ticket_id TEXT NOT NULL REFERENCES kitchen_tickets (id), line_id TEXT NOT NULL UNIQUE REFERENCES order_lines (id),
        PRIMARY KEY (ticket_id, line_id)
      ) STRICT;
      CREATE TABLE kitchen_ticket_events (
        id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES kitchen_tickets (id),
        status TEXT NOT NULL CHECK (status IN ('preparing', 'ready')), by_user TEXT NOT NULL, at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE TABLE kitchen_ticket_state (
        ticket_id TEXT PRIMARY KEY REFERENCES kitchen_tickets (id), order_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'preparing', 'ready')), status_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX kitchen_ticket_state_status ON kitchen_ticket_state (status, status_at);
      CREATE INDEX kitchen_ticket_state_order ON kitchen_ticket_state (order_id);

      -- Local and disposable: a parked cart is not a sale and takes no number.
      CREATE TABLE held_carts (
        id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, label TEXT NOT NULL, cart TEXT NOT NULL,
        created_by TEXT NOT NULL, created_by_name TEXT NOT NULL, created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('receipt', 'kitchen', 'cash_slip')), ref_id TEXT NOT NULL,
        label TEXT NOT NULL, reprint INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL CHECK (status IN ('pending', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX print_jobs_status ON print_jobs (status, created_at);
      ${COUNTER_FACT_TABLES.map(immutable).join('\n')}
    `);
  },
};
