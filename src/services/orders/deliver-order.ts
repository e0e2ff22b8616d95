import { loadOrderView } from '../../database/queries/orders.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { isClosed, requireOrder } from './order-guards.js';
import { recordEvent, refreshOrderState } from './order-writer.js';

export default defineScript('orders.deliver', {
  roles: ['admin', 'manager', 'cashier', 'kitchen'],
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
    if (state.status === 'delivered') return loadOrderView(tx, order.id)!;
    if (isClosed(state)) throw new BusinessError('INVALID_STATE', `O pedido ${order.displayNumber} não está ativo.`, 'orderId');
    recordEvent(tx, ctx, order.id, 'delivered');
    refreshOrderState(tx, ctx, order);
    ctx.emit('kitchen.changed', { orderId: order.id });
    return loadOrderView(tx, order.id)!;
  },
});
