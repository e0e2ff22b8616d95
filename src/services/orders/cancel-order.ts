import { loadOrderView } from '../../database/queries/orders.js';
import { orderEventQueued } from '../../database/queries/webhooks.js';
import { ticketIdsOf } from '../../printing/documents.js';
import { consumeOverride } from '../overrides.js';
import { defineScript } from '../script.js';
import { returnStockForOrder } from '../stock-consumption.js';
import { cancelNeedsManager } from '../user-policy.js';
import { orderPayload } from '../webhook-payloads.js';
import { requireOrder, requireUnpaid } from './order-guards.js';
import { recordEvent, refreshOrderState } from './order-writer.js';

export default defineScript('orders.cancel', {
  roles: ['admin', 'manager', 'cashier'],
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
    if (state.status === 'cancelled') return loadOrderView(tx, order.id)!;
    requireUnpaid(order, state);
    const kitchenHasIt = ticketIdsOf(tx, order.id).length > 0;
    const approval = cancelNeedsManager(ctx.actor!.role, kitchenHasIt, ctx.settings.cancelAfterKitchenNeedsManager)
      ? consumeOverride(tx, ctx, input.overrideToken, { operation: 'orders.cancel', recordId: order.id })
      : null;
    recordEvent(tx, ctx, order.id, 'cancelled', { reason: input.reason, approval });
    returnStockForOrder(tx, ctx, order.id, input.reason);
    ctx.audit({
      action: 'orders.cancel',
      recordType: 'order',
      recordId: order.id,
      ...(approval ? { approverId: approval.approverId, approverName: approval.approverName } : {}),
      details: { number: order.displayNumber, reason: input.reason, total: state.total },
    });
    refreshOrderState(tx, ctx, order);
    const view = loadOrderView(tx, order.id)!;
    // Receivers that were told about the order are told it will not happen; the others never knew it.
    if (orderEventQueued(tx, 'order.created', order.id)) ctx.webhook('order.cancelled', { ...orderPayload(view), reason: input.reason });
    return view;
  },
});
