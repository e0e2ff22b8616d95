import type { Db } from '../database/connection.js';
import { findMovement } from '../database/queries/cash.js';
import { ticketLines } from '../database/queries/kitchen.js';
import { comboChoiceLabel, loadOrderView } from '../database/queries/orders.js';
import { readTerminalIdentity } from '../database/queries/meta.js';
import type { StoredSettings } from '../database/queries/settings.js';
import { sql } from '../database/statements.js';
import { BusinessError } from '../exceptions/business-error.js';
import { feedbackCode } from '../utils/feedback-code.js';
import { buildPixPayload, txidFromOrderNumber } from '../utils/pix-brcode.js';
import { discountsOf, voidsOf } from '../database/queries/reports.js';
import { discountTotals, voidTotals } from '../services/reports/report-totals.js';
import { salesRows } from '../services/reports/sales-report.js';
import { averageOf } from '../utils/money.js';
import type { CashSlipData, DaySummaryData, KitchenTicketData, ReceiptData } from './receipt-data.js';

/** The PIX charge an unpaid bill carries, for the amount due. */
function receiptPix(settings: StoredSettings, number: string, businessDay: string, amount: number): ReceiptData['pix'] {
  if (!settings.pixKey || !settings.pixMerchantName || !settings.pixMerchantCity || amount <= 0) return null;
  try {
    const payload = buildPixPayload({
      key: settings.pixKey,
      merchantName: settings.pixMerchantName,
      merchantCity: settings.pixMerchantCity,
      amountCentavos: amount,
      txid: txidFromOrderNumber(number, businessDay),
    });
    return { payload };
  } catch {
    return null;
  }
}

/** A customer receipt from the stored order: names and prices as sold, never as the catalog says now. */
export function receiptDataFor(db: Db, orderId: string, settings: StoredSettings, reprint = false): ReceiptData {
  const order = loadOrderView(db, orderId);
  if (!order) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado.', 'orderId');
  const terminal = readTerminalIdentity(db);
  // Only an open bill charges: a QR on a paid receipt invites the customer to pay twice.
  const charges = order.paidAt === null && order.status !== 'cancelled' && order.status !== 'voided';
  return {
    shop: { name: terminal.shopName ?? '', document: settings.shopDocument || null, address: settings.shopAddress || null, phone: settings.shopPhone || null },
    order: {
      number: order.number,
      type: order.type,
      customerName: order.customerName,
      pager: order.pager,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      cashierName: order.createdByName,
      terminalLetter: order.number.split('-')[0] ?? '',
      status: order.status,
    },
    lines: order.lines.map((line) => ({
      quantity: line.quantity,
      name: line.name,
      unitPrice: line.unitPrice,
      total: line.total,
      modifiers: [...line.combo.map((c) => ({ name: `${c.slotName}: ${comboChoiceLabel(c)}`, priceDelta: c.priceDelta + c.modifiers.reduce((sum, m) => sum + m.priceDelta, 0) })), ...line.modifiers],
      notes: line.notes,
    })),
    subtotal: order.subtotal + order.lines.reduce((sum, l) => sum + l.discount, 0),
    discount: order.discount,
    total: order.total,
    payments: order.payments.map((p) => ({ method: p.method, amount: p.amount, tendered: p.tendered, change: p.change })),
    pix: charges ? receiptPix(settings, order.number, order.businessDay, order.due) : null,
    feedbackCode: order.paidAt !== null && order.status !== 'voided' ? feedbackCode(order.number, order.businessDay) : null,
    reprint,
    timezone: settings.timezone,
  };
}

/** One kitchen ticket: the lines it carries, grouped under their station when all share one. */
export function kitchenTicketDataFor(db: Db, ticketId: string, settings: StoredSettings, reprint = false): KitchenTicketData {
  const ticket = sql<[string], { orderId: string }>(db, 'SELECT order_id AS orderId FROM kitchen_tickets WHERE id = ?').get(ticketId);
  const order = ticket && loadOrderView(db, ticket.orderId);
  if (!ticket || !order) throw new BusinessError('NOT_FOUND', 'Ticket da cozinha não encontrado.', 'ticketId');
  const lines = ticketLines(db, ticketId);
  const stations = [...new Set(lines.map((l) => l.station))];
  return {
    shopName: readTerminalIdentity(db).shopName ?? '',
    order: { number: order.number, type: order.type, customerName: order.customerName, pager: order.pager, createdAt: order.createdAt },
    station: stations.length === 1 ? (stations[0] ?? null) : null,
    lines: lines.map((line) => ({
      quantity: line.quantity,
      name: line.comboName ? `${line.name} (${line.comboName})` : line.name,
      station: line.station,
      modifiers: line.modifiers,
      notes: line.notes,
    })),
    reprint,
    timezone: settings.timezone,
  };
}

export const ticketIdsOf = (db: Db, orderId: string): string[] =>
  sql<[string], { id: string }>(db, 'SELECT id FROM kitchen_tickets WHERE order_id = ? ORDER BY created_at, rowid').all(orderId).map((r) => r.id);

export function cashSlipDataFor(db: Db, movementId: string, settings: StoredSettings): CashSlipData {
  const movement = findMovement(db, movementId);
  if (!movement) throw new BusinessError('NOT_FOUND', 'Movimento de caixa não encontrado.', 'movementId');
  const terminal = readTerminalIdentity(db);
  return {
    shopName: terminal.shopName ?? '',
    kind: movement.kind,
    amount: movement.amount,
    reason: movement.reason,
    userName: movement.userName,
    terminalLetter: terminal.letter ?? '',
    at: movement.at,
    timezone: settings.timezone,
  };
}

/** How many best sellers the day's summary lists. */
const TOP_PRODUCTS = 5;

/** The day's summary as the reports read that business day (every terminal's counted sales), at the moment it prints. */
export async function daySummaryDataFor(db: Db, day: string, settings: StoredSettings, now: number): Promise<DaySummaryData> {
  const period = { from: day, to: day, days: 1 };
  const payments = await salesRows(db, period, 'payment', settings.timezone);
  const products = await salesRows(db, period, 'product', settings.timezone);
  const sold = products.totals;
  const discounts = discountTotals(discountsOf(db, day, day));
  const voids = voidTotals(voidsOf(db, day, day));
  return {
    shopName: readTerminalIdentity(db).shopName ?? '',
    businessDay: day,
    printedAt: now,
    timezone: settings.timezone,
    orders: sold.orders,
    gross: sold.gross,
    discounts: sold.discounts,
    net: sold.net,
    averageTicket: averageOf(sold.net, sold.orders),
    payments: payments.rows.map((row) => ({ label: row.label, orders: row.orders, net: row.net })),
    discountCount: discounts.count,
    discountTotal: discounts.amount,
    ...voids,
    topProducts: products.rows.slice(0, TOP_PRODUCTS).map((row) => ({ name: row.label, quantity: row.quantity, net: row.net })),
  };
}
