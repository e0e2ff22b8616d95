import type { Db } from '../../database/connection.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { parseFeedbackCode } from '../../utils/feedback-code.js';
import { parseOrderNumber } from '../../utils/order-number.js';
import { formatOrderNumber } from '../../database/queries/orders.js';
import { terminalBusinessDay } from '../orders/sale-day.js';
import type { PrepareContext } from '../script.js';

export const KIOSK_ROLES = ['kiosk', 'admin', 'manager', 'cashier'] as const;
export const FEEDBACK_MANAGERS = ['admin', 'manager'] as const;

interface RateableOrder {
  id: string;
  number: string;
  businessDay: string;
  paidAt: number | null;
  status: string;
}

const ORDER_COLUMNS = `SELECT o.id, o.display_number AS number, o.business_day AS businessDay, s.paid_at AS paidAt, s.status
  FROM orders o JOIN order_state s ON s.order_id = o.id`;
const ORDER_BY_NUMBER = `${ORDER_COLUMNS} WHERE o.display_number = ? AND o.business_day = ?`;
/** A number alone may be on several days: the most recent order paid within the rating window, else the latest (to say why not). */
const LATEST_BY_NUMBER = `${ORDER_COLUMNS} WHERE o.number = ? AND o.display_number = ?
  ORDER BY (s.paid_at >= ?) DESC, s.paid_at DESC, o.created_at DESC LIMIT 1`;

/**
 * Finds the order a customer wants to rate: by the code on the receipt (number, day and a check
 * digit) or by its number alone ("A-042", "a42"), which need not be today's: the day turns at 04:00 and
 * customers rate later.
 */
export function findOrderToRate(db: Db, ctx: Pick<PrepareContext, 'now' | 'settings' | 'terminal'>, text: string): RateableOrder {
  const today = terminalBusinessDay(db, ctx);
  const code = parseFeedbackCode(text);
  let found: RateableOrder | undefined;
  if (code) {
    // The code carries day and month; the year is the most recent one that fits.
    for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1]) {
      found = sql<[string, string], RateableOrder>(db, ORDER_BY_NUMBER).get(code.displayNumber, `${year}-${code.month}-${code.day}`);
      if (found) break;
    }
  } else {
    const typed = parseOrderNumber(text);
    if (!typed) throw new BusinessError('VALIDATION', 'Código inválido: confira os números do cupom.', 'code');
    const displayNumber = formatOrderNumber(typed.letter ?? ctx.terminal.letter ?? 'A', typed.number);
    found = sql<[number, string, number], RateableOrder>(db, LATEST_BY_NUMBER).get(typed.number, displayNumber, ratingWindowStart(ctx));
  }
  if (!found) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado. Confira o número no cupom.', 'code');
  return found;
}

const ratingWindowStart = (ctx: Pick<PrepareContext, 'now' | 'settings'>): number => ctx.now - ctx.settings.feedbackMaxDays * 86_400_000;

/** A feedback belongs to a real, paid order of the last N days, and each order gets one. */
export function assertRateable(db: Db, ctx: Pick<PrepareContext, 'now' | 'settings'>, order: RateableOrder, field: string): void {
  if (order.status === 'voided' || order.status === 'cancelled') throw new BusinessError('INVALID_STATE', 'Este pedido foi cancelado.', field);
  if (order.paidAt === null) throw new BusinessError('INVALID_STATE', 'Este pedido ainda não foi pago.', field);
  if (order.paidAt < ratingWindowStart(ctx)) {
    throw new BusinessError('INVALID_STATE', `Só dá para avaliar pedidos dos últimos ${ctx.settings.feedbackMaxDays} dias.`, field);
  }
  if (sql(db, 'SELECT 1 FROM feedback WHERE order_id = ?').get(order.id)) throw new BusinessError('CONFLICT', 'Este pedido já foi avaliado. Obrigado!', field);
}

export const orderItems = (db: Db, orderId: string) =>
  sql<[string], { name: string; quantity: number }>(db, 'SELECT name, quantity FROM order_lines WHERE order_id = ? ORDER BY position').all(orderId);
