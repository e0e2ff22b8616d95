import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { ItemView } from '../../models/stock.js';
import { compareNames } from '../../utils/text.js';

interface StoredItem {
  id: string;
  name: string;
  base_unit: 'un' | 'g' | 'ml';
  category: string | null;
  minimum: number;
  barcode: string | null;
  active: number;
  quantity: number | null;
  value: number | null;
}

const ITEM_SELECT = `SELECT i.id, i.name, i.base_unit, i.category, i.minimum, i.barcode, i.active, l.quantity, l.value
  FROM stock_items i LEFT JOIN stock_levels l ON l.item_id = i.id`;

function unitsByItem(db: Db): Map<string, { name: string; factor: number }[]> {
  const map = new Map<string, { name: string; factor: number }[]>();
  for (const u of sql<[], { item_id: string; name: string; factor: number }>(db, 'SELECT item_id, name, factor FROM stock_item_units ORDER BY item_id, factor').all()) {
    let list = map.get(u.item_id);
    if (!list) map.set(u.item_id, (list = []));
    list.push({ name: u.name, factor: u.factor });
  }
  return map;
}

function toView(row: StoredItem, units: { name: string; factor: number }[]): ItemView {
  const onHand = row.quantity ?? 0;
  const value = row.value ?? 0;
  return {
    id: row.id,
    name: row.name,
    baseUnit: row.base_unit,
    category: row.category,
    minimum: row.minimum,
    barcode: row.barcode,
    active: row.active === 1,
    units,
    onHand,
    value,
    // centavos per base unit: value / (onHand / 1000)
    averageCost: onHand > 0 ? Math.round((value * 1000 * 100) / onHand) / 100 : 0,
    low: onHand <= row.minimum,
    negative: onHand < 0,
  };
}

/** Every item with its level; the level is the ledger's sum, kept in the same transaction as each movement. */
export function listItems(db: Db, includeInactive: boolean): ItemView[] {
  const units = unitsByItem(db);
  return sql<[number], StoredItem>(db, `${ITEM_SELECT} WHERE i.active >= ?`)
    .all(includeInactive ? 0 : 1)
    .sort((a, b) => compareNames(a.name, b.name))
    .map((row) => toView(row, units.get(row.id) ?? []));
}

export function findItem(db: Db, id: string): ItemView | undefined {
  const row = sql<[string], StoredItem>(db, `${ITEM_SELECT} WHERE i.id = ?`).get(id);
  if (!row) return undefined;
  const units = sql<[string], { name: string; factor: number }>(db, 'SELECT name, factor FROM stock_item_units WHERE item_id = ? ORDER BY factor').all(id);
  return toView(row, units);
}

/** On hand straight from the ledger, for checking the cached levels. */
export const ledgerSums = (db: Db) =>
  sql<[], { itemId: string; quantity: number; value: number }>(
    db,
    'SELECT item_id AS itemId, sum(quantity) AS quantity, sum(value) AS value FROM stock_movements GROUP BY item_id',
  ).all();

export interface RecipeItem {
  itemId: string;
  quantity: number;
}

/** What one sale of the product takes from stock becomes exactly these items. */
export function replaceRecipe(db: Db, productId: string, items: readonly RecipeItem[], hlc: string): void {
  sql(db, 'DELETE FROM recipes WHERE product_id = ?').run(productId);
  for (const item of items) sql(db, 'INSERT INTO recipes (product_id, item_id, quantity, hlc) VALUES (?, ?, ?, ?)').run(productId, item.itemId, item.quantity, hlc);
}

/** What choosing the option adds to (or takes from) a sale becomes exactly these items. */
export function replaceModifierRecipe(db: Db, optionId: string, items: readonly RecipeItem[], hlc: string): void {
  sql(db, 'DELETE FROM modifier_recipes WHERE option_id = ?').run(optionId);
  for (const item of items) sql(db, 'INSERT INTO modifier_recipes (option_id, item_id, quantity, hlc) VALUES (?, ?, ?, ?)').run(optionId, item.itemId, item.quantity, hlc);
}

/** The item's purchase units become exactly these. */
export function replaceItemUnits(db: Db, itemId: string, units: readonly { name: string; factor: number }[]): void {
  sql(db, 'DELETE FROM stock_item_units WHERE item_id = ?').run(itemId);
  for (const unit of units) sql(db, 'INSERT INTO stock_item_units (item_id, name, factor) VALUES (?, ?, ?)').run(itemId, unit.name, unit.factor);
}

/** The largest single receipt of an item, in thousandths of its base unit; 0 when it was never received. */
export const largestReceipt = (db: Db, itemId: string): number =>
  sql<[string], { n: number | null }>(db, "SELECT max(quantity) AS n FROM stock_movements WHERE item_id = ? AND kind = 'entrada'").get(itemId)?.n ?? 0;

/** An item's receipts not reversed, newest first, one at a time: the walk stops once what is on hand is covered. */
export const newestReceipts = (db: Db, itemId: string) =>
  sql<[string], { id: string; quantity: number; lot: string | null; expiry: string | null }>(
    db,
    "SELECT id, quantity, lot, expiry FROM stock_movements WHERE item_id = ? AND kind = 'entrada' AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_id = stock_movements.id) ORDER BY at DESC, rowid DESC",
  ).iterate(itemId);
