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

const recipeOf = (tx: Db, productId: string) =>
  sql<[string], { itemId: string; quantity: number }>(tx, 'SELECT item_id AS itemId, quantity FROM recipes WHERE product_id = ?').all(productId);

/**
 * What one sale line takes from stock: the product's recipe (or, for a combo, its own plus each
 * chosen product's), adjusted by its modifiers ("+ bacon", "sem cebola"), times the quantity.
 * An item a modifier removes entirely is not taken; nothing is ever taken below zero per line.
 */
export function consumptionOf(tx: Db, line: SoldLine): Map<string, number> {
  const perUnit = new Map<string, number>();
  const add = (itemId: string, quantity: number) => perUnit.set(itemId, (perUnit.get(itemId) ?? 0) + quantity);
  for (const row of recipeOf(tx, line.productId)) add(row.itemId, row.quantity);
  for (const component of line.combo) for (const row of recipeOf(tx, component.productId)) add(row.itemId, row.quantity);
  for (const modifier of line.modifiers) {
    for (const row of sql<[string], { itemId: string; quantity: number }>(tx, 'SELECT item_id AS itemId, quantity FROM modifier_recipes WHERE option_id = ?').all(modifier.optionId)) {
      add(row.itemId, row.quantity);
    }
  }
  const total = new Map<string, number>();
  for (const [itemId, quantity] of perUnit) if (quantity > 0) total.set(itemId, quantity * line.quantity);
  return total;
}

/** Writes the line's venda movements and returns the cost of goods sold it carries (centavos). */
export function takeStockForLine(tx: Db, ctx: ScriptContext, orderId: string, line: SoldLine): number {
  let cost = 0;
  for (const [itemId, quantity] of consumptionOf(tx, line)) {
    const { value } = appendMovement(tx, ctx, { itemId, kind: 'venda', quantity: -quantity, orderId, orderLineId: line.id });
    cost -= value;
  }
  return cost;
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
  return taken.length;
}
