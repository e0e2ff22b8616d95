import { loadOrderView } from '../../database/queries/orders.js';
import { defineScript } from '../script.js';
import { orderPayload } from '../webhook-payloads.js';
import { autoPrintSale } from '../printing/print-queue.js';
import { requireOrder, requireUnpaid } from './order-guards.js';
import { refreshOrderState, requireOpenCaixa, sendToKitchen, takePayments } from './order-writer.js';

export default defineScript('orders.pay', {
  roles: ['admin', 'manager', 'cashier'],
  // A payment settles the whole balance, so an order is paid once: a retry brings the same payments.
  retry: { key: (input) => `order-payment:${input.orderId}`, conflict: { message: 'Este pedido já foi pago com outros pagamentos.', field: 'payments' } },
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
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
