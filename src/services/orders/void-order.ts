import { insertRefund, loadOrderView, orderPayments } from '../../database/queries/orders.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { canApproveOverride } from '../user-policy.js';
import { consumeOverride } from '../overrides.js';
import { defineScript } from '../script.js';
import { orderPayload } from '../webhook-payloads.js';
import { returnStockForOrder } from '../stock-consumption.js';
import { isPaid, requireOrder } from './order-guards.js';
import { recordEvent, refreshOrderState, requireOpenCaixa } from './order-writer.js';

/**
 * Voids a paid order with a manager's approval and a reason. Each payment is refunded by its own
 * method from the caixa open now, so a cash refund leaves the drawer and the count knows it.
 */
export default defineScript('orders.void', {
  roles: ['admin', 'manager', 'cashier'],
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
    if (state.status === 'voided') return loadOrderView(tx, order.id)!;
    if (state.status === 'cancelled') throw new BusinessError('INVALID_STATE', `O pedido ${order.displayNumber} foi cancelado.`, 'orderId');
    if (!isPaid(state)) throw new BusinessError('INVALID_STATE', 'Pedido não pago: use cancelar.', 'orderId');
    const actor = ctx.actor!;
    const approval = canApproveOverride(actor.role)
      ? { approverId: actor.id, approverName: actor.name }
      : consumeOverride(tx, ctx, input.overrideToken, { operation: 'orders.void', recordId: order.id });
    const session = requireOpenCaixa(tx, ctx);
    const hlc = ctx.stamp();
    const refunds = orderPayments(tx, order.id).map((payment) => {
      const refund = {
        id: ctx.newId(),
        orderId: order.id,
        paymentId: payment.id,
        cashSessionId: session.id,
        method: payment.method,
        amount: payment.amount,
        refundedBy: actor.id,
        at: ctx.now,
        hlc,
      };
      insertRefund(tx, refund);
      ctx.recordChange('refund', refund.id, 'insert', refund, hlc);
      return { method: refund.method, amount: refund.amount };
    });
    recordEvent(tx, ctx, order.id, 'voided', { reason: input.reason, approval, cashSessionId: session.id });
    returnStockForOrder(tx, ctx, order.id, input.reason);
    ctx.audit({
      action: 'orders.void',
      recordType: 'order',
      recordId: order.id,
      approverId: approval.approverId,
      approverName: approval.approverName,
      details: { number: order.displayNumber, reason: input.reason, total: state.total, refunds },
    });
    refreshOrderState(tx, ctx, order);
    ctx.emit('kitchen.changed', { orderId: order.id });
    const view = loadOrderView(tx, order.id)!;
    ctx.webhook('order.voided', { ...orderPayload(view), reason: input.reason, refunds, approvedBy: approval.approverName });
    return view;
  },
});
