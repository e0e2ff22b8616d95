import type { Migration } from './migration.js';

/**
 * The stamp of each field of reference data (products, users, settings…), so two terminals' edits
 * merge per field by HLC. Local bookkeeping, filled by every change this terminal logs or applies;
 * the changes logged before it started are read back from the log.
 */
export const migration008: Migration = {
  version: 8,
  name: 'field-stamps',
  up(db) {
    db.exec(`
      CREATE TABLE change_field_stamps (
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field     TEXT NOT NULL,
        hlc       TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
      ) STRICT;

      INSERT INTO change_field_stamps (entity, entity_id, field, hlc)
        SELECT c.entity, c.entity_id, f.key, max(c.hlc) FROM change_log c, json_each(c.data) f
        WHERE c.entity IN ('shop', 'terminal', 'setting', 'user', 'category', 'product', 'modifier_group',
                           'stock_item', 'supplier', 'recipe', 'modifier_recipe')
        GROUP BY c.entity, c.entity_id, f.key;
    `);
  },
};
