import type { Migration } from './migration.js';

/** The next catalog version: after every one given so far, and never behind the clock in milliseconds. */
const NEXT_VERSION = `max((SELECT coalesce(max(version), 0) + 1 FROM catalog_versions), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))`;

/** Marks a product (or '' for the rest of the catalog) as changed at the next version. */
export const markCatalogEntry = (entry: string) => `INSERT INTO catalog_versions (entry, version) VALUES (${entry}, ${NEXT_VERSION})
  ON CONFLICT (entry) DO UPDATE SET version = excluded.version;`;
const mark = markCatalogEntry;

function triggersOn(table: string, entryOf: (row: 'NEW' | 'OLD') => string): string {
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((event) => {
      const row = event === 'DELETE' ? 'OLD' : 'NEW';
      return `CREATE TRIGGER ${table}_catalog_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${mark(entryOf(row))} END;`;
    })
    .join('\n');
}

/**
 * The catalog's version, so a counter that kept the catalog between loads asks only for what changed
 * since. Triggers keep it, whatever wrote the row: a screen, an import or a change synced from another
 * terminal. One row per product (its last version) and one ('') for categories and modifiers, which are
 * few and always sent whole. Versions follow the clock in milliseconds. ':floor' is the oldest version
 * changes can be told from: set here (rows written before had no version) and again by every restore
 * (rows changed after the copy was taken are back as they were, with no trace of the change).
 */
export const migration031: Migration = {
  version: 31,
  name: 'catalog-versions',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_versions (entry TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT;
      CREATE INDEX catalog_versions_version ON catalog_versions (version);
      ${mark("''")}
      ${mark("':floor'")}
      ${triggersOn('products', (row) => `${row}.id`)}
      ${triggersOn('product_modifier_groups', (row) => `${row}.product_id`)}
      ${triggersOn('combo_slots', (row) => `${row}.combo_id`)}
      ${triggersOn('combo_slot_options', (row) => `coalesce((SELECT combo_id FROM combo_slots WHERE id = ${row}.slot_id), '')`)}
      ${triggersOn('categories', () => "''")}
      ${triggersOn('modifier_groups', () => "''")}
      ${triggersOn('modifier_options', () => "''")}
    `);
  },
};
