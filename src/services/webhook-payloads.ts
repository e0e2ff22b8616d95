import type { OrderView } from '../models/orders.js';

/** What integrators get about an order: enough to tell the customer and to book the sale. */
export const orderPayload = (order: OrderView) => ({
  orderId: order.id,
  number: order.number,
  type: order.type,
  status: order.status,
  customerName: order.customerName,
  pager: order.pager,
  total: order.total,
  paid: order.paid,
  items: order.lines.map((line) => ({ name: line.name, quantity: line.quantity, total: line.total, modifiers: line.modifiers.map((m) => m.name), notes: line.notes })),
  payments: order.payments.map((p) => ({ method: p.method, amount: p.amount })),
});
