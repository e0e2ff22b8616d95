import type { Db } from '../database/connection.js';
import { sql } from '../database/statements.js';
import type { CatalogCache, RecipeItem } from './catalog-cache.js';
import type { ScriptContext } from './script.js';
import { appendMovement, reverseMovement } from './stock-ledger.js';

export interface SoldLine {
  id: string;
  productId: string;
  quantity: number;
  modifiers: { optionId: string }[];
  combo: { productId: string; modifiers: { optionId: string }[] }[];
}

/**
 * What each sale line takes from stock: the product's recipe (or, for a combo, its own plus each
 * chosen product's with that product's own modifiers), adjusted by its modifiers ("+ bacon", "sem cebola"), times the quantity.
 * An item a modifier removes entirely is not taken; nothing is ever taken below zero per line.
 */
export function consumptionOf(tx: Db, catalog: CatalogCache, lines: SoldLine[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const perUnit = new Map<string, number>();
    const add = (rows: readonly RecipeItem[]) => {
      for (const row of rows) perUnit.set(row.itemId, (perUnit.get(row.itemId) ?? 0) + row.quantity);
    };
    // A product may appear twice (a combo of the same burger): each appearance counts.
    add(catalog.recipeOf(tx, line.productId));
    for (const component of line.combo) {
      add(catalog.recipeOf(tx, component.productId));
      for (const modifier of component.modifiers) add(catalog.modifierRecipeOf(tx, modifier.optionId));
    }
    for (const modifier of line.modifiers) add(catalog.modifierRecipeOf(tx, modifier.optionId));
    result.set(line.id, new Map([...perUnit].filter(([, quantity]) => quantity > 0).map(([itemId, quantity]) => [itemId, quantity * line.quantity])));
  }
  return result;
}

/** A sale line's cost of goods: known only when it took items and each of them had an average cost. */
export interface LineCost {
  cost: number;
  known: boolean;
}

/** Writes the venda movements of a sale's lines; returns each line's cost of goods sold (centavos). */
export function takeStockForLines(tx: Db, ctx: ScriptContext, orderId: string, lines: SoldLine[]): Map<string, LineCost> {
  const costs = new Map<string, LineCost>();
  const touched = new Set<string>();
  for (const [lineId, items] of consumptionOf(tx, ctx.catalog, lines)) {
    const line: LineCost = { cost: 0, known: items.size > 0 };
    for (const [itemId, quantity] of items) {
      const movement = appendMovement(tx, ctx, { itemId, kind: 'venda', quantity: -quantity, orderId, orderLineId: lineId });
      line.cost -= movement.value;
      line.known &&= movement.priced;
      touched.add(itemId);
    }
    costs.set(lineId, line);
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
