import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../src/models/orders';
import { api } from '../api';
import { useSession } from '../session';
import { takeCounterRequest } from './handoff';
import type { UpdateCounterState } from './useCounterState';

/**
 * The order being worked on at the counter (a comanda, or an order waiting for its PIX), kept across a
 * reload; at start, an order another screen sent here ("Receber" in Pedidos) or the one left open.
 */
export function useCounterTarget(storedTargetId: string | null, update: UpdateCounterState, onPayRequested: () => void) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [target, setTarget] = useState<OrderView | null>(null);
  // Read by the payment calls, which may run before the next render has the order they just made.
  const targetRef = useRef(target);
  targetRef.current = target;

  const chooseTarget = useCallback(
    (order: OrderView | null) => {
      setTarget(order);
      targetRef.current = order;
      update((s) => ({ ...s, targetId: order?.id ?? null }));
    },
    [update],
  );

  const initialTarget = useRef<string | null | undefined>(storedTargetId);
  const payRequested = useRef(onPayRequested);
  payRequested.current = onPayRequested;
  useEffect(() => {
    // Once, when the counter opens (not again when the language changes).
    if (initialTarget.current === undefined) return;
    const request = takeCounterRequest();
    const id = request?.orderId ?? initialTarget.current;
    initialTarget.current = undefined;
    if (!id) return;
    let cancelled = false;
    void api.call('orders.get', { id }).then((outcome) => {
      if (cancelled) return;
      const order = outcome.ok ? outcome.result : null;
      const open = order && order.paidAt === null && order.status !== 'cancelled' && order.status !== 'voided';
      chooseTarget(open ? order : null);
      if (open && request?.action === 'pay') payRequested.current();
      if (request && !open && outcome.ok) notify(t('counter.orderNotOpen', { number: outcome.result.number }));
    });
    return () => {
      cancelled = true;
    };
  }, [chooseTarget, notify, t]);

  return { target, targetRef, chooseTarget };
}
