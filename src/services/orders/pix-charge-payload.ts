import type { Db } from '../../database/connection.js';
import type { StoredSettings } from '../../database/queries/settings.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { qrSvg } from '../../printing/qr-svg.js';
import { buildPixPayload, PixBrCodeError, txidFromOrderNumber } from '../../utils/pix-brcode.js';
import { requireOrder, requireUnpaid } from './order-guards.js';

export interface PixCharge {
  payload: string;
  txid: string;
  amount: number;
  svg: string;
}

/**
 * The static BR Code for an amount of an unpaid order, as the counter shows it and as the customer's
 * display shows it: the order's txid, never more than what the order still owes.
 */
export function pixChargeFor(tx: Db, settings: StoredSettings, orderId: string, amount: number, field = 'amount'): PixCharge {
  const { order, state } = requireOrder(tx, orderId);
  requireUnpaid(order, state);
  const due = state.total - state.paid;
  if (amount > due) throw new BusinessError('VALIDATION', 'O PIX não pode passar do saldo do pedido.', field);
  const { pixKey, pixMerchantName, pixMerchantCity } = settings;
  if (!pixKey || !pixMerchantName || !pixMerchantCity) {
    throw new BusinessError('INVALID_STATE', 'Configure a chave PIX, o nome e a cidade do recebedor em Configurações.', 'pixKey');
  }
  const txid = txidFromOrderNumber(order.displayNumber, order.businessDay);
  try {
    const payload = buildPixPayload({ key: pixKey, merchantName: pixMerchantName, merchantCity: pixMerchantCity, amountCentavos: amount, txid });
    return { payload, txid, amount, svg: qrSvg(payload) };
  } catch (error) {
    if (error instanceof PixBrCodeError) throw new BusinessError('INVALID_STATE', error.message, 'pixKey');
    throw error;
  }
}
