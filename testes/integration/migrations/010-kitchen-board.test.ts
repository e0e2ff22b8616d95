import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables, triggers } from '../../helpers/migrations.js';

describe('migration 010: kitchen items and board links', () => {
  it('keeps every ticket line sent so far as a whole-line item at its station, then routes per chosen product', () => {
    const db = migratedTo(9);
    db.exec(`INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, hlc)
             VALUES ('o', 't', '2026-11-29', 1, 'A-001', 'balcao', 'u', 'U', 0, '');
             INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, notes, station, discount, total, cost, added_by, added_at, hlc)
             VALUES ('l', 'o', 0, 'p', 'Combo', 1, 2800, '[]', '[]', NULL, 'Chapa', 0, 2800, 0, 'u', 0, '');
             INSERT INTO kitchen_tickets VALUES ('k', 'o', 0, '');
             INSERT INTO kitchen_ticket_lines VALUES ('k', 'l');`);
    runMigrations(db, MIGRATIONS);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(10);
    expect(tables(db)).not.toContain('kitchen_ticket_lines');
    expect(db.prepare('SELECT ticket_id, line_id, part, station FROM kitchen_ticket_items').all()).toEqual([{ ticket_id: 'k', line_id: 'l', part: 0, station: 'Chapa' }]);
    // A line's part goes to one ticket only; items are facts.
    db.exec("INSERT INTO kitchen_ticket_items VALUES ('k', 'l', 2, 'Bar')");
    expect(() => db.exec("INSERT INTO kitchen_ticket_items VALUES ('k', 'l', 2, 'Bar')")).toThrow(/UNIQUE|PRIMARY/);
    expect(triggers(db)).toEqual(expect.arrayContaining(['kitchen_ticket_items_no_update', 'kitchen_ticket_items_no_delete']));
    expect(() => db.exec("UPDATE kitchen_ticket_items SET station = 'Chapa'")).toThrow(/immutable/);
    expect(tables(db)).toContain('board_links');
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('board_links')).toEqual(['id', 'label', 'token_hash', 'created_by', 'created_at', 'revoked_at']);
  });
});
