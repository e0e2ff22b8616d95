import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables, triggers } from '../../helpers/migrations.js';

describe('migration 002: counter', () => {
  it('adds the catalog, caixa, orders, kitchen, held carts and print jobs, with facts made immutable', () => {
    const before = migratedTo(1);
    const db = migratedTo(2);
    expect(schemaVersion(db)).toBe(2);
    const added = tables(db).filter((t) => !tables(before).includes(t)).sort();
    expect(added).toEqual([
      'cash_closings', 'cash_confirmations', 'cash_movements', 'cash_sessions', 'categories', 'combo_slot_options', 'combo_slots',
      'held_carts', 'kitchen_ticket_events', 'kitchen_ticket_lines', 'kitchen_ticket_state', 'kitchen_tickets', 'modifier_groups',
      'modifier_options', 'order_counters', 'order_discounts', 'order_events', 'order_lines', 'order_state', 'orders', 'payments',
      'print_jobs', 'product_modifier_groups', 'products', 'refunds',
    ]);
    for (const fact of ['orders', 'order_lines', 'payments', 'refunds', 'order_events', 'cash_sessions', 'cash_closings', 'cash_movements']) {
      expect(triggers(db)).toContain(`${fact}_no_update`);
      expect(triggers(db)).toContain(`${fact}_no_delete`);
    }
  });

  it('a cash payment must leave in the drawer exactly what it covers', () => {
    const db = migratedTo(2);
    db.exec(`INSERT INTO cash_sessions VALUES ('s', 't', 'u', 'U', 0, 0, '');
             INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, cash_session_id, hlc)
             VALUES ('o', 't', '2026-11-29', 1, 'A-001', 'balcao', 'u', 'U', 0, 's', '')`);
    const pay = db.prepare("INSERT INTO payments (id, order_id, cash_session_id, method, amount, tendered, change, received_by, at, hlc) VALUES (?, 'o', 's', ?, ?, ?, ?, 'u', 0, '')");
    expect(() => pay.run('p1', 'cash', 600, 1000, 300)).toThrow(/CHECK/);
    expect(() => pay.run('p2', 'debit', 600, 1000, 400)).toThrow(/CHECK/);
    pay.run('p3', 'cash', 600, 1000, 400);
    expect(() => db.prepare("UPDATE payments SET amount = 1 WHERE id = 'p3'").run()).toThrow(/immutable/);
  });
});
