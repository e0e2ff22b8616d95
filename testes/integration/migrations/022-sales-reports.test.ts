import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo } from '../../helpers/migrations.js';

describe('migration 022: sales summaries and known line costs', () => {
  it('marks stored lines priced by the ledger as known, and sums the counted orders already sold, their discount shared out', () => {
    const db = migratedTo(16);
    db.exec(`
      INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES ('c', 't', 'u', 'U', 0, 0, '');
      INSERT INTO stock_items (id, name, search_key, base_unit, minimum, active, created_at, updated_at, hlc) VALUES ('i', 'Pão', 'pao', 'un', 0, 1, 0, 0, '');
      INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, cash_session_id, hlc) VALUES
        ('sold', 't', '2026-11-29', 1, 'A-001', 'balcao', 'u', 'U', 0, 'c', ''),
        ('voided', 't', '2026-11-29', 2, 'A-002', 'balcao', 'u', 'U', 0, 'c', ''),
        ('open', 't', '2026-11-29', 3, 'A-003', 'comanda', 'u', 'U', 0, 'c', '');
      INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, discount, total, added_by, added_at, hlc, cost) VALUES
        ('priced', 'sold', 0, 'burger', 'X', 1, 1000, '[]', '[]', 0, 1000, 'u', 0, '', 300),
        ('unpriced', 'sold', 1, 'burger', 'X', 1, 1000, '[]', '[]', 100, 900, 'u', 0, '', 0),
        ('norecipe', 'sold', 2, 'can', 'Lata', 2, 550, '[]', '[]', 0, 1100, 'u', 0, '', 0),
        ('v', 'voided', 0, 'can', 'Lata', 1, 550, '[]', '[]', 0, 550, 'u', 0, '', 0),
        ('o', 'open', 0, 'can', 'Lata', 1, 550, '[]', '[]', 0, 550, 'u', 0, '', 0);
      INSERT INTO stock_movements (id, item_id, kind, quantity, value, order_id, order_line_id, by_user, by_name, at, hlc) VALUES
        ('m1', 'i', 'venda', -1000, -300, 'sold', 'priced', 'u', 'U', 0, ''),
        ('m2', 'i', 'venda', -1000, 0, 'sold', 'unpriced', 'u', 'U', 0, '');
      -- Subtotal 3000, an order discount of 100 on top of the line's 100: total 2900.
      INSERT INTO order_state (order_id, status, subtotal, discount, total, paid, paid_at, status_at) VALUES
        ('sold', 'delivered', 3000, 200, 2900, 2900, 5, 5),
        ('voided', 'voided', 550, 0, 550, 550, 5, 6),
        ('open', 'preparing', 550, 0, 550, 0, NULL, 5);
    `);
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 22))).toContain(22);
    expect(schemaVersion(db)).toBe(22);
    expect(db.prepare('SELECT id, cost_known AS known FROM order_lines ORDER BY id').all()).toEqual([
      { id: 'norecipe', known: 0 },
      { id: 'o', known: 0 },
      { id: 'priced', known: 1 },
      { id: 'unpriced', known: 0 },
      { id: 'v', known: 0 },
    ]);
    // The 100 off the order: floor(100·1000/3000)=33 to the first line, 63−33=30 to the second, 100−63=37 to the cans.
    expect(db.prepare('SELECT * FROM sales_by_day_product ORDER BY product_id').all()).toEqual([
      { business_day: '2026-11-29', product_id: 'burger', orders: 1, lines: 2, quantity: 2, gross: 2000, discount: 100 + 33 + 30, cost: 300, uncosted_net: 900 - 30, uncosted_lines: 1 },
      { business_day: '2026-11-29', product_id: 'can', orders: 1, lines: 1, quantity: 2, gross: 1100, discount: 37, cost: 0, uncosted_net: 1100 - 37, uncosted_lines: 1 },
    ]);
    expect(db.prepare('SELECT * FROM sales_by_day').all()).toEqual([
      { business_day: '2026-11-29', orders: 1, lines: 3, quantity: 4, gross: 3100, discount: 200, cost: 300, uncosted_net: 870 + 1063, uncosted_lines: 2 },
    ]);
    expect(() => db.prepare("UPDATE order_lines SET cost_known = 1 WHERE id = 'o'").run()).toThrow(/immutable/);
  });
});
