import { loadOrderView, orderPayments } from '../../database/queries/orders.js';
import { defineScript } from '../script.js';
import { orderPayload } from '../webhook-payloads.js';
import { autoPrintSale } from '../printing/print-queue.js';
import { isPaid, requireOrder, requireUnpaid } from './order-guards.js';
import { refreshOrderState, requireOpenCaixa, sendToKitchen, takePayments } from './order-writer.js';

export default defineScript('orders.pay', {
  roles: ['admin', 'manager', 'cashier'],
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
    // A retried payment finds its payments stored (or, with none, the order closed with none) and gets the paid order back.
    const stored = new Set(orderPayments(tx, order.id).map((p) => p.id));
    const retried = input.payments.length ? input.payments.every((p) => stored.has(p.id)) : isPaid(state) && stored.size === 0;
    if (retried) return loadOrderView(tx, order.id)!;
    requireUnpaid(order, state);
    const session = requireOpenCaixa(tx, ctx);
    takePayments(tx, ctx, order, input.payments, state.total - state.paid, session);
    const ticket = sendToKitchen(tx, ctx, order.id);
    refreshOrderState(tx, ctx, order);
    autoPrintSale(tx, ctx, order, true, ticket);
    const view = loadOrderView(tx, order.id)!;
    ctx.webhook('order.paid', orderPayload(view));
    ctx.emit('feedback.prompt', { orderId: view.id, number: view.number });
    return view;
  },
});
