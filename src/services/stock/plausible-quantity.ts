/**
 * A movement larger than this many times what is known of the item (its stock on hand, or its largest
 * receipt ever) is most likely a typo ("999999999" for "9"): the screen asks before it is recorded.
 */
export const PLAUSIBLE_MULTIPLE = 10;

export interface ItemScale {
  /** Thousandths of the base unit on hand now (may be negative). */
  onHand: number;
  /** The largest single receipt of the item, in thousandths of the base unit; 0 when never received. */
  largestReceipt: number;
}

/** Whether moving `quantity` (thousandths, positive) is far beyond the item's scale. Nothing known, nothing to compare: no question. */
export function needsConfirmation(quantity: number, scale: ItemScale): boolean {
  const reference = Math.max(scale.onHand, scale.largestReceipt, 0);
  return reference > 0 && quantity > PLAUSIBLE_MULTIPLE * reference;
}
