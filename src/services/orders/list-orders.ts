import type { OrderStatus, OrderType } from '../../models/orders.js';
import { defineScript } from '../script.js';
import { terminalBusinessDay } from './sale-day.js';

export default defineScript('orders.list', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  run(tx, input, ctx) {
    const day = input.businessDay ?? terminalBusinessDay(tx, ctx);
    const where = ['o.business_day = ?'];
    const params: unknown[] = [day];
    if (input.status) {
      where.push('s.status = ?');
      params.push(input.status);
    }
    if (input.open) where.push("s.paid_at IS NULL AND s.status NOT IN ('cancelled', 'voided')");
    return tx
      .prepare<unknown[], { id: string; number: string; type: OrderType; status: OrderStatus; customerName: string | null; pager: string | null; createdAt: number; total: number; paid: number }>(
        `SELECT o.id, o.display_number AS number, o.type, s.status, o.customer_name AS customerName, o.pager, o.created_at AS createdAt, s.total, s.paid
         FROM orders o JOIN order_state s ON s.order_id = o.id WHERE ${where.join(' AND ')} ORDER BY o.created_at DESC LIMIT ?`,
      )
      .all(...params, input.limit ?? 200)
      .map(({ paid, ...row }) => ({ ...row, due: row.status === 'cancelled' || row.status === 'voided' ? 0 : Math.max(0, row.total - paid) }));
  },
});
