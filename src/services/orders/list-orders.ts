import { formatOrderNumber } from '../../database/queries/orders.js';
import type { OrderStatus, OrderType } from '../../models/orders.js';
import { parseOrderNumber } from '../../utils/order-number.js';
import { defineScript } from '../script.js';
import { terminalBusinessDay } from './sale-day.js';

export default defineScript('orders.list', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  run(tx, input, ctx) {
    const where: string[] = [];
    const params: unknown[] = [];
    // An open order is open whatever its day, and a number is looked for on every day, unless a day is chosen.
    const day = input.businessDay ?? (input.open || input.number ? null : terminalBusinessDay(tx, ctx));
    if (day) {
      where.push('o.business_day = ?');
      params.push(day);
    }
    if (input.number) {
      const { letter, number } = parseOrderNumber(input.number)!;
      where.push('o.number = ?');
      params.push(number);
      if (letter) {
        where.push('o.display_number = ?');
        params.push(formatOrderNumber(letter, number));
      }
    }
    if (input.status) {
      where.push('s.status = ?');
      params.push(input.status);
    }
    if (input.open) where.push("s.paid_at IS NULL AND s.status NOT IN ('cancelled', 'voided')");
    return tx
      .prepare<unknown[], { id: string; number: string; type: OrderType; status: OrderStatus; customerName: string | null; pager: string | null; businessDay: string; createdAt: number; total: number; paid: number }>(
        `SELECT o.id, o.display_number AS number, o.type, s.status, o.customer_name AS customerName, o.pager, o.business_day AS businessDay, o.created_at AS createdAt, s.total, s.paid
         FROM orders o JOIN order_state s ON s.order_id = o.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at DESC, o.number DESC LIMIT ?`,
      )
      .all(...params, input.limit ?? 200)
      .map(({ paid, ...row }) => ({ ...row, due: row.status === 'cancelled' || row.status === 'voided' ? 0 : Math.max(0, row.total - paid) }));
  },
});
