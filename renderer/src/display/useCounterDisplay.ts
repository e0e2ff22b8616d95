import { useEffect, useState } from 'react';
import type { Counter } from '../counter/useCounter';
import { useDisplayPush } from './useDisplayPush';

/**
 * The counter's part of the customer's display: what the cashier's screen holds now (the order being
 * worked on and the cart, the PIX being shown, the order just paid) goes to the display. The order just
 * paid stays there, with its change and "Obrigado!", until the next customer's first line: the display
 * goes back to its slides by itself.
 */
export function useCounterDisplay(counter: Pick<Counter, 'pricing' | 'target' | 'dialog' | 'shownPix'>): void {
  const { pricing, target, dialog, shownPix } = counter;
  const [paidOrderId, setPaidOrderId] = useState<string | null>(null);
  const paidNow = dialog?.kind === 'done' && dialog.doneKind === 'paid' ? dialog.order.id : null;
  const busy = Boolean(target) || Boolean(pricing?.lines.length);
  useEffect(() => {
    if (paidNow) setPaidOrderId(paidNow);
    else if (busy) setPaidOrderId(null);
  }, [paidNow, busy]);
  useDisplayPush({ pricing, target, pix: shownPix, paidOrderId: paidNow ?? paidOrderId });
}
