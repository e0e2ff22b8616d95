import type { OperationOutput } from '../../src/models/contract.js';

type Order = OperationOutput<'orders.get'>;

export interface Expected {
  orders: number;
  quantity: number;
  gross: number;
  discounts: number;
  net: number;
}

const counted = (order: Order) => order.paidAt !== null && order.status !== 'voided' && order.status !== 'cancelled';

/**
 * What the reports must show, computed by the test from the orders it made: each line's net is its
 * total less its share of the order's own discount, shared by running total (floor of the running
 * share minus floor of the one before), so the shares add up to the order discount exactly.
 */
export function expectedByProduct(orders: readonly Order[]): Map<string, Expected> {
  const products = new Map<string, Expected & { seen: Set<string> }>();
  for (const order of orders.filter(counted)) {
    const subtotal = order.lines.reduce((sum, l) => sum + l.total, 0);
    const orderDiscount = subtotal - order.total;
    let running = 0;
    for (const line of order.lines) {
      const before = subtotal ? Math.floor((orderDiscount * running) / subtotal) : 0;
      running += line.total;
      const share = (subtotal ? Math.floor((orderDiscount * running) / subtotal) : 0) - before;
      const p = products.get(line.productId) ?? { orders: 0, quantity: 0, gross: 0, discounts: 0, net: 0, seen: new Set<string>() };
      if (!p.seen.has(order.id)) p.orders += 1;
      p.seen.add(order.id);
      p.quantity += line.quantity;
      p.gross += line.unitPrice * line.quantity;
      p.discounts += line.discount + share;
      p.net += line.total - share;
      products.set(line.productId, p);
    }
  }
  return new Map([...products].map(([id, { seen: _seen, ...figures }]) => [id, figures]));
}

/** Per payment method of the counted orders: what was handed over, the change given back, what stayed. */
export function expectedByPayment(orders: readonly Order[]): Map<string, { orders: number; gross: number; change: number; net: number }> {
  const methods = new Map<string, { orders: number; gross: number; change: number; net: number }>();
  for (const order of orders.filter(counted)) {
    for (const payment of order.payments) {
      const m = methods.get(payment.method) ?? { orders: 0, gross: 0, change: 0, net: 0 };
      if (!order.payments.slice(0, order.payments.indexOf(payment)).some((p) => p.method === payment.method)) m.orders += 1;
      m.gross += payment.tendered ?? payment.amount;
      m.change += payment.change ?? 0;
      m.net += payment.amount;
      methods.set(payment.method, m);
    }
  }
  return methods;
}

export const countedTotal = (orders: readonly Order[]) => orders.filter(counted).reduce((sum, o) => sum + o.total, 0);
