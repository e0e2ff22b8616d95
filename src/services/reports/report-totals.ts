import type { discountsOf, voidsOf } from '../../database/queries/reports.js';

/** Discounts of counted sales only: those of voided or cancelled orders are listed, never summed. */
export const discountTotals = (rows: ReturnType<typeof discountsOf>) => {
  const counted = rows.filter((row) => row.counted);
  return { count: counted.length, amount: counted.reduce((sum, row) => sum + row.amount, 0) };
};

/** How many orders were voided and cancelled, and what they were worth. */
export const voidTotals = (rows: ReturnType<typeof voidsOf>) => {
  const of = (kind: 'voided' | 'cancelled') => rows.filter((row) => row.kind === kind);
  const sum = (list: typeof rows) => list.reduce((total, row) => total + row.total, 0);
  return { voided: of('voided').length, voidedTotal: sum(of('voided')), cancelled: of('cancelled').length, cancelledTotal: sum(of('cancelled')) };
};
