import { isEditable } from '../keyboard';
import type { Counter } from './useCounter';

/** The function keys and the keys that act on the cart, as the shortcut bar lists them. */
export const SHORTCUTS = [
  ['F2', 'search'],
  ['Enter', 'add'],
  ['+ / −', 'quantity'],
  ['Del', 'remove'],
  ['F3', 'openOrders'],
  ['F4', 'customer'],
  ['F6', 'discount'],
  ['F7', 'notes'],
  ['F8', 'hold'],
  ['F9', 'recall'],
  ['F10', 'pay'],
] as const;

/** One key pressed anywhere on the counter: a function key, a cart key, or typing that goes to the search. */
export function handleCounterKey(event: KeyboardEvent, counter: Counter): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  // A dialog (or the lock screen) owns the keyboard while it is open.
  if (document.querySelector('dialog[open]')) return;
  const { cart, target, setDialog, notify, t, searchRef } = counter;
  const { selected, selectedIndex, setSelectedId, changeQuantity, removeLine } = counter.lines;
  const { query, setQuery, categoryId, setCategoryId, searching, search, setHighlight } = counter.search;
  const inSearch = event.target === searchRef.current;
  const fn: Record<string, () => void> = {
    F2: counter.focusSearch,
    F3: () => setDialog({ kind: 'openOrders' }),
    F4: () => (target ? undefined : setDialog({ kind: 'customer', required: false })),
    F6: () => counter.openDiscount('order'),
    F7: () => (selected ? setDialog({ kind: 'notes', lineId: selected.id }) : notify(t('counter.selectLine'))),
    F8: () => (target ? notify(t('counter.holdTarget')) : cart.lines.length ? setDialog({ kind: 'hold' }) : notify(t('counter.emptyCart'))),
    F9: () => (cart.lines.length || target ? notify(t('counter.recallBusy')) : setDialog({ kind: 'recall' })),
    F10: () => void counter.primary(),
  };
  const action = fn[event.key];
  if (action) {
    event.preventDefault();
    action();
    return;
  }
  if (isEditable(event.target) && !inSearch) return;
  const emptySearch = query === '';
  const numpad = event.code === 'NumpadAdd' || event.code === 'NumpadSubtract';
  if ((event.key === '+' || event.key === '-') && (numpad || emptySearch || !inSearch)) {
    if (!selected) return;
    event.preventDefault();
    changeQuantity(selected.id, event.key === '+' ? 1 : -1);
    return;
  }
  if (event.key === 'Delete' && (emptySearch || !inSearch)) {
    if (!selected) return;
    event.preventDefault();
    removeLine(selected.id);
    return;
  }
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const step = event.key === 'ArrowDown' ? 1 : -1;
    event.preventDefault();
    if (searching && search.results.length) {
      setHighlight((h) => Math.min(search.results.length - 1, Math.max(0, h + step)));
    } else if (cart.lines.length) {
      const next = selectedIndex < 0 ? (step > 0 ? 0 : cart.lines.length - 1) : Math.min(cart.lines.length - 1, Math.max(0, selectedIndex + step));
      setSelectedId(cart.lines[next]!.id);
    }
    return;
  }
  if (event.key === 'Enter' && inSearch) {
    event.preventDefault();
    counter.submitSearch();
    return;
  }
  if (event.key === 'Escape') {
    if (query) setQuery('');
    else if (categoryId) setCategoryId(null);
    else setSelectedId(null);
    return;
  }
  // Typing anywhere on the counter types in the search (a barcode reader never needs a click first).
  // (Not the space bar: on a focused button it presses the button.)
  if (!inSearch && event.key.length === 1 && event.key !== ' ' && !isEditable(event.target)) searchRef.current?.focus();
}
