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
  /** Only cash may exceed the total. */
  const overTotal = nonCash > due;
  /** A cash row when the other methods already pay everything: the core refuses it. */
  const cashNotNeeded = Boolean(cash) && cashNeeded === 0;
  return {
    nonCash,
    /** What the cash row must cover (the payment's amount as the core stores it). */
    cashNeeded,
    tendered,
    remaining: Math.max(0, due - covered),
    // Change only ever comes from cash handed over: a card typed too high is refused, never paid back from the drawer.
    change: cash && !overTotal && !cashNotNeeded && tendered > cashNeeded ? tendered - cashNeeded : 0,
    overTotal,
    cashNotNeeded,
  };
}
