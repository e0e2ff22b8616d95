import type { Db } from '../../database/connection.js';
import { findOrder, readOrderState, type OrderRow, type OrderState } from '../../database/queries/orders.js';
import { BusinessError } from '../../exceptions/business-error.js';

export function requireOrder(tx: Db, id: string, field = 'orderId'): { order: OrderRow; state: OrderState } {
  const order = findOrder(tx, id);
  const state = order && readOrderState(tx, id);
  if (!order || !state) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado.', field);
  return { order, state };
}

export const isClosed = (state: OrderState): boolean => state.status === 'cancelled' || state.status === 'voided';
export const isPaid = (state: OrderState): boolean => state.paidAt !== null;

export function requireUnpaid(order: OrderRow, state: OrderState): void {
  if (isClosed(state)) throw new BusinessError('INVALID_STATE', `O pedido ${order.displayNumber} foi ${state.status === 'voided' ? 'estornado' : 'cancelado'}.`, 'orderId');
  if (isPaid(state)) throw new BusinessError('INVALID_STATE', `O pedido ${order.displayNumber} já foi pago.`, 'orderId');
}
