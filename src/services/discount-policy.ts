import { discountShare } from '../utils/money.js';

/** An order's discount (lines and order together) and the gross it comes off. */
export interface DiscountFigures {
  discount: number;
  gross: number;
}

/**
 * A manager approves when the order's whole discount, as a share of its gross, goes past the shop's
 * limit, and this step gives discount of its own or raises the share the order already had (what was
 * approved before stays approved: items added to a staff meal's comanda are on the house too).
 */
export function discountNeedsApproval(limitBps: number, step: { before?: DiscountFigures; after: DiscountFigures; given: number }): boolean {
  const share = discountShare(step.after.discount, step.after.gross);
  if (share <= limitBps) return false;
  const before = step.before ? discountShare(step.before.discount, step.before.gross) : 0;
  return step.given > 0 || share > before;
}
