import type { Db } from '../../database/connection.js';
import { findTicket, moveTicket, TICKET_STEPS } from '../../database/queries/kitchen.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { requireOrder } from '../orders/order-guards.js';
import { refreshOrderState } from '../orders/order-writer.js';
import type { ScriptContext } from '../script.js';

/** Moves a ticket forward (never back) and the order's status with it. */
export function advanceTicket(tx: Db, ctx: ScriptContext, ticketId: string, to: 'preparing' | 'ready') {
  const ticket = findTicket(tx, ticketId);
  if (!ticket) throw new BusinessError('NOT_FOUND', 'Ticket da cozinha não encontrado.', 'ticketId');
  const { order } = requireOrder(tx, ticket.orderId, 'ticketId');
  if (TICKET_STEPS[ticket.status] < TICKET_STEPS[to]) {
    const hlc = ctx.stamp();
    const event = { id: ctx.newId(), byUser: ctx.actor!.id, at: ctx.now, hlc };
    moveTicket(tx, ticket.id, to, event);
    ctx.recordChange('kitchen_event', event.id, 'insert', { id: event.id, ticketId, status: to, byUser: event.byUser, at: ctx.now }, hlc);
    ctx.emit('kitchen.changed', { orderId: order.id, ticketId });
  }
  const state = refreshOrderState(tx, ctx, order);
  return { ticketId, status: TICKET_STEPS[ticket.status] < TICKET_STEPS[to] ? to : ticket.status, orderStatus: state.status };
}
