import { useCallback, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView, PaymentInput } from '../../../src/models/orders';
import { api, type Outcome } from '../api';
import { sendWithOverride, type OverrideFlow } from '../components/OverrideDialog';
import { useSession } from '../session';
import { toOrderLines, type Cart } from './cart';
import type { DoneKind } from './DoneDialog';
import type { PixCharge } from './PayDialog';

interface SalesDeps {
  cart: Cart;
  target: OrderView | null;
  targetRef: RefObject<OrderView | null>;
  chooseTarget: (order: OrderView | null) => void;
  /** The cart's lines went into the order being worked on (its type and customer stay). */
  clearLines: () => void;
  /** The cart became an order: a new empty cart takes its place. */
  startNewCart: () => void;
  /** A sale ended: the screen shows what happened and starts over. */
  finish: (order: OrderView, kind: DoneKind) => void;
  override: OverrideFlow;
  setError: (message: string | null) => void;
  /** A PIX charge is on screen: the customer's display shows its QR too. */
  onPixShown: (pix: { orderId: string; amount: number }) => void;
}

/**
 * The counter's calls to the core that make and pay orders. A resend after a lost reply carries the
 * same order id (and the same manager approval), so the core answers it instead of selling twice.
 */
export function useCounterSales({ cart, target, targetRef, chooseTarget, clearLines, startNewCart, finish, override, setError, onPixShown }: SalesDeps) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const tokens = useRef(new Map<string, string>());

  const createOrder = useCallback(
    (payments?: PaymentInput[]): Promise<Outcome<'orders.create'>> => {
      const key = `orders.create:${cart.orderId}`;
      const input = {
        id: cart.orderId,
        type: cart.type,
        ...(cart.customerName.trim() ? { customerName: cart.customerName.trim() } : {}),
        ...(cart.pager.trim() ? { pager: cart.pager.trim() } : {}),
        lines: toOrderLines(cart.lines),
        ...(cart.discount && cart.discount.value > 0 ? { discount: cart.discount } : {}),
        ...(payments ? { payments } : {}),
      };
      return sendWithOverride((overrideToken) => api.call('orders.create', overrideToken ? { ...input, overrideToken } : input), override, {
        operation: 'orders.create',
        recordId: cart.orderId,
        reason: t('override.reasons.discount'),
        token: tokens.current.get(key),
        onToken: (token) => tokens.current.set(key, token),
      });
    },
    [cart, override, t],
  );

  const sendLines = useCallback(async (): Promise<OrderView | null> => {
    if (!target || !cart.lines.length) return target;
    const key = `orders.addLines:${target.id}:${cart.lines[0]!.id}`;
    const lines = toOrderLines(cart.lines);
    const outcome = await sendWithOverride(
      (overrideToken) => api.call('orders.addLines', { orderId: target.id, lines, ...(overrideToken ? { overrideToken } : {}) }),
      override,
      { operation: 'orders.addLines', recordId: target.id, reason: t('override.reasons.discount'), token: tokens.current.get(key), onToken: (token) => tokens.current.set(key, token) },
    );
    if (!outcome.ok) {
      setError(outcome.error.message);
      return null;
    }
    chooseTarget(outcome.result);
    clearLines();
    notify(t('counter.linesSent', { number: outcome.result.number }));
    return outcome.result;
  }, [target, cart.lines, override, t, chooseTarget, clearLines, notify, setError]);

  const pixCharge = useCallback(
    async (amount: number): Promise<PixCharge | string> => {
      let orderId = targetRef.current?.id;
      if (!orderId) {
        // PIX needs an order to charge: it is created now without payments, then paid when the PIX arrives.
        const created = await createOrder();
        if (!created.ok) return created.error.message;
        orderId = created.result.id;
        chooseTarget(created.result);
        startNewCart();
      }
      const charge = await api.call('orders.pixCharge', { orderId, amount });
      if (!charge.ok) return charge.error.message;
      onPixShown({ orderId, amount: charge.result.amount });
      const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(charge.result.svg)}`;
      return { payload: charge.result.payload, qr, amount: charge.result.amount };
    },
    [createOrder, chooseTarget, startNewCart, targetRef, onPixShown],
  );

  const pay = useCallback(
    async (payments: PaymentInput[]): Promise<string | null> => {
      const current = targetRef.current;
      let outcome = current ? await api.call('orders.pay', { orderId: current.id, payments }) : await createOrder(payments);
      if (!current && !outcome.ok && outcome.error.code === 'CONFLICT') {
        // This cart's order already exists unpaid (a PIX charge whose reply was lost): pay that order, if it holds this cart.
        const stored = await api.call('orders.get', { id: cart.orderId });
        const sameCart = stored.ok && stored.result.lines.map((l) => l.id).join() === cart.lines.map((l) => l.id).join();
        if (stored.ok && sameCart && stored.result.status === 'open') {
          chooseTarget(stored.result);
          outcome = await api.call('orders.pay', { orderId: stored.result.id, payments });
        }
      }
      if (!outcome.ok) return outcome.error.code === 'OVERRIDE_REQUIRED' ? t('override.notGiven') : outcome.error.message;
      finish(outcome.result, 'paid');
      return null;
    },
    [createOrder, finish, t, cart, chooseTarget, targetRef],
  );

  return { createOrder, sendLines, pixCharge, pay };
}
