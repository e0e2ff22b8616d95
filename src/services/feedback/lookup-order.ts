import { defineScript } from '../script.js';
import { assertRateable, findOrderToRate, KIOSK_ROLES, orderItems } from './feedback-rules.js';

export default defineScript('feedback.lookup', {
  roles: KIOSK_ROLES,
  readOnly: true,
  run(tx, input, ctx) {
    const order = findOrderToRate(tx, ctx, input.code);
    assertRateable(tx, ctx, order, 'code');
    return { orderId: order.id, number: order.number, items: orderItems(tx, order.id).map((i) => `${i.quantity} × ${i.name}`) };
  },
});
