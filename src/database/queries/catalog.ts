import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { CategoryView, ModifierGroupView, ProductView } from '../../models/catalog.js';
import { compareNames } from '../../utils/text.js';
import { markCatalogEntry } from '../migrations/031-catalog-versions.js';

interface StoredProduct {
  id: string;
  name: string;
  code: string;
  barcode: string | null;
  price: number;
  category_id: string | null;
  kind: 'simple' | 'combo';
  station: string | null;
  active: number;
  sold_out: number;
}

export interface ProductRecord {
  id: string;
  name: string;
  code: string;
  barcode: string | null;
  price: number;
  categoryId: string | null;
  kind: 'simple' | 'combo';
  station: string | null;
  active: boolean;
  soldOut: boolean;
}

const product = (row: StoredProduct): ProductRecord => ({
  id: row.id,
  name: row.name,
  code: row.code,
  barcode: row.barcode,
  price: row.price,
  categoryId: row.category_id,
  kind: row.kind,
  station: row.station,
  active: row.active === 1,
  soldOut: row.sold_out === 1,
});

export function findProduct(db: Db, id: string): ProductRecord | undefined {
  const row = sql<[string], StoredProduct>(db, 'SELECT * FROM products WHERE id = ?').get(id);
  return row && product(row);
}

export const findProductIdByCode = (db: Db, code: string): string | undefined =>
  sql<[string], { id: string }>(db, 'SELECT id FROM products WHERE code = ?').get(code)?.id;

export const findProductIdByBarcode = (db: Db, barcode: string): string | undefined =>
  sql<[string], { id: string }>(db, 'SELECT id FROM products WHERE barcode = ?').get(barcode)?.id;

export const findCategoryIdByName = (db: Db, name: string): string | undefined =>
  sql<[string], { id: string }>(db, 'SELECT id FROM categories WHERE name = ? COLLATE NOCASE').get(name)?.id;

export const categoryExists = (db: Db, id: string): boolean => sql(db, 'SELECT 1 FROM categories WHERE id = ?').get(id) !== undefined;

export interface GroupRule {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
}

/** The active modifier groups a product offers, in order. */
export const productGroups = (db: Db, productId: string): GroupRule[] =>
  sql<[string], GroupRule>(
    db,
    `SELECT g.id, g.name, g.min_choices AS minChoices, g.max_choices AS maxChoices
     FROM product_modifier_groups pg JOIN modifier_groups g ON g.id = pg.group_id
     WHERE pg.product_id = ? AND g.active = 1 ORDER BY pg.position`,
  ).all(productId);

/** A group's active options with what each adds to the price (negative takes off). */
export const activeGroupOptions = (db: Db, groupId: string): { id: string; name: string; priceDelta: number }[] =>
  sql<[string], { id: string; name: string; priceDelta: number }>(db, 'SELECT id, name, price_delta AS priceDelta FROM modifier_options WHERE group_id = ? AND active = 1 ORDER BY position').all(groupId);

/** The products that offer a modifier group. */
export const productIdsWithGroup = (db: Db, groupId: string): string[] =>
  sql<[string], { id: string }>(db, 'SELECT product_id AS id FROM product_modifier_groups WHERE group_id = ?').all(groupId).map((r) => r.id);

export interface OptionRecord {
  id: string;
  groupId: string;
  name: string;
  priceDelta: number;
  active: boolean;
}

export function findOption(db: Db, id: string): OptionRecord | undefined {
  const row = sql<[string], { id: string; group_id: string; name: string; price_delta: number; active: number }>(
    db,
    'SELECT id, group_id, name, price_delta, active FROM modifier_options WHERE id = ?',
  ).get(id);
  return row && { id: row.id, groupId: row.group_id, name: row.name, priceDelta: row.price_delta, active: row.active === 1 };
}

export interface SlotRecord {
  id: string;
  name: string;
  options: Map<string, number>;
}

export function comboSlots(db: Db, comboId: string): SlotRecord[] {
  const slots = sql<[string], { id: string; name: string }>(db, 'SELECT id, name FROM combo_slots WHERE combo_id = ? ORDER BY position').all(comboId);
  return slots.map((slot) => ({
    ...slot,
    options: new Map(
      sql<[string], { product_id: string; price_delta: number }>(db, 'SELECT product_id, price_delta FROM combo_slot_options WHERE slot_id = ?')
        .all(slot.id)
        .map((o) => [o.product_id, o.price_delta]),
    ),
  }));
}

const NONE: string[] = [];
const NO_SLOTS: ProductView['comboSlots'] = [];

/** Pt-BR name order; the id orders equal names, so every terminal (and a counter merging changes) agrees. */
export const productOrder = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Products as the screens see them, in name order, with their modifier groups and combo slots. */
function productViews(db: Db, where: string, parameter: number): ProductView[] {
  const groupsOf = new Map<string, string[]>();
  for (const row of sql<[], { product_id: string; group_id: string }>(db, 'SELECT product_id, group_id FROM product_modifier_groups ORDER BY product_id, position').all()) {
    let list = groupsOf.get(row.product_id);
    if (!list) groupsOf.set(row.product_id, (list = []));
    list.push(row.group_id);
  }
  const slotsOf = new Map<string, ProductView['comboSlots']>();
  const slotById = new Map<string, ProductView['comboSlots'][number]>();
  for (const slot of sql<[], { id: string; combo_id: string; name: string }>(db, 'SELECT id, combo_id, name FROM combo_slots ORDER BY combo_id, position').all()) {
    const view = { id: slot.id, name: slot.name, options: [] as { productId: string; priceDelta: number }[] };
    slotById.set(slot.id, view);
    let list = slotsOf.get(slot.combo_id);
    if (!list) slotsOf.set(slot.combo_id, (list = []));
    list.push(view);
  }
  for (const option of sql<[], { slot_id: string; product_id: string; price_delta: number }>(db, 'SELECT slot_id, product_id, price_delta FROM combo_slot_options ORDER BY slot_id, position').all()) {
    slotById.get(option.slot_id)?.options.push({ productId: option.product_id, priceDelta: option.price_delta });
  }

  // Tens of thousands of rows: read just the columns shown, named as sent, and fill them in place.
  // SQLite's byte order is only a head start (long runs make the pt-BR sort that follows about 3× cheaper).
  const products = sql<[number], Omit<ProductView, 'active' | 'soldOut'> & { active: number | boolean; soldOut: number | boolean }>(
    db,
    `SELECT id, name, code, barcode, price, category_id AS categoryId, kind, station, active, sold_out AS soldOut
     FROM products WHERE ${where} ORDER BY name`,
  ).all(parameter) as unknown as ProductView[];
  products.sort(productOrder);
  for (const product of products) {
    product.active = (product.active as unknown) === 1;
    product.soldOut = (product.soldOut as unknown) === 1;
    product.modifierGroupIds = groupsOf.get(product.id) ?? NONE;
    product.comboSlots = slotsOf.get(product.id) ?? NO_SLOTS;
  }
  return products;
}

/** Categories in the order the counter shows their tiles. */
export const catalogCategories = (db: Db, includeInactive: boolean): CategoryView[] =>
  sql<[number], { id: string; name: string; color: string; sort_order: number; active: number }>(db, 'SELECT id, name, color, sort_order, active FROM categories WHERE active >= ?')
    .all(includeInactive ? 0 : 1)
    .sort((a, b) => a.sort_order - b.sort_order || compareNames(a.name, b.name))
    .map((c) => ({ id: c.id, name: c.name, color: c.color, sortOrder: c.sort_order, active: c.active === 1 }));

/** Modifier groups by name, each with its options in order. */
export function catalogModifierGroups(db: Db, includeInactive: boolean): ModifierGroupView[] {
  const optionsOf = new Map<string, ModifierGroupView['options']>();
  for (const o of sql<[], { id: string; group_id: string; name: string; price_delta: number; active: number }>(
    db,
    'SELECT id, group_id, name, price_delta, active FROM modifier_options ORDER BY group_id, position',
  ).all()) {
    if (!includeInactive && o.active !== 1) continue;
    let list = optionsOf.get(o.group_id);
    if (!list) optionsOf.set(o.group_id, (list = []));
    list.push({ id: o.id, name: o.name, priceDelta: o.price_delta, active: o.active === 1 });
  }
  return sql<[number], { id: string; name: string; min_choices: number; max_choices: number; active: number }>(
    db,
    'SELECT id, name, min_choices, max_choices, active FROM modifier_groups WHERE active >= ?',
  )
    .all(includeInactive ? 0 : 1)
    .sort((a, b) => compareNames(a.name, b.name))
    .map((g) => ({ id: g.id, name: g.name, minChoices: g.min_choices, maxChoices: g.max_choices, active: g.active === 1, options: optionsOf.get(g.id) ?? [] }));
}

/** Everything the counter needs, in a handful of queries even with tens of thousands of products. */
export function catalogSnapshot(db: Db, includeInactive: boolean) {
  return {
    categories: catalogCategories(db, includeInactive),
    products: productViews(db, 'active >= ?', includeInactive ? 0 : 1),
    modifierGroups: catalogModifierGroups(db, includeInactive),
  };
}

/** The catalog's version: moved forward by every write to a catalog table (migration 031's triggers). */
export const catalogVersion = (db: Db): number =>
  sql<[], { version: number | null }>(db, 'SELECT max(version) AS version FROM catalog_versions').get()?.version ?? 0;

/** The oldest version changes can be told from (migration 031): a counter that kept an older one takes the whole catalog. */
export const catalogFloor = (db: Db): number =>
  sql<[], { version: number }>(db, "SELECT version FROM catalog_versions WHERE entry = ':floor'").get()?.version ?? Number.MAX_SAFE_INTEGER;

/**
 * A restore put the catalog back as it was when the copy was taken: changes from before now cannot be
 * told apart. The floor moves past every version of the database replaced, which counters may have kept.
 */
export const markCatalogRestored = (db: Db, replacedVersion: number): void => {
  db.exec(markCatalogEntry("':floor'"));
  sql(db, "UPDATE catalog_versions SET version = ? WHERE entry = ':floor' AND version <= ?").run(replacedVersion + 1, replacedVersion);
};

/** The products written since a version (changed, switched off or deleted). */
export const productIdsChangedSince = (db: Db, version: number): string[] =>
  sql<[number], { entry: string }>(db, "SELECT entry FROM catalog_versions WHERE version > ? AND entry NOT IN ('', ':floor')").all(version).map((row) => row.entry);

/** The active products among those written since a version, in name order. */
export const activeProductsChangedSince = (db: Db, version: number): ProductView[] =>
  productViews(db, "active = 1 AND id IN (SELECT entry FROM catalog_versions WHERE version > ?)", version);

export interface ComboSlotInput {
  id: string;
  name: string;
  options: { productId: string; priceDelta: number }[];
}

export interface ModifierOptionInput {
  id: string;
  name: string;
  priceDelta: number;
  active: boolean;
}

/** The product's modifier groups become exactly these, in this order. */
export function replaceProductGroups(db: Db, productId: string, groupIds: readonly string[]): void {
  sql(db, 'DELETE FROM product_modifier_groups WHERE product_id = ?').run(productId);
  groupIds.forEach((groupId, position) =>
    sql(db, 'INSERT INTO product_modifier_groups (product_id, group_id, position) VALUES (?, ?, ?)').run(productId, groupId, position),
  );
}

/** The combo's slots and their choices become exactly these, in this order. */
export function replaceComboSlots(db: Db, comboId: string, slots: readonly ComboSlotInput[]): void {
  sql(db, 'DELETE FROM combo_slot_options WHERE slot_id IN (SELECT id FROM combo_slots WHERE combo_id = ?)').run(comboId);
  sql(db, 'DELETE FROM combo_slots WHERE combo_id = ?').run(comboId);
  slots.forEach((slot, position) => {
    sql(db, 'INSERT INTO combo_slots (id, combo_id, name, position) VALUES (?, ?, ?, ?)').run(slot.id, comboId, slot.name, position);
    slot.options.forEach((option, optionPosition) =>
      sql(db, 'INSERT INTO combo_slot_options (slot_id, product_id, price_delta, position) VALUES (?, ?, ?, ?)').run(slot.id, option.productId, option.priceDelta, optionPosition),
    );
  });
}

/** The group's options become these, in this order; options left out are switched off, never deleted (past sales point at them). */
export function replaceModifierOptions(db: Db, groupId: string, options: readonly ModifierOptionInput[], hlc: string): void {
  sql(db, 'UPDATE modifier_options SET active = 0, hlc = ? WHERE group_id = ?').run(hlc, groupId);
  options.forEach((option, position) =>
    sql(
      db,
      `INSERT INTO modifier_options (id, group_id, name, price_delta, position, active, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, price_delta = excluded.price_delta, position = excluded.position,
         active = excluded.active, hlc = excluded.hlc`,
    ).run(option.id, groupId, option.name, option.priceDelta, position, Number(option.active), hlc),
  );
}
