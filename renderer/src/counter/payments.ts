import type { PaymentMethod } from '../../../src/models/money.js';

/**
 * What the payment rows add up to, by the core's rules (src/services/orders/order-writer.ts): cards,
 * vouchers and PIX charge exact amounts and never pass the balance; cash covers the rest, and only
 * what it covers counts — the excess is change. Pure, so it is tested under Node.
 */
export function paymentFigures(due: number, rows: readonly { method: PaymentMethod; value: number | null }[]) {
  const nonCash = rows.filter((r) => r.method !== 'cash').reduce((sum, r) => sum + (r.value ?? 0), 0);
  const cash = rows.find((r) => r.method === 'cash');
  const cashNeeded = Math.max(0, due - nonCash);
  const tendered = cash?.value ?? 0;
  const covered = nonCash + Math.min(tendered, cashNeeded);
  return {
    nonCash,
    /** What the cash row must cover (the payment's amount as the core stores it). */
    cashNeeded,
    tendered,
    remaining: Math.max(0, due - covered),
    change: cash && tendered > cashNeeded ? tendered - cashNeeded : 0,
    /** Only cash may exceed the total. */
    overTotal: nonCash > due,
    /** A cash row when the other methods already pay everything: the core refuses it. */
    cashNotNeeded: Boolean(cash) && cashNeeded === 0,
  };
}
