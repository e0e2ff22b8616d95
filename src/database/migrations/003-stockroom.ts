import type { Migration } from './migration.js';

const STOCK_FACT_TABLES = ['stock_movements', 'count_closings'] as const;

const immutable = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END;`;

/**
 * The stockroom: items with purchase units, suppliers, an immutable movement ledger (stock on hand is
 * its sum), recipes that follow every sale, and physical counts.
 */
export const migration003: Migration = {
  version: 3,
  name: 'stockroom',
  up(db) {
    db.exec(`
      CREATE TABLE stock_items (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, search_key TEXT NOT NULL,
        base_unit TEXT NOT NULL CHECK (base_unit IN ('un', 'g', 'ml')), category TEXT,
        minimum INTEGER NOT NULL CHECK (minimum >= 0), barcode TEXT,
        active INTEGER NOT NULL CHECK (active IN (0, 1)), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX stock_items_barcode ON stock_items (barcode) WHERE barcode IS NOT NULL;
      -- 1 cx = 12 un is stored as factor 12000: thousandths of the base unit in one purchase unit.
      CREATE TABLE stock_item_units (
        item_id TEXT NOT NULL REFERENCES stock_items (id), name TEXT NOT NULL, factor INTEGER NOT NULL CHECK (factor > 0),
        PRIMARY KEY (item_id, name)
      ) STRICT;

      CREATE TABLE suppliers (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, cnpj TEXT, contact TEXT, phone TEXT, email TEXT,
        active INTEGER NOT NULL CHECK (active IN (0, 1)), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX suppliers_cnpj ON suppliers (cnpj) WHERE cnpj IS NOT NULL;

      -- Quantities in thousandths of the base unit, values in centavos; both signed (in or out).
      CREATE TABLE stock_movements (
        id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES stock_items (id),
        kind TEXT NOT NULL CHECK (kind IN ('entrada', 'saida', 'perda', 'ajuste', 'venda', 'estorno')),
        quantity INTEGER NOT NULL, value INTEGER NOT NULL,
        supplier_id TEXT REFERENCES suppliers (id), invoice TEXT, receipt_id TEXT, unit_name TEXT, unit_cost INTEGER,
        lot TEXT, expiry TEXT, reason TEXT, note TEXT,
        order_id TEXT, order_line_id TEXT, count_id TEXT, reverses_id TEXT UNIQUE REFERENCES stock_movements (id),
        by_user TEXT NOT NULL, by_name TEXT NOT NULL, at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stock_movements_item ON stock_movements (item_id, at);
      CREATE INDEX stock_movements_at ON stock_movements (at);
      CREATE INDEX stock_movements_order ON stock_movements (order_id) WHERE order_id IS NOT NULL;
      CREATE INDEX stock_movements_expiry ON stock_movements (expiry) WHERE expiry IS NOT NULL;

      -- Derived from the ledger in the same transaction; tests check it against the sums.
      -- rate_value / rate_quantity: the last average cost, used when stock is at or below zero.
      CREATE TABLE stock_levels (
        item_id TEXT PRIMARY KEY REFERENCES stock_items (id), quantity INTEGER NOT NULL, value INTEGER NOT NULL,
        rate_value INTEGER NOT NULL, rate_quantity INTEGER NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE recipes (
        product_id TEXT NOT NULL REFERENCES products (id), item_id TEXT NOT NULL REFERENCES stock_items (id),
        quantity INTEGER NOT NULL CHECK (quantity > 0), hlc TEXT NOT NULL, PRIMARY KEY (product_id, item_id)
      ) STRICT;
      -- "+ bacon 30 g" adds, "sem cebola" takes away (negative quantity).
      CREATE TABLE modifier_recipes (
        option_id TEXT NOT NULL REFERENCES modifier_options (id), item_id TEXT NOT NULL REFERENCES stock_items (id),
        quantity INTEGER NOT NULL CHECK (quantity != 0), hlc TEXT NOT NULL, PRIMARY KEY (option_id, item_id)
      ) STRICT;

      CREATE TABLE counts (
        id TEXT PRIMARY KEY, started_by TEXT NOT NULL, started_by_name TEXT NOT NULL, started_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      -- Working entries of an open count: counted and, hidden from the counter, what the ledger said then.
      CREATE TABLE count_lines (
        count_id TEXT NOT NULL REFERENCES counts (id), item_id TEXT NOT NULL REFERENCES stock_items (id),
        counted INTEGER NOT NULL CHECK (counted >= 0), expected INTEGER NOT NULL, entered_by TEXT NOT NULL, entered_at INTEGER NOT NULL,
        PRIMARY KEY (count_id, item_id)
      ) STRICT;
      CREATE TABLE count_closings (
        count_id TEXT PRIMARY KEY REFERENCES counts (id), closed_by TEXT NOT NULL, closed_by_name TEXT NOT NULL, closed_at INTEGER NOT NULL, hlc TEXT NOT NULL
      ) STRICT;
      -- The cost of goods sold, captured on each sale line at the moment of sale.
      ALTER TABLE order_lines ADD COLUMN cost INTEGER NOT NULL DEFAULT 0;
      ${STOCK_FACT_TABLES.map(immutable).join('\n')}
    `);
  },
};
