import { useCallback, useState } from 'react';
import { uuidv7 } from '../ids';
import { sameItem, withoutLine, type Cart, type CartLine } from './cart';
import type { UpdateCounterState } from './useCounterState';

const MAX_QUANTITY = 999;

/** The cart's lines and the one selected (keys and buttons act on it). */
export function useCartLines(cart: Cart, update: UpdateCounterState) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const setCart = useCallback((fn: (cart: Cart) => Cart) => update((s) => ({ ...s, cart: fn(s.cart) })), [update]);

  const addLine = useCallback(
    (line: Omit<CartLine, 'id'>) => {
      // The same item again (same choices, no discount) adds quantity instead of a new line.
      const newId = uuidv7();
      const same = cart.lines.find((existing) => sameItem(existing, line));
      setCart((current) => {
        const existing = current.lines.find((l) => sameItem(l, line));
        if (existing) return { ...current, lines: current.lines.map((l) => (l.id === existing.id ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + line.quantity) } : l)) };
        return { ...current, lines: [...current.lines, { ...line, id: newId }] };
      });
      setSelectedId(same ? same.id : newId);
    },
    [cart.lines, setCart],
  );

  const changeQuantity = useCallback(
    (lineId: string, delta: number) =>
      setCart((current) => ({ ...current, lines: current.lines.map((l) => (l.id === lineId ? { ...l, quantity: Math.min(MAX_QUANTITY, Math.max(1, l.quantity + delta)) } : l)) })),
    [setCart],
  );

  const removeLine = useCallback(
    (lineId: string) => {
      const index = cart.lines.findIndex((l) => l.id === lineId);
      setCart((current) => withoutLine(current, lineId));
      const next = cart.lines[index + 1] ?? cart.lines[index - 1];
      setSelectedId(next && next.id !== lineId ? next.id : null);
    },
    [cart.lines, setCart],
  );

  const patchLine = useCallback((lineId: string, patch: Partial<CartLine>) => setCart((c) => ({ ...c, lines: c.lines.map((l) => (l.id === lineId ? { ...l, ...patch } : l)) })), [setCart]);

  const selectedIndex = cart.lines.findIndex((line) => line.id === selectedId);
  const selected = selectedIndex >= 0 ? cart.lines[selectedIndex]! : null;

  return { setCart, selectedId, setSelectedId, selectedIndex, selected, addLine, changeQuantity, removeLine, patchLine };
}
