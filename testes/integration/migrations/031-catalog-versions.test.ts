import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { catalogVersion, productIdsChangedSince } from '../../../src/database/queries/catalog.js';
import { migratedTo, tables, triggers } from '../../helpers/migrations.js';

const P1 = '01900000-0000-7000-8000-000000000001';
const P2 = '01900000-0000-7000-8000-000000000002';

describe('migration 031: the catalog version', () => {
  it('starts a version over an older database and moves it forward on every write to a catalog table, whatever wrote it', () => {
    const db = migratedTo(28);
    db.exec(`INSERT INTO categories (id, name, color, sort_order, active, created_at, updated_at, hlc) VALUES ('c', 'Lanches', '#ef4444', 1, 1, 0, 0, '');
      INSERT INTO products (id, name, search_key, code, barcode, price, category_id, kind, station, active, sold_out, created_at, updated_at, hlc)
      VALUES ('${P1}', 'X-Burger', 'x-burger xb', 'XB', NULL, 1800, 'c', 'simple', NULL, 1, 0, 0, 0, ''),
             ('${P2}', 'Combo', 'combo cb', 'CB', NULL, 2800, 'c', 'combo', NULL, 1, 0, 0, 0, '');`);
    expect(runMigrations(db, MIGRATIONS)).toContain(31);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(31);
    expect(tables(db)).toContain('catalog_versions');
    expect(triggers(db)).toEqual(expect.arrayContaining(['products_catalog_version_update', 'combo_slot_options_catalog_version_delete']));

    // Products already there predate every version a counter could keep: none of them shows as changed.
    const start = catalogVersion(db);
    expect(start).toBeGreaterThan(Date.UTC(2024, 0, 1)); // milliseconds of the clock, not a count from zero
    expect(productIdsChangedSince(db, 0)).toEqual([]);

    db.prepare('UPDATE products SET price = 1900 WHERE id = ?').run(P1);
    const afterPrice = catalogVersion(db);
    expect(afterPrice).toBeGreaterThan(start);
    expect(productIdsChangedSince(db, start)).toEqual([P1]);

    // A combo's choices belong to the combo: changing them marks the combo.
    db.exec(`INSERT INTO combo_slots (id, combo_id, name, position) VALUES ('s', '${P2}', 'Lanche', 0)`);
    const afterSlot = catalogVersion(db);
    db.exec(`INSERT INTO combo_slot_options (slot_id, product_id, price_delta, position) VALUES ('s', '${P1}', 0, 0)`);
    expect(productIdsChangedSince(db, afterSlot)).toEqual([P2]);

    // Categories and modifiers move the version without naming a product.
    const beforeCategory = catalogVersion(db);
    db.exec("UPDATE categories SET name = 'Sanduíches' WHERE id = 'c'");
    expect(catalogVersion(db)).toBeGreaterThan(beforeCategory);
    expect(productIdsChangedSince(db, beforeCategory)).toEqual([]);

    // A deleted product is reported as changed (the counter drops it), and versions never repeat.
    const beforeDelete = catalogVersion(db);
    db.exec(`DELETE FROM combo_slot_options; DELETE FROM combo_slots; DELETE FROM products WHERE id = '${P1}'`);
    expect(productIdsChangedSince(db, beforeDelete)).toEqual(expect.arrayContaining([P1, P2]));
    const versions = db.prepare('SELECT version FROM catalog_versions').pluck().all() as number[];
    expect(new Set(versions).size).toBe(versions.length);
  });
});
