import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src/models/catalog';
import type { OrderView } from '../../../src/models/orders';
import { api, type Output } from '../api';
import { useOverride } from '../components/OverrideDialog';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { hasOptions, priceCart } from './cart';
import type { DiscountTarget } from './CartDialogs';
import type { CounterDialog } from './CounterDialogs';
import { handleCounterKey } from './counterKeys';
import type { DoneKind } from './DoneDialog';
import { barcodeMatch, exactMatch, splitQuantity } from './search';
import { useCartLines } from './useCartLines';
import { useCatalog } from './useCatalog';
import { useCounterSales } from './useCounterSales';
import { useCounterSearch } from './useCounterSearch';
import { newCart, useCounterState } from './useCounterState';
import { useCounterTarget } from './useCounterTarget';

/** The caixa this cashier sells into; none open means the counter asks to open one first. */
function useCurrentCash() {
  const [cash, setCash] = useState<Output<'cash.current'> | null>(null);
  const [cashError, setCashError] = useState<string | null>(null);
  const loadCash = useCallback(async () => {
    const outcome = await api.call('cash.current', {});
    if (outcome.ok) {
      setCash(outcome.result);
      setCashError(null);
    } else setCashError(outcome.error.message);
  }, []);
  useEffect(() => {
    void loadCash();
  }, [loadCash]);
  useLiveRefresh(['cash.changed'], () => void loadCash());
  return { cash, cashError, loadCash };
}

/** Everything the counter screen shows and does; its parts read what they need from it. */
export function useCounter() {
  const { t } = useTranslation();
  const { session, notify } = useSession();
  const { catalog, error: catalogError } = useCatalog();
  const { cash, cashError, loadCash } = useCurrentCash();
  const [state, update] = useCounterState(session.user.id);
  const { cart } = state;
  const [dialog, setDialog] = useState<CounterDialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const override = useOverride();
  const lines = useCartLines(cart, update);
  const { setCart, setSelectedId, selected, selectedIndex, addLine } = lines;
  const { target, targetRef, chooseTarget } = useCounterTarget(state.targetId, update, () => setDialog({ kind: 'pay' }));
  const search = useCounterSearch(catalog);
  const { setQuery, setHighlight, setCategoryId } = search;

  const pricing = useMemo(() => (catalog ? priceCart(catalog.maps, cart) : null), [catalog, cart]);
  // What is due now: what the order being worked on already owes, plus the cart.
  const due = (target?.due ?? 0) + (pricing?.total ?? 0);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const addProduct = useCallback(
    (product: ProductView, quantity = 1) => {
      if (!catalog) return;
      setError(null);
      if (product.soldOut) return notify(t('counter.soldOut', { name: product.name }));
      if (hasOptions(catalog.maps, product)) {
        setDialog({ kind: 'options', product, lineId: null, initial: { quantity, modifierOptionIds: [], comboChoices: [], notes: '' } });
        return;
      }
      addLine({ productId: product.id, quantity, modifierOptionIds: [], comboChoices: [], notes: '', discount: null });
    },
    [catalog, addLine, notify, t],
  );

  const resetCart = useCallback(() => {
    update((s) => ({ ...s, cart: newCart() }));
    setSelectedId(null);
    setQuery('');
    setCategoryId(null);
    setError(null);
  }, [update, setSelectedId, setQuery, setCategoryId]);

  const finish = useCallback(
    (order: OrderView, doneKind: DoneKind) => {
      resetCart();
      chooseTarget(null);
      setDialog({ kind: 'done', order, doneKind });
    },
    [resetCart, chooseTarget],
  );

  const clearLines = useCallback(() => {
    setCart((c) => ({ ...c, lines: [], discount: null }));
    setSelectedId(null);
  }, [setCart, setSelectedId]);
  const startNewCart = useCallback(() => {
    update((s) => ({ ...s, cart: newCart() }));
    setSelectedId(null);
  }, [update, setSelectedId]);
  const [shownPix, setShownPix] = useState<{ orderId: string; amount: number } | null>(null);
  const sales = useCounterSales({ cart, target, targetRef, chooseTarget, clearLines, startNewCart, finish, override, setError, onPixShown: setShownPix });
  // The PIX stays on the customer's display while the payment dialog that shows it is open.
  useEffect(() => {
    if (dialog?.kind !== 'pay') setShownPix(null);
  }, [dialog]);

  /** F10 and the big button: send new lines to the order, open a comanda, or pay. */
  const primary = useCallback(async () => {
    if (busy || !catalog || dialog) return;
    setError(null);
    if (target) {
      if (cart.lines.length) {
        setBusy(true);
        await sales.sendLines();
        setBusy(false);
        return;
      }
      setDialog({ kind: 'pay' });
      return;
    }
    if (!cart.lines.length) return notify(t('counter.emptyCart'));
    if (cart.type === 'comanda') {
      if (!cart.customerName.trim() && !cart.pager.trim()) return setDialog({ kind: 'customer', required: true });
      setBusy(true);
      const outcome = await sales.createOrder();
      setBusy(false);
      if (outcome.ok) finish(outcome.result, 'opened');
      else if (outcome.error.code !== 'OVERRIDE_REQUIRED') setError(outcome.error.message);
      return;
    }
    setDialog({ kind: 'pay' });
  }, [busy, catalog, dialog, target, cart, sales, notify, t, finish]);

  const openTarget = useCallback(
    async (orderId: string, then: 'add' | 'pay') => {
      const outcome = await api.call('orders.get', { id: orderId });
      if (!outcome.ok) return notify(outcome.error.message);
      chooseTarget(outcome.result);
      setDialog(then === 'pay' ? { kind: 'pay' } : null);
      if (then === 'add') requestAnimationFrame(focusSearch);
    },
    [chooseTarget, notify, focusSearch],
  );

  const toggleSoldOut = useCallback(
    async (product: ProductView) => {
      const outcome = await api.call('catalog.setSoldOut', { id: product.id, soldOut: !product.soldOut });
      notify(outcome.ok ? t(outcome.result.soldOut ? 'counter.markedSoldOut' : 'counter.markedAvailable', { name: product.name }) : outcome.error.message);
    },
    [notify, t],
  );

  const submitSearch = useCallback(() => {
    if (!catalog) return;
    const exact = search.typedText.trim() ? exactMatch(catalog.index, search.typedText) : null;
    const product = exact ?? search.search.results[search.highlight];
    if (!product) return;
    addProduct(product, search.typedQuantity);
    setQuery('');
    setHighlight(0);
  }, [catalog, search, addProduct, setQuery, setHighlight]);

  const changeQuery = (value: string) => {
    setHighlight(0);
    if (catalog) {
      // A barcode reader types 13 digits (and Enter): an exact barcode goes in the cart at once.
      const { quantity, text } = splitQuantity(value);
      const product = barcodeMatch(catalog.index, text);
      if (product) {
        addProduct(product, quantity);
        setQuery('');
        return;
      }
    }
    setQuery(value);
  };

  const discountTargets: DiscountTarget[] = pricing
    ? [
        ...(target ? [] : [{ key: 'order', label: t('discount.wholeOrder'), base: pricing.subtotal, current: cart.discount }]),
        ...(selected
          ? [{ key: selected.id, label: t('discount.line', { name: pricing.lines[selectedIndex]?.name ?? '' }), base: pricing.lines[selectedIndex]?.gross ?? 0, current: selected.discount }]
          : []),
      ]
    : [];
  const openDiscount = (key: string) => {
    if (!cart.lines.length || !discountTargets.length) return notify(t(target ? 'counter.selectLine' : 'counter.emptyCart'));
    setDialog({ kind: 'discount', key: discountTargets.some((d) => d.key === key) ? key : discountTargets[0]!.key });
  };

  const counter = {
    t,
    notify,
    catalog,
    catalogError,
    cash,
    cashError,
    loadCash,
    cart,
    update,
    pricing,
    due,
    target,
    chooseTarget,
    dialog,
    setDialog,
    busy,
    error,
    searchRef,
    focusSearch,
    override,
    lines,
    search,
    sales,
    addProduct,
    resetCart,
    primary,
    openTarget,
    toggleSoldOut,
    submitSearch,
    changeQuery,
    discountTargets,
    openDiscount,
    shownPix,
  };

  // The keyboard drives the counter once it can sell; the handler always sees this render's state.
  const keys = useRef<(event: KeyboardEvent) => void>(() => {});
  keys.current = (event) => handleCounterKey(event, counter);
  const ready = Boolean(catalog && cash?.session);
  useEffect(() => {
    if (!ready) return;
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [ready]);
  useEffect(() => {
    if (ready) focusSearch();
  }, [ready, focusSearch]);

  return counter;
}

export type Counter = ReturnType<typeof useCounter>;
