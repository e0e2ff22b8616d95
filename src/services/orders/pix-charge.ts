import { defineScript } from '../script.js';
import { pixChargeFor } from './pix-charge-payload.js';

/** A static BR Code for an amount of the order; the cashier confirms the PIX arrived before paying with it. */
export default defineScript('orders.pixCharge', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  run: (tx, input, ctx) => pixChargeFor(tx, ctx.settings, input.orderId, input.amount),
});
