import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 003: stockroom', () => {
  it('adds items, suppliers, the ledger, levels, recipes and counts; sale lines gain their cost', () => {
    const db = migratedTo(3);
    expect(schemaVersion(db)).toBe(3);
    for (const table of ['stock_items', 'stock_item_units', 'suppliers', 'stock_movements', 'stock_levels', 'recipes', 'modifier_recipes', 'counts', 'count_lines', 'count_closings']) {
      expect(tables(db)).toContain(table);
    }
    expect(db.prepare("SELECT name FROM pragma_table_info('order_lines') WHERE name = 'cost'").pluck().get()).toBe('cost');
    db.exec("INSERT INTO stock_items VALUES ('i', 'Pão', 'pao', 'un', NULL, 0, NULL, 1, 0, 0, '')");
    db.exec("INSERT INTO stock_movements (id, item_id, kind, quantity, value, by_user, by_name, at, hlc) VALUES ('m', 'i', 'entrada', 1000, 150, 'u', 'U', 0, '')");
    expect(() => db.prepare("UPDATE stock_movements SET quantity = 2").run()).toThrow(/immutable/);
    expect(() => db.prepare("INSERT INTO stock_items VALUES ('j', 'X', 'x', 'kg', NULL, 0, NULL, 1, 0, 0, '')").run()).toThrow(/CHECK/);
  });
});
