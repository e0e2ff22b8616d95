/** The one rounding rule for money: a percentage (basis points) of centavos, half up. */
export const percentOf = (centavos: number, basisPoints: number): number => Math.floor((centavos * basisPoints + 5000) / 10_000);

/** The centavos a discount takes off a base, never more than the base. */
export function discountAmount(base: number, discount: { kind: 'percent' | 'amount'; value: number } | undefined): number {
  if (!discount) return 0;
  const amount = discount.kind === 'percent' ? percentOf(base, discount.value) : discount.value;
  return Math.min(amount, base);
}

/**
 * An order's own discount on its subtotal as it stands now: each rule (a % or an amount) applied to
 * it, never more than the subtotal. A % given when the comanda opened covers what is added later.
 */
export const orderDiscountOf = (subtotal: number, rules: readonly { kind: 'percent' | 'amount'; value: number }[]): number =>
  Math.min(subtotal, rules.reduce((sum, rule) => sum + discountAmount(subtotal, rule), 0));

/** A discount's size as basis points of its base, for the override limit. */
export const discountShare = (amount: number, base: number): number => (base === 0 ? 0 : Math.ceil((amount * 10_000) / base));

/** The average of `count` amounts that add up to `total` (a ticket médio), half up; nothing counted averages 0. */
export const averageOf = (total: number, count: number): number => (count === 0 ? 0 : Math.floor((2 * total + count) / (2 * count)));
