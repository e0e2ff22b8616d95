import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { newestReceipts } from '../../../src/database/queries/stock.js';
import { migratedTo } from '../../helpers/migrations.js';

describe('migration 023: an index of stock receipts', () => {
  it("lets the alerts walk an item's receipts alone, newest first, however many sales moved it", () => {
    const db = migratedTo(16);
    db.exec(`INSERT INTO stock_items (id, name, search_key, base_unit, minimum, active, created_at, updated_at, hlc) VALUES ('pao', 'Pão', 'pao', 'un', 0, 1, 0, 0, '');
             INSERT INTO stock_movements (id, item_id, kind, quantity, value, lot, expiry, by_user, by_name, at, hlc) VALUES
               ('r1', 'pao', 'entrada', 10000, 100, 'L1', '2026-12-01', 'u', 'U', 1, ''),
               ('s1', 'pao', 'venda', -1000, -10, NULL, NULL, 'u', 'U', 2, ''),
               ('r2', 'pao', 'entrada', 10000, 100, 'L2', '2026-12-08', 'u', 'U', 3, ''),
               ('s2', 'pao', 'venda', -1000, -10, NULL, NULL, 'u', 'U', 4, '');`);
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 23))).toContain(23);
    expect(schemaVersion(db)).toBe(23);
    expect([...newestReceipts(db, 'pao')].map((r) => r.id)).toEqual(['r2', 'r1']);
    // A reversed receipt is no longer on the shelf.
    db.exec(`INSERT INTO stock_movements (id, item_id, kind, quantity, value, reverses_id, by_user, by_name, at, hlc) VALUES ('x2', 'pao', 'estorno', -10000, -100, 'r2', 'u', 'U', 5, '')`);
    expect([...newestReceipts(db, 'pao')].map((r) => r.id)).toEqual(['r1']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM stock_movements WHERE item_id = ? AND kind = 'entrada' ORDER BY at DESC, rowid DESC")
      .all('pao')
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toEqual([expect.stringContaining('USING INDEX stock_movements_receipts (item_id=?)')]);
  });
});
