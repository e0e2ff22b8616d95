import type { Db } from '../database/connection.js';
import { sql } from '../database/statements.js';
import { BusinessError } from '../exceptions/business-error.js';
import type { ScriptContext } from './script.js';

/** An item's running figures: the sums of its ledger, plus the last average cost for when none is on hand. */
export interface Level {
  quantity: number;
  value: number;
  rateValue: number;
  rateQuantity: number;
}

export const EMPTY_LEVEL: Level = { quantity: 0, value: 0, rateValue: 0, rateQuantity: 0 };

/** a × b / c rounded half away from zero, exact even past 2^53. */
export function mulDivRound(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n % d;
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  return Number(2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d) ? q + sign : q);
}

/**
 * What `quantity` (thousandths of the base unit) is worth at the moving weighted average: the stock's
 * own average while there is some, else the last average it had (stock may go negative: the sale
 * already happened).
 */
export const hasAverage = (level: Level): boolean => level.quantity > 0 || level.rateQuantity > 0;

export function valueAtAverage(level: Level, quantity: number): number {
  if (level.quantity > 0) return mulDivRound(level.value, quantity, level.quantity);
  if (level.rateQuantity > 0) return mulDivRound(level.rateValue, quantity, level.rateQuantity);
  return 0;
}

/**
 * What a receipt of `quantity` that cost `cost` adds to the stock's value. The part that covers stock
 * already sold below zero is valued at the receipt's own cost: those sales were booked at the old
 * average (or at nothing), and carrying that difference into the stock left would skew its average.
 */
export function receiptValue(level: Level, quantity: number, cost: number): number {
  if (level.quantity >= 0) return cost;
  const covered = Math.min(-level.quantity, quantity);
  const bookedForCovered = mulDivRound(level.value, covered, -level.quantity);
  return cost - mulDivRound(cost, covered, quantity) - bookedForCovered;
}

/** The level after a movement; the average is remembered while the stock is positive. */
export function applyToLevel(level: Level, quantity: number, value: number): Level {
  const next = { ...level, quantity: level.quantity + quantity, value: level.value + value };
  if (next.quantity > 0) {
    next.rateValue = next.value;
    next.rateQuantity = next.quantity;
  }
  return next;
}

/**
 * The largest figure the ledger keeps, in absolute value: a movement's quantity (thousandths) and value
 * (centavos), and an item's running quantity and value. 10^12 is 1 bilhão un (1.000 t in grams) and
 * R$ 10 bilhões. Any 9.000 such figures still add up below Number.MAX_SAFE_INTEGER (≈ 9,007 × 10^15),
 * so a report summing every item's value, or a period's movements, stays exact in JavaScript, and far
 * below SQLite's 64-bit integers (≈ 9,2 × 10^18), whose SUM would otherwise fail with an overflow.
 */
export const LEDGER_LIMIT = 1_000_000_000_000;

/** Whether a movement and the level it leads to stay within what the ledger and its reports can sum. */
export const withinLedgerLimit = (quantity: number, value: number, after: Level): boolean =>
  [quantity, value, after.quantity, after.value].every((figure) => Math.abs(figure) <= LEDGER_LIMIT);

export const readLevel = (db: Db, itemId: string): Level =>
  sql<[string], Level>(
    db,
    'SELECT quantity, value, rate_value AS rateValue, rate_quantity AS rateQuantity FROM stock_levels WHERE item_id = ?',
  ).get(itemId) ?? EMPTY_LEVEL;

export function writeLevel(db: Db, itemId: string, level: Level, at: number): void {
  sql(
    db,
    `INSERT INTO stock_levels (item_id, quantity, value, rate_value, rate_quantity, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET quantity = excluded.quantity, value = excluded.value,
       rate_value = excluded.rate_value, rate_quantity = excluded.rate_quantity, updated_at = excluded.updated_at`,
  ).run(itemId, level.quantity, level.value, level.rateValue, level.rateQuantity, at);
}

export type MovementKind = 'entrada' | 'saida' | 'perda' | 'ajuste' | 'venda' | 'estorno';

export interface MovementInput {
  id?: string;
  itemId: string;
  kind: MovementKind;
  /** Signed, in thousandths of the base unit: positive comes in, negative goes out. */
  quantity: number;
  /** Signed centavos; when absent, the quantity at the moving average. */
  value?: number;
  /** What a receipt paid for the quantity, in centavos; its value in stock follows `receiptValue`. */
  cost?: number;
  supplierId?: string | null;
  invoice?: string | null;
  receiptId?: string | null;
  unitName?: string | null;
  unitCost?: number | null;
  lot?: string | null;
  expiry?: string | null;
  reason?: string | null;
  note?: string | null;
  orderId?: string | null;
  orderLineId?: string | null;
  countId?: string | null;
  reversesId?: string | null;
  /** The input field a refusal points to (a receipt's line); 'quantity' when absent. */
  field?: string;
}

/**
 * Appends one movement to the ledger and moves the item's level with it, in the caller's
 * transaction. Crossing down to the minimum raises `stock.low` on the live channel.
 */
export function appendMovement(tx: Db, ctx: ScriptContext, input: MovementInput): { id: string; value: number; priced: boolean } {
  const item = sql<[string], Level & { name: string; minimum: number }>(
    tx,
    `SELECT i.name, i.minimum, coalesce(l.quantity, 0) AS quantity, coalesce(l.value, 0) AS value,
            coalesce(l.rate_value, 0) AS rateValue, coalesce(l.rate_quantity, 0) AS rateQuantity
     FROM stock_items i LEFT JOIN stock_levels l ON l.item_id = i.id WHERE i.id = ?`,
  ).get(input.itemId);
  if (!item) throw new Error(`Insumo ${input.itemId} não existe.`);
  const before: Level = { quantity: item.quantity, value: item.value, rateValue: item.rateValue, rateQuantity: item.rateQuantity };
  const value = input.cost !== undefined ? receiptValue(before, input.quantity, input.cost) : (input.value ?? valueAtAverage(before, input.quantity));
  // An item never received at a cost has no average: its value of 0 is not known to be 0.
  const priced = input.cost !== undefined || input.value !== undefined || hasAverage(before);
  const after = applyToLevel(before, input.quantity, value);
  if (!withinLedgerLimit(input.quantity, value, after)) {
    throw new BusinessError('VALIDATION', `Quantidade ou valor alto demais para o estoque de ${item.name} (máximo de R$ 10 bilhões e 1 bilhão de unidades).`, input.field ?? 'quantity');
  }
  const id = input.id ?? ctx.newId();
  const hlc = ctx.stamp();
  const row = {
    id,
    itemId: input.itemId,
    kind: input.kind,
    quantity: input.quantity,
    value,
    supplierId: input.supplierId ?? null,
    invoice: input.invoice ?? null,
    receiptId: input.receiptId ?? null,
    unitName: input.unitName ?? null,
    unitCost: input.unitCost ?? null,
    lot: input.lot ?? null,
    expiry: input.expiry ?? null,
    reason: input.reason ?? null,
    note: input.note ?? null,
    orderId: input.orderId ?? null,
    orderLineId: input.orderLineId ?? null,
    countId: input.countId ?? null,
    reversesId: input.reversesId ?? null,
    byUser: ctx.actor!.id,
    byName: ctx.actor!.name,
    at: ctx.now,
    hlc,
  };
  sql(
    tx,
    `INSERT INTO stock_movements (id, item_id, kind, quantity, value, supplier_id, invoice, receipt_id, unit_name, unit_cost, lot, expiry, reason, note,
       order_id, order_line_id, count_id, reverses_id, by_user, by_name, at, hlc)
     VALUES (@id, @itemId, @kind, @quantity, @value, @supplierId, @invoice, @receiptId, @unitName, @unitCost, @lot, @expiry, @reason, @note,
       @orderId, @orderLineId, @countId, @reversesId, @byUser, @byName, @at, @hlc)`,
  ).run(row);
  writeLevel(tx, input.itemId, after, ctx.now);
  ctx.recordChange('stock_movement', id, 'insert', { ...row, hlc: undefined }, hlc);

  if (before.quantity > item.minimum && after.quantity <= item.minimum) {
    const low = { itemId: input.itemId, name: item.name, onHand: after.quantity, minimum: item.minimum };
    ctx.emit('stock.low', low);
    ctx.webhook('stock.low', low);
  }
  return { id, value, priced };
}

/** Reverses a movement exactly: the same quantity and value, back, pointing to it. */
export function reverseMovement(
  tx: Db,
  ctx: ScriptContext,
  movement: { id: string; itemId: string; quantity: number; value: number; orderId?: string | null },
  kind: MovementKind,
  reason: string | null,
  id?: string,
) {
  return appendMovement(tx, ctx, {
    ...(id ? { id } : {}),
    itemId: movement.itemId,
    kind,
    quantity: -movement.quantity,
    value: -movement.value,
    reversesId: movement.id,
    orderId: movement.orderId ?? null,
    reason,
  });
}
