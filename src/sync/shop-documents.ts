import type { Db } from '../database/connection.js';
import { loadOrderView } from '../database/queries/orders.js';
import { soldOrders } from '../database/queries/reports.js';
import { orderDiscounts, orderEnding, orderTerminal, terminalDayEndings, terminalDayPayments, terminalDayProducts } from '../database/queries/shop-documents.js';
import { businessDayStart } from '../utils/business-day.js';
import { averageOf } from '../utils/money.js';

/**
 * The shop's current documents on its server, beside the terminals' logs, for people to read
 * without Balcão (Atlas Charts, Compass). Each is keyed by a stable `_id` and replaced whole, so
 * publishing one again (a retry, a lost reply, a restored terminal re-sending its log) never
 * doubles anything. Money is integer centavos in the fields ending in `Cents`, the exact values;
 * the same amounts in reais (`total`, `net`…) are there only so a chart shows R$ without a formula.
 */
export interface ShopDocuments {
  orders: OrderDocument[];
  daySummaries: DaySummaryDocument[];
}

/** Where they are kept in the shop's database, beside `changes`, `terminals` and `letters`. */
export const SHOP_COLLECTIONS = { orders: 'orders', daySummaries: 'daily_summaries' } as const;

const reais = (cents: number): number => cents / 100;

/** A terminal's business day: `${terminalId}:${businessDay}`. */
export const daySummaryId = (terminalId: string, businessDay: string): string => `${terminalId}:${businessDay}`;

export interface OrderDocument {
  _id: string;
  number: string;
  terminal: string;
  terminalLetter: string | null;
  businessDay: string;
  type: string;
  status: string;
  /** A sale that counts: paid, neither voided nor cancelled. The reports sum only these. */
  counted: boolean;
  customerName: string | null;
  createdAt: Date;
  paidAt: Date | null;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  total: number;
  paidCents: number;
  changeCents: number;
  lines: { productId: string; name: string; quantity: number; unitPriceCents: number; discountCents: number; totalCents: number; modifiers: string[]; combo: string[]; notes: string | null }[];
  payments: { method: string; amountCents: number; amount: number; tenderedCents: number | null; changeCents: number | null; at: Date }[];
  discounts: { line: boolean; kind: 'percent' | 'amount'; value: number; amountCents: number; reason: string | null; approvedByName: string | null; at: Date }[];
  /** How it was voided (estornado) or cancelled, with the money given back; null for any other order. */
  ended: { kind: 'voided' | 'cancelled'; at: Date; reason: string | null; byName: string; approverName: string | null; refundedCents: number } | null;
}

export interface DaySummaryDocument {
  _id: string;
  terminal: string;
  terminalLetter: string | null;
  businessDay: string;
  /** When the business day began (04:00 in the shop's zone, by default): the date a chart bins by. */
  dayStart: Date;
  orders: number;
  quantity: number;
  grossCents: number;
  discountsCents: number;
  netCents: number;
  net: number;
  averageTicketCents: number;
  averageTicket: number;
  /** What stayed per method (net of change): the methods add up to the net sales. */
  byPayment: { method: string; orders: number; amountCents: number; amount: number }[];
  changeCents: number;
  /** Apart, never sales. */
  voided: { orders: number; totalCents: number };
  cancelled: { orders: number; totalCents: number };
  /** Hours on the shop's wall clock ("07"), in the order the day ran. */
  byHour: { hour: string; orders: number; netCents: number; net: number }[];
  topProducts: { productId: string; name: string; quantity: number; netCents: number; net: number }[];
}

/** How many products a day summary lists. */
export const TOP_PRODUCTS = 10;

const at = (epochMs: number): Date => new Date(epochMs);

/** An order as its document, or null where it is gone from this database (never: orders are facts). */
export function orderDocument(db: Db, orderId: string): OrderDocument | null {
  const view = loadOrderView(db, orderId);
  const terminal = orderTerminal(db, orderId);
  if (!view || !terminal) return null;
  const ending = orderEnding(db, orderId);
  const ended = view.status === 'voided' || view.status === 'cancelled';
  return {
    _id: view.id,
    number: view.number,
    terminal: terminal.terminalId,
    terminalLetter: terminal.letter,
    businessDay: view.businessDay,
    type: view.type,
    status: view.status,
    counted: view.paidAt !== null && !ended,
    customerName: view.customerName,
    createdAt: at(view.createdAt),
    paidAt: view.paidAt === null ? null : at(view.paidAt),
    subtotalCents: view.subtotal,
    discountCents: view.discount,
    totalCents: view.total,
    total: reais(view.total),
    paidCents: view.paid,
    changeCents: view.change,
    lines: view.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      unitPriceCents: line.unitPrice,
      discountCents: line.discount,
      totalCents: line.total,
      modifiers: line.modifiers.map((m) => m.name),
      combo: line.combo.map((choice) => choice.productName),
      notes: line.notes,
    })),
    payments: view.payments.map((p) => ({ method: p.method, amountCents: p.amount, amount: reais(p.amount), tenderedCents: p.tendered, changeCents: p.change, at: at(p.at) })),
    discounts: orderDiscounts(db, orderId).map((d) => ({
      line: d.lineId !== null,
      kind: d.kind,
      value: d.value,
      amountCents: d.amount,
      reason: d.reason,
      approvedByName: d.approvedByName,
      at: at(d.at),
    })),
    ended:
      ended && ending
        ? { kind: ending.kind, at: at(ending.at), reason: ending.reason, byName: ending.byName, approverName: ending.approverName, refundedCents: view.refunds.reduce((sum, r) => sum + r.amount, 0) }
        : null,
  };
}

/**
 * One terminal's business day, from the same summaries the local reports read: its figures equal
 * the sales report of that day for that terminal, to the centavo.
 */
export function daySummaryDocument(db: Db, terminalId: string, letter: string | null, day: string, settings: { timezone: string; businessDayStartsAt: string }): DaySummaryDocument {
  const orders = soldOrders(db, day, day).filter((o) => o.terminalId === terminalId);
  const sum = (pick: (o: (typeof orders)[number]) => number) => orders.reduce((total, o) => total + pick(o), 0);
  const gross = sum((o) => o.gross);
  const discounts = sum((o) => o.discount);
  const net = gross - discounts;
  const payments = terminalDayPayments(db, terminalId, day);
  const endings = terminalDayEndings(db, terminalId, day);
  const ending = (status: 'voided' | 'cancelled') => {
    const row = endings.find((e) => e.status === status);
    return { orders: row?.orders ?? 0, totalCents: row?.total ?? 0 };
  };
  const dayStart = businessDayStart(day, settings.timezone, settings.businessDayStartsAt);
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: settings.timezone, hour: '2-digit', hourCycle: 'h23' });
  const hours = new Map<string, { orders: number; netCents: number; first: number }>();
  for (const order of orders) {
    const hour = hourOf.format(order.createdAt);
    const figures = hours.get(hour) ?? { orders: 0, netCents: 0, first: order.createdAt };
    figures.orders += 1;
    figures.netCents += order.gross - order.discount;
    figures.first = Math.min(figures.first, order.createdAt);
    hours.set(hour, figures);
  }
  return {
    _id: daySummaryId(terminalId, day),
    terminal: terminalId,
    terminalLetter: letter,
    businessDay: day,
    dayStart: at(dayStart),
    orders: orders.length,
    quantity: sum((o) => o.quantity),
    grossCents: gross,
    discountsCents: discounts,
    netCents: net,
    net: reais(net),
    averageTicketCents: averageOf(net, orders.length),
    averageTicket: reais(averageOf(net, orders.length)),
    byPayment: payments.map((p) => ({ method: p.method, orders: p.orders, amountCents: p.amount, amount: reais(p.amount) })),
    changeCents: payments.reduce((total, p) => total + p.change, 0),
    voided: ending('voided'),
    cancelled: ending('cancelled'),
    byHour: [...hours]
      .sort((a, b) => a[1].first - b[1].first)
      .map(([hour, h]) => ({ hour, orders: h.orders, netCents: h.netCents, net: reais(h.netCents) })),
    topProducts: terminalDayProducts(db, terminalId, day)
      .slice(0, TOP_PRODUCTS)
      .map((p) => ({ productId: p.productId, name: p.name, quantity: p.quantity, netCents: p.net, net: reais(p.net) })),
  };
}
