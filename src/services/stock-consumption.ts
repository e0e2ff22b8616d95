import type { Db } from '../database/connection.js';
import { sql } from '../database/statements.js';
import type { ScriptContext } from './script.js';
import { appendMovement, reverseMovement } from './stock-ledger.js';

export interface SoldLine {
  id: string;
  productId: string;
  quantity: number;
  modifiers: { optionId: string }[];
  combo: { productId: string }[];
}

interface RecipeRow {
  source: 'product' | 'option';
  key: string;
  itemId: string;
  quantity: number;
}

/** Every recipe row a line can use (its product, its combo's products, its modifiers), in one query. */
const recipeRowsFor = (tx: Db, productIds: string[], optionIds: string[]) =>
  sql<[string, string], RecipeRow>(
    tx,
    `SELECT 'product' AS source, product_id AS key, item_id AS itemId, quantity FROM recipes WHERE product_id IN (SELECT value FROM json_each(?))
     UNION ALL
     SELECT 'option', option_id, item_id, quantity FROM modifier_recipes WHERE option_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(productIds), JSON.stringify(optionIds));

/**
 * What each sale line takes from stock: the product's recipe (or, for a combo, its own plus each
 * chosen product's), adjusted by its modifiers ("+ bacon", "sem cebola"), times the quantity.
 * An item a modifier removes entirely is not taken; nothing is ever taken below zero per line.
 * One query for the whole sale.
 */
export function consumptionOf(tx: Db, lines: SoldLine[]): Map<string, Map<string, number>> {
  const productsOf = (line: SoldLine) => [line.productId, ...line.combo.map((c) => c.productId)];
  const optionsOf = (line: SoldLine) => line.modifiers.map((m) => m.optionId);
  const rows = recipeRowsFor(tx, [...new Set(lines.flatMap(productsOf))], [...new Set(lines.flatMap(optionsOf))]);
  const byKey = new Map<string, RecipeRow[]>();
  for (const row of rows) {
    const key = `${row.source}:${row.key}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(row);
  }
  const result = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const perUnit = new Map<string, number>();
    // A product may appear twice (a combo of the same burger): each appearance counts.
    const keys = [...productsOf(line).map((id) => `product:${id}`), ...optionsOf(line).map((id) => `option:${id}`)];
    for (const key of keys) for (const row of byKey.get(key) ?? []) perUnit.set(row.itemId, (perUnit.get(row.itemId) ?? 0) + row.quantity);
    result.set(line.id, new Map([...perUnit].filter(([, quantity]) => quantity > 0).map(([itemId, quantity]) => [itemId, quantity * line.quantity])));
  }
  return result;
}

/** Writes the venda movements of a sale's lines; returns each line's cost of goods sold (centavos). */
export function takeStockForLines(tx: Db, ctx: ScriptContext, orderId: string, lines: SoldLine[]): Map<string, number> {
  const costs = new Map<string, number>();
  const touched = new Set<string>();
  for (const [lineId, items] of consumptionOf(tx, lines)) {
    let cost = 0;
    for (const [itemId, quantity] of items) {
      cost -= appendMovement(tx, ctx, { itemId, kind: 'venda', quantity: -quantity, orderId, orderLineId: lineId }).value;
      touched.add(itemId);
    }
    costs.set(lineId, cost);
  }
  if (touched.size) ctx.emit('stock.changed', { itemIds: [...touched] });
  return costs;
}

/** A void or a cancellation puts back exactly what the order took: each venda reversed by an estorno. */
export function returnStockForOrder(tx: Db, ctx: ScriptContext, orderId: string, reason: string): number {
  const taken = sql<[string], { id: string; itemId: string; quantity: number; value: number; orderId: string }>(
    tx,
    `SELECT m.id, m.item_id AS itemId, m.quantity, m.value, m.order_id AS orderId FROM stock_movements m
     WHERE m.order_id = ? AND m.kind = 'venda' AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_id = m.id)
     ORDER BY m.rowid`,
  ).all(orderId);
  for (const movement of taken) reverseMovement(tx, ctx, movement, 'estorno', reason);
  if (taken.length) ctx.emit('stock.changed', { itemIds: [...new Set(taken.map((m) => m.itemId))] });
  return taken.length;
}
