// The .js extensions let Node's tests (tsconfig.json, NodeNext) type-check this pure module too.
import type { DisplayLine, DisplayScreen } from '../../../src/models/display.js';
import type { OrderView } from '../../../src/models/orders.js';
import type { CartPricing, PricedLine } from '../counter/cart.js';

/** The limits of `display.push` (src/models/display.ts): a long name is cut, never refused. */
const NAME_MAX = 80;
const MODIFIERS_MAX = 30;
const LINES_MAX = 200;

const clip = (text: string) => (text.length > NAME_MAX ? `${text.slice(0, NAME_MAX - 1)}…` : text);

function shownLine(name: string, quantity: number, modifiers: string[], discount: number, total: number): DisplayLine {
  return { name: clip(name), quantity, modifiers: modifiers.slice(0, MODIFIERS_MAX).map(clip), discount, total };
}

const fromCart = (line: PricedLine): DisplayLine =>
  shownLine(line.name, line.line.quantity, [...line.combo.map((c) => [c.productName, ...c.modifiers].join(' ')), ...line.modifiers.map((m) => m.name)], line.discount, line.total);

const fromOrder = (line: OrderView['lines'][number]): DisplayLine =>
  shownLine(line.name, line.quantity, [...line.combo.map((c) => [c.productName, ...c.modifiers.map((m) => m.name)].join(' ')), ...line.modifiers.map((m) => m.name)], line.discount, line.total);

export interface CounterMoment {
  pricing: CartPricing | null;
  /** The order being worked on (a comanda being paid, lines added to it), if any. */
  target: OrderView | null;
  /** The PIX the cashier is showing now. */
  pix: { orderId: string; amount: number } | null;
  /** The order just paid, until the next customer's first line. */
  paidOrderId: string | null;
}

/**
 * What the customer sees of the counter now, as `display.push` takes it: the order being worked on and
 * the cart (its lines, discounts and total), the PIX being shown, the order just paid, or nothing (idle).
 * Only what the customer may see: no kitchen notes, no names of staff, no ids but the order's.
 */
export function counterScreen({ pricing, target, pix, paidOrderId }: CounterMoment): DisplayScreen {
  const lines = [...(target?.lines ?? []).map(fromOrder), ...(pricing?.lines ?? []).map(fromCart)].slice(0, LINES_MAX);
  const discount = (target?.discount ?? 0) + (pricing?.discounts ?? 0);
  const total = (target?.total ?? 0) + (pricing?.total ?? 0);
  // The customer reads the price of the items, then every discount, then what to pay.
  const figures = { lines, subtotal: total + discount, discount, total };
  if (pix) return { phase: 'pix', ...figures, orderId: pix.orderId, amount: pix.amount };
  if (lines.length) return { phase: 'cart', ...figures };
  if (paidOrderId) return { phase: 'paid', orderId: paidOrderId };
  return { phase: 'idle' };
}
