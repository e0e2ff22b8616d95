import type { Db } from '../../database/connection.js';
import { openSession, type SessionRow } from '../../database/queries/cash.js';
import {
  deriveOrderState,
  parseCombo,
  readOrderState,
  insertDiscount,
  insertEvent,
  insertLine,
  insertPayment,
  writeOrderState,
  type OrderEventKind,
  type OrderRow,
  type PaymentRow,
  type OrderState,
} from '../../database/queries/orders.js';
import { insertOnce } from '../../database/constraint.js';
import { insertTicketItems, queueTicket } from '../../database/queries/kitchen.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { OrderLineInput, PaymentInput } from '../../models/orders.js';
import { formatBRL } from '../../utils/format.js';
import { consumeOverride, type Approval } from '../overrides.js';
import { takeStockForLines } from '../stock-consumption.js';
import type { ScriptContext } from '../script.js';
import { canApproveOverride } from '../user-policy.js';
import { discountNeedsApproval } from '../discount-policy.js';
import { priceLine, type PricedLine } from './pricing.js';

export function requireOpenCaixa(tx: Db, ctx: ScriptContext): SessionRow {
  const session = openSession(tx, ctx.terminal.id);
  if (!session) throw new BusinessError('CASH_CLOSED', 'O caixa deste terminal está fechado. Abra o caixa para vender.');
  return session;
}

export const priceLines = (tx: Db, ctx: ScriptContext, lines: OrderLineInput[], field = 'lines'): PricedLine[] =>
  lines.map((line, i) => priceLine(tx, ctx.catalog, line, `${field}.${i}`));

/**
 * A discount above the shop's limit needs a manager: the manager's own session approves it, anyone
 * else brings a single-use override for this operation and this order.
 */
export function approveDiscounts(
  tx: Db,
  ctx: ScriptContext,
  step: Parameters<typeof discountNeedsApproval>[1],
  approval: { operation: string; orderId: string; token: string | undefined },
): Approval | null {
  if (!discountNeedsApproval(ctx.settings.discountLimitBps, step)) return null;
  const actor = ctx.actor!;
  if (canApproveOverride(actor.role)) return { approverId: actor.id, approverName: actor.name };
  return consumeOverride(tx, ctx, approval.token, { operation: approval.operation, recordId: approval.orderId });
}

/** Stores priced lines (name and price of this moment) with their discounts; returns what was added. */
export function storeLines(tx: Db, ctx: ScriptContext, order: OrderRow, priced: PricedLine[], firstPosition: number, approval: Approval | null) {
  const hlc = ctx.stamp();
  const actor = ctx.actor!;
  // Stock leaves as the lines are confirmed; each line keeps the cost of what it took.
  const costs = takeStockForLines(
    tx,
    ctx,
    order.id,
    priced.map((line) => ({ id: line.input.id, productId: line.input.productId, quantity: line.input.quantity, modifiers: line.modifiers, combo: line.combo })),
  );
  const rows = priced.map((line, i) => ({
    cost: costs.get(line.input.id)?.cost ?? 0,
    costKnown: costs.get(line.input.id)?.known ? 1 : 0,
    id: line.input.id,
    orderId: order.id,
    position: firstPosition + i,
    productId: line.input.productId,
    name: line.name,
    quantity: line.input.quantity,
    unitPrice: line.unitPrice,
    modifiers: JSON.stringify(line.modifiers),
    combo: JSON.stringify(line.combo),
    notes: line.input.notes || null,
    station: line.station,
    discount: line.discount,
    total: line.total,
    addedBy: actor.id,
    addedAt: ctx.now,
    hlc,
  }));
  for (const row of rows) insertOnce(() => insertLine(tx, row), 'Este item já foi lançado em outro pedido.', 'lines');
  // One change per line, keyed by the line: a comanda's later lines never overwrite its first ones.
  for (const row of rows) ctx.recordChange('order_line', row.id, 'insert', { ...row, hlc: undefined }, hlc);
  priced.forEach((line, i) => {
    if (!line.input.discount || line.discount === 0) return;
    const discount = {
      id: ctx.newId(),
      orderId: order.id,
      lineId: rows[i]!.id,
      kind: line.input.discount.kind,
      value: line.input.discount.value,
      amount: line.discount,
      reason: line.input.discount.reason ?? null,
      givenBy: actor.id,
      approvedBy: approval?.approverId ?? null,
      approvedByName: approval?.approverName ?? null,
      at: ctx.now,
      hlc,
    };
    insertDiscount(tx, discount);
    ctx.recordChange('order_discount', discount.id, 'insert', { ...discount, hlc: undefined }, hlc);
  });
  return rows;
}

export function recordEvent(
  tx: Db,
  ctx: ScriptContext,
  orderId: string,
  kind: OrderEventKind,
  extra: { reason?: string | null; approval?: Approval | null; cashSessionId?: string } = {},
): void {
  const hlc = ctx.stamp();
  const row = {
    id: ctx.newId(),
    orderId,
    kind,
    byUser: ctx.actor!.id,
    byName: ctx.actor!.name,
    at: ctx.now,
    reason: extra.reason ?? null,
    approverId: extra.approval?.approverId ?? null,
    approverName: extra.approval?.approverName ?? null,
    cashSessionId: extra.cashSessionId ?? null,
    hlc,
  };
  insertEvent(tx, row);
  ctx.recordChange('order_event', row.id, 'insert', row, hlc);
}

/**
 * Takes payments that settle the whole balance. Cards, vouchers and PIX charge exact amounts and can
 * never exceed the balance; cash covers the rest, and only what it covers counts as cash received:
 * the excess is change handed back, never takings. With nothing due the order closes with no payment.
 */
export function takePayments(tx: Db, ctx: ScriptContext, order: OrderRow, payments: PaymentInput[], due: number, session: SessionRow) {
  if (due === 0 && payments.length) throw new BusinessError('VALIDATION', 'Nada a pagar neste pedido: feche sem forma de pagamento.', 'payments');
  const cashIndexes = payments.flatMap((p, i) => (p.method === 'cash' ? [i] : []));
  if (cashIndexes.length > 1) throw new BusinessError('VALIDATION', 'Informe o dinheiro numa só linha de pagamento.', `payments.${cashIndexes[1]}.method`);
  let nonCash = 0;
  payments.forEach((p, i) => {
    if (p.method === 'cash') return;
    nonCash += p.amount!;
    if (nonCash > due) {
      throw new BusinessError('VALIDATION', `Só o dinheiro pode passar do total: o saldo é ${formatBRL(due)}.`, `payments.${i}.amount`);
    }
  });
  const cashNeeded = due - nonCash;
  const cashIndex = cashIndexes[0];
  if (cashIndex === undefined) {
    if (cashNeeded > 0) throw new BusinessError('PAYMENT_SHORT', `Faltam ${formatBRL(cashNeeded)} para fechar o pedido.`, 'payments', { missing: cashNeeded });
  } else {
    const tendered = payments[cashIndex]!.tendered!;
    if (cashNeeded === 0) throw new BusinessError('VALIDATION', 'O pedido já está pago sem o dinheiro.', `payments.${cashIndex}.tendered`);
    if (tendered < cashNeeded) {
      throw new BusinessError('PAYMENT_SHORT', `Dinheiro insuficiente: faltam ${formatBRL(cashNeeded - tendered)}.`, `payments.${cashIndex}.tendered`, {
        missing: cashNeeded - tendered,
      });
    }
  }
  const hlc = ctx.stamp();
  const rows: PaymentRow[] = [];
  for (const p of payments) {
    const cash = p.method === 'cash';
    const paymentChange = cash ? p.tendered! - cashNeeded : null;
    const row: PaymentRow = {
      id: p.id,
      orderId: order.id,
      cashSessionId: session.id,
      method: p.method,
      amount: cash ? cashNeeded : p.amount!,
      tendered: cash ? p.tendered! : null,
      change: paymentChange,
      receivedBy: ctx.actor!.id,
      at: ctx.now,
      hlc,
    };
    insertOnce(() => insertPayment(tx, row), 'Este pagamento já foi registrado.', 'payments');
    ctx.recordChange('payment', row.id, 'insert', { ...row }, hlc);
    rows.push(row);
  }
  recordEvent(tx, ctx, order.id, 'paid');
  return rows;
}

/** A combo's chosen products are parts 1…n of its line; part 0 is the line as a whole. */
export const WHOLE_LINE = 0;

/**
 * What one sale line sends to the kitchen: each chosen product of a combo to its own station (one with
 * no station, like a can from the fridge, stays at the counter); any other line, or a combo none of
 * whose products has a station, whole to the line's station.
 */
export function kitchenItemsOf(line: { id: string; station: string | null; combo: string }): { lineId: string; part: number; station: string }[] {
  const parts = parseCombo(line.combo).flatMap((choice, i) => (choice.station ? [{ lineId: line.id, part: i + 1, station: choice.station }] : []));
  if (parts.length) return parts;
  return line.station ? [{ lineId: line.id, part: WHOLE_LINE, station: line.station }] : [];
}

/**
 * Sends to the kitchen every line with a station that no ticket has yet (or, from a script that has
 * just stored them, the lines it names); returns the new ticket.
 */
export function sendToKitchen(tx: Db, ctx: ScriptContext, orderId: string, fresh?: { id: string; station: string | null; combo: string }[]): string | null {
  const lines =
    fresh ??
    sql<[string], { id: string; station: string | null; combo: string }>(
      tx,
      `SELECT l.id, l.station, l.combo FROM order_lines l WHERE l.order_id = ? AND l.station IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM kitchen_ticket_items t WHERE t.line_id = l.id) ORDER BY l.position`,
    ).all(orderId);
  const items = lines.flatMap(kitchenItemsOf);
  if (!items.length) return null;
  const id = ctx.newId();
  const hlc = ctx.stamp();
  sql(tx, 'INSERT INTO kitchen_tickets (id, order_id, created_at, hlc) VALUES (?, ?, ?, ?)').run(id, orderId, ctx.now, hlc);
  insertTicketItems(tx, id, items);
  queueTicket(tx, id, orderId, ctx.now);
  ctx.recordChange('kitchen_ticket', id, 'insert', { id, orderId, createdAt: ctx.now, items }, hlc);
  ctx.emit('kitchen.changed', { orderId, ticketId: id });
  return id;
}

/** Caches the order's state (recomputed from the facts unless the caller knows it) and tells the screens. */
export function refreshOrderState(tx: Db, ctx: ScriptContext, order: OrderRow, known?: OrderState): OrderState {
  const state = known ?? deriveOrderState(tx, order.id);
  const before = known ? undefined : readOrderState(tx, order.id)?.status;
  writeOrderState(tx, order.id, state, ctx.now);
  ctx.emit('orders.changed', { orderId: order.id, number: order.displayNumber, status: state.status });
  // "Seu pedido está pronto": the moment the last kitchen ticket is done.
  if (state.status === 'ready' && before !== 'ready') {
    ctx.webhook('order.ready', { orderId: order.id, number: order.displayNumber, customerName: order.customerName, pager: order.pager, type: order.type });
  }
  return state;
}
