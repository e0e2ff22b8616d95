import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { PaymentMethod } from '../../models/money.js';
import type { OrderStatus, OrderType, OrderView } from '../../models/orders.js';
import { orderDiscountOf } from '../../utils/money.js';

/** The next gap-free number of this terminal's business day; call inside the sale's transaction. */
export const takeOrderNumber = (db: Db, terminalId: string, businessDay: string): number =>
  sql<[string, string], { last_number: number }>(
    db,
    `INSERT INTO order_counters (terminal_id, business_day, last_number) VALUES (?, ?, 1)
     ON CONFLICT (terminal_id, business_day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
  ).get(terminalId, businessDay)!.last_number;

/** The latest business day this terminal has numbered a sale in, if any. */
export const lastNumberedDay = (db: Db, terminalId: string): string | undefined =>
  sql<[string], { day: string | null }>(db, 'SELECT max(business_day) AS day FROM order_counters WHERE terminal_id = ?').get(terminalId)?.day ?? undefined;

export const formatOrderNumber = (letter: string, number: number): string => `${letter}-${String(number).padStart(3, '0')}`;

export interface OrderRow {
  id: string;
  terminalId: string;
  businessDay: string;
  number: number;
  displayNumber: string;
  type: OrderType;
  customerName: string | null;
  pager: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  cashSessionId: string | null;
  hlc: string;
}

export function insertOrder(db: Db, order: OrderRow): void {
  sql(
    db,
    `INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, customer_name, pager, created_by, created_by_name, created_at, cash_session_id, hlc)
     VALUES (@id, @terminalId, @businessDay, @number, @displayNumber, @type, @customerName, @pager, @createdBy, @createdByName, @createdAt, @cashSessionId, @hlc)`,
  ).run(order);
}

export function findOrder(db: Db, id: string): OrderRow | undefined {
  return sql<[string], OrderRow>(
    db,
    `SELECT id, terminal_id AS terminalId, business_day AS businessDay, number, display_number AS displayNumber, type,
            customer_name AS customerName, pager, created_by AS createdBy, created_by_name AS createdByName,
            created_at AS createdAt, cash_session_id AS cashSessionId, hlc
     FROM orders WHERE id = ?`,
  ).get(id);
}

export interface LineRow {
  id: string;
  orderId: string;
  position: number;
  productId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  modifiers: string;
  combo: string;
  notes: string | null;
  station: string | null;
  discount: number;
  total: number;
  cost: number;
  /** 1 when the cost is known (see takeStockForLines), else 0: the cost then says nothing. */
  costKnown: number;
  addedBy: string;
  addedAt: number;
  hlc: string;
}

export interface ComboChoice {
  slotName: string;
  productId: string;
  productName: string;
  priceDelta: number;
  station: string | null;
  modifiers: { optionId: string; name: string; priceDelta: number }[];
}

/** A line's stored combo choices; lines sold before choices had their own station and modifiers get none. */
export const parseCombo = (json: string): ComboChoice[] =>
  (JSON.parse(json) as Partial<ComboChoice>[]).map((choice) => ({ station: null, modifiers: [], ...choice }) as ComboChoice);

/** "X-Burger (Ao ponto, + Bacon)": a chosen product with its own modifiers, as receipts and tickets show it. */
export const comboChoiceLabel = (choice: ComboChoice): string =>
  choice.modifiers.length ? `${choice.productName} (${choice.modifiers.map((m) => m.name).join(', ')})` : choice.productName;

export function insertLine(db: Db, line: LineRow): void {
  sql(
    db,
    `INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, notes, station, discount, total, cost, cost_known, added_by, added_at, hlc)
     VALUES (@id, @orderId, @position, @productId, @name, @quantity, @unitPrice, @modifiers, @combo, @notes, @station, @discount, @total, @cost, @costKnown, @addedBy, @addedAt, @hlc)`,
  ).run(line);
}

export const lineCount = (db: Db, orderId: string): number =>
  sql<[string], { n: number }>(db, 'SELECT count(*) AS n FROM order_lines WHERE order_id = ?').get(orderId)!.n;

type DiscountRule = Pick<DiscountRow, 'kind' | 'value'>;

export interface DiscountRow {
  id: string;
  orderId: string;
  lineId: string | null;
  kind: 'percent' | 'amount';
  value: number;
  /** What the discount took when given; an order's % discount keeps applying as the order grows. */
  amount: number;
  reason: string | null;
  givenBy: string;
  approvedBy: string | null;
  approvedByName: string | null;
  at: number;
  hlc: string;
}

export function insertDiscount(db: Db, row: DiscountRow): void {
  sql(
    db,
    `INSERT INTO order_discounts (id, order_id, line_id, kind, value, amount, reason, given_by, approved_by, approved_by_name, at, hlc)
     VALUES (@id, @orderId, @lineId, @kind, @value, @amount, @reason, @givenBy, @approvedBy, @approvedByName, @at, @hlc)`,
  ).run(row);
}

export interface PaymentRow {
  id: string;
  orderId: string;
  cashSessionId: string;
  method: PaymentMethod;
  amount: number;
  tendered: number | null;
  change: number | null;
  receivedBy: string;
  at: number;
  hlc: string;
}

export function insertPayment(db: Db, row: PaymentRow): void {
  sql(
    db,
    `INSERT INTO payments (id, order_id, cash_session_id, method, amount, tendered, change, received_by, at, hlc)
     VALUES (@id, @orderId, @cashSessionId, @method, @amount, @tendered, @change, @receivedBy, @at, @hlc)`,
  ).run(row);
}

export const orderPayments = (db: Db, orderId: string): PaymentRow[] =>
  sql<[string], PaymentRow>(
    db,
    `SELECT id, order_id AS orderId, cash_session_id AS cashSessionId, method, amount, tendered, change, received_by AS receivedBy, at, hlc
     FROM payments WHERE order_id = ? ORDER BY at, rowid`,
  ).all(orderId);

export interface RefundRow {
  id: string;
  orderId: string;
  paymentId: string;
  cashSessionId: string;
  method: PaymentMethod;
  amount: number;
  refundedBy: string;
  at: number;
  hlc: string;
}

export function insertRefund(db: Db, row: RefundRow): void {
  sql(
    db,
    `INSERT INTO refunds (id, order_id, payment_id, cash_session_id, method, amount, refunded_by, at, hlc)
     VALUES (@id, @orderId, @paymentId, @cashSessionId, @method, @amount, @refundedBy, @at, @hlc)`,
  ).run(row);
}

export type OrderEventKind = 'opened' | 'lines_added' | 'paid' | 'delivered' | 'cancelled' | 'voided';

export interface EventRow {
  id: string;
  orderId: string;
  kind: OrderEventKind;
  byUser: string;
  byName: string;
  at: number;
  reason: string | null;
  approverId: string | null;
  approverName: string | null;
  /** The caixa a void belongs to: the one open when it happened. */
  cashSessionId: string | null;
  hlc: string;
}

export function insertEvent(db: Db, row: EventRow): void {
  sql(
    db,
    `INSERT INTO order_events (id, order_id, kind, by_user, by_name, at, reason, approver_id, approver_name, cash_session_id, hlc)
     VALUES (@id, @orderId, @kind, @byUser, @byName, @at, @reason, @approverId, @approverName, @cashSessionId, @hlc)`,
  ).run(row);
}

export interface OrderState {
  status: OrderStatus;
  subtotal: number;
  discount: number;
  total: number;
  paid: number;
  paidAt: number | null;
}

export interface OrderFacts {
  gross: number;
  lineDiscounts: number;
  orderDiscount: number;
  paid: number;
  events: ReadonlyMap<OrderEventKind, number>;
  tickets: readonly ('queued' | 'preparing' | 'ready')[];
}

/** The rule that turns an order's facts into its state; the only place statuses are decided. */
export function orderStateFrom(facts: OrderFacts): OrderState {
  const { events, tickets } = facts;
  const subtotal = facts.gross - facts.lineDiscounts;
  const paidAt = events.get('paid') ?? null;
  let status: OrderStatus;
  if (events.has('voided')) status = 'voided';
  else if (events.has('cancelled')) status = 'cancelled';
  else if (events.has('delivered')) status = 'delivered';
  else if (tickets.length && tickets.every((t) => t === 'ready')) status = 'ready';
  else if (tickets.some((t) => t !== 'queued')) status = 'preparing';
  // A paid order with nothing for the kitchen (drinks, sweets) is handed over at the counter.
  else if (paidAt !== null) status = tickets.length ? 'paid' : 'delivered';
  else status = 'open';
  return {
    status,
    subtotal,
    discount: facts.lineDiscounts + facts.orderDiscount,
    total: subtotal - facts.orderDiscount,
    paid: facts.paid,
    paidAt,
  };
}

/** An order's money facts: its lines' gross and discounts, the order's own discount on them as it stands, what was paid. */
export function orderMoney(db: Db, orderId: string): { gross: number; lineDiscounts: number; orderDiscount: number; paid: number; discountRules: DiscountRule[] } {
  const sums = sql<[{ id: string }], { gross: number; lineDiscounts: number; paid: number }>(
    db,
    `SELECT
       (SELECT coalesce(sum(unit_price * quantity), 0) FROM order_lines WHERE order_id = @id) AS gross,
       (SELECT coalesce(sum(discount), 0) FROM order_lines WHERE order_id = @id) AS lineDiscounts,
       (SELECT coalesce(sum(amount), 0) FROM payments WHERE order_id = @id) AS paid`,
  ).get({ id: orderId })!;
  // The rule is the fact; its amount follows the order as it stands (a % covers items added later).
  const discountRules = sql<[string], DiscountRule>(db, 'SELECT kind, value FROM order_discounts WHERE order_id = ? AND line_id IS NULL ORDER BY rowid').all(orderId);
  return { ...sums, discountRules, orderDiscount: orderDiscountOf(sums.gross - sums.lineDiscounts, discountRules) };
}

/** The order's state, derived from its stored facts alone. The order_state table caches exactly this. */
export function deriveOrderState(db: Db, orderId: string): OrderState {
  const money = orderMoney(db, orderId);
  const events = new Map(
    sql<[string], { kind: OrderEventKind; at: number }>(db, 'SELECT kind, at FROM order_events WHERE order_id = ?').all(orderId).map((e) => [e.kind, e.at]),
  );
  const tickets = sql<[string], { status: 'queued' | 'preparing' | 'ready' }>(db, 'SELECT status FROM kitchen_ticket_state WHERE order_id = ?')
    .all(orderId)
    .map((t) => t.status);
  return orderStateFrom({ ...money, events, tickets });
}

export function writeOrderState(db: Db, orderId: string, state: OrderState, at: number): void {
  sql(
    db,
    `INSERT INTO order_state (order_id, status, subtotal, discount, total, paid, paid_at, status_at)
     VALUES (@orderId, @status, @subtotal, @discount, @total, @paid, @paidAt, @at)
     ON CONFLICT (order_id) DO UPDATE SET
       status_at = CASE WHEN order_state.status = excluded.status THEN order_state.status_at ELSE excluded.status_at END,
       status = excluded.status, subtotal = excluded.subtotal, discount = excluded.discount, total = excluded.total,
       paid = excluded.paid, paid_at = excluded.paid_at`,
  ).run({ orderId, ...state, at });
}

export const readOrderState = (db: Db, orderId: string): (OrderState & { statusAt: number }) | undefined =>
  sql<[string], OrderState & { statusAt: number }>(
    db,
    'SELECT status, subtotal, discount, total, paid, paid_at AS paidAt, status_at AS statusAt FROM order_state WHERE order_id = ?',
  ).get(orderId);

type StoredLine = Pick<LineRow, 'id' | 'productId' | 'name' | 'quantity' | 'unitPrice' | 'modifiers' | 'combo' | 'notes' | 'station' | 'discount' | 'total' | 'addedAt'>;

/** An order as the screens and receipts show it, from its rows. */
export function orderView(
  order: OrderRow,
  state: OrderState,
  lines: StoredLine[],
  payments: PaymentRow[],
  refunds: { method: PaymentMethod; amount: number }[],
  reason: string | null,
): OrderView {
  return {
    id: order.id,
    number: order.displayNumber,
    type: order.type,
    status: state.status,
    customerName: order.customerName,
    pager: order.pager,
    businessDay: order.businessDay,
    createdAt: order.createdAt,
    createdByName: order.createdByName,
    paidAt: state.paidAt,
    subtotal: state.subtotal,
    discount: state.discount,
    total: state.total,
    paid: state.paid,
    due: Math.max(0, state.total - state.paid),
    change: payments.reduce((sum, p) => sum + (p.change ?? 0), 0),
    lines: lines.map((line) => ({
      id: line.id,
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      modifiers: JSON.parse(line.modifiers),
      combo: parseCombo(line.combo),
      notes: line.notes,
      station: line.station,
      discount: line.discount,
      total: line.total,
      addedAt: line.addedAt,
    })),
    payments: payments.map((p) => ({ id: p.id, method: p.method, amount: p.amount, tendered: p.tendered, change: p.change, at: p.at })),
    refunds,
    reason,
  };
}

/** The whole order as stored. */
export function loadOrderView(db: Db, orderId: string): OrderView | undefined {
  const order = findOrder(db, orderId);
  const state = order && readOrderState(db, orderId);
  if (!order || !state) return undefined;
  const lines = sql<[string], StoredLine>(
    db,
    `SELECT id, product_id AS productId, name, quantity, unit_price AS unitPrice, modifiers, combo, notes, station, discount, total, added_at AS addedAt
     FROM order_lines WHERE order_id = ? ORDER BY position`,
  ).all(orderId);
  const refunds = sql<[string], { method: PaymentMethod; amount: number }>(db, 'SELECT method, amount FROM refunds WHERE order_id = ? ORDER BY at, rowid').all(orderId);
  const reason =
    sql<[string], { reason: string }>(db, "SELECT reason FROM order_events WHERE order_id = ? AND kind IN ('voided', 'cancelled') ORDER BY at DESC LIMIT 1").get(orderId)
      ?.reason ?? null;
  return orderView(order, state, lines, orderPayments(db, orderId), refunds, reason);
}
