import { BusinessError } from '../../exceptions/business-error.js';
import { qrSvg } from '../../printing/qr-svg.js';
import { buildPixPayload, PixBrCodeError, txidFromOrderNumber } from '../../utils/pix-brcode.js';
import { defineScript } from '../script.js';
import { requireOrder, requireUnpaid } from './order-guards.js';

/** A static BR Code for an amount of the order; the cashier confirms the PIX arrived before paying with it. */
export default defineScript('orders.pixCharge', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
    requireUnpaid(order, state);
    const due = state.total - state.paid;
    if (input.amount > due) throw new BusinessError('VALIDATION', 'O PIX não pode passar do saldo do pedido.', 'amount');
    const { pixKey, pixMerchantName, pixMerchantCity } = ctx.settings;
    if (!pixKey || !pixMerchantName || !pixMerchantCity) {
      throw new BusinessError('INVALID_STATE', 'Configure a chave PIX, o nome e a cidade do recebedor em Configurações.', 'pixKey');
    }
    const txid = txidFromOrderNumber(order.displayNumber, order.businessDay);
    try {
      const payload = buildPixPayload({ key: pixKey, merchantName: pixMerchantName, merchantCity: pixMerchantCity, amountCentavos: input.amount, txid });
      return { payload, txid, amount: input.amount, svg: qrSvg(payload) };
    } catch (error) {
      if (error instanceof PixBrCodeError) throw new BusinessError('INVALID_STATE', error.message, 'pixKey');
      throw error;
    }
  },
});
