import { useCallback, useEffect, useState } from 'react';
import { uuidv7 } from '../ids';
import { readCart, type Cart } from './cart';

export interface CounterState {
  cart: Cart;
  /** An order already sent and not paid yet (a comanda, or an order waiting for its PIX). */
  targetId: string | null;
}

export const newCart = (): Cart => ({ orderId: uuidv7(), type: 'balcao', customerName: '', pager: '', lines: [], discount: null });

const keyFor = (userId: string) => `balcao.counter.${userId}`;

function readStored(userId: string): CounterState {
  try {
    const raw = sessionStorage.getItem(keyFor(userId));
    if (raw) {
      const parsed = JSON.parse(raw) as { cart?: unknown; targetId?: unknown };
      const cart = readCart(parsed.cart);
      if (cart) return { cart, targetId: typeof parsed.targetId === 'string' ? parsed.targetId : null };
    }
  } catch {
    // Unreadable: start a new cart.
  }
  return { cart: newCart(), targetId: null };
}

/**
 * The cart in progress, kept in this tab's storage: going to another screen, a lock, or a reload
 * never throws away an order being taken.
 */
export type UpdateCounterState = (update: (state: CounterState) => CounterState) => void;

export function useCounterState(userId: string): [CounterState, UpdateCounterState] {
  const [state, setState] = useState<CounterState>(() => readStored(userId));
  useEffect(() => {
    try {
      sessionStorage.setItem(keyFor(userId), JSON.stringify(state));
    } catch {
      // No storage: the cart lives as long as the screen.
    }
  }, [userId, state]);
  const update = useCallback((fn: (state: CounterState) => CounterState) => setState(fn), []);
  return [state, update];
}
