import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../src/models/catalog';
import type { Discount } from '../../../src/models/money';
import type { OrderType, OrderView, PaymentInput } from '../../../src/models/orders';
import { api, type Outcome, type Output } from '../api';
import { sendWithOverride, useOverride } from '../components/OverrideDialog';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatBRL, formatPercent, formatTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { hasOptions, priceCart, readCart, sameItem, toOrderLines, withoutLine, type CartLine } from './cart';
import { CustomerDialog, DiscountDialog, HoldDialog, NotesDialog, OpenOrdersDialog, RecallDialog, type DiscountTarget } from './CartDialogs';
import { DoneDialog, type DoneKind } from './DoneDialog';
import { takeCounterRequest } from './handoff';
import { OpenCaixaPanel } from './OpenCaixaPanel';
import { OptionsDialog, type LineOptions } from './OptionsDialog';
import { PayDialog, type PixCharge } from './PayDialog';
import { ReadyStrip } from './ReadyStrip';
import { SoldOutDialog } from './SoldOutDialog';
import { barcodeMatch, exactMatch, searchProducts, splitQuantity } from './search';
import { useCatalog } from './useCatalog';
import { newCart, useCounterState } from './useCounterState';

// The contract's order types (the renderer imports only types from the core, so the list is repeated and type-checked).
const TYPES = ['balcao', 'viagem', 'comanda'] as const satisfies readonly OrderType[];

const RESULT_LIMIT = 40;
const CATEGORY_LIMIT = 60;

type Dialog =
  | { kind: 'options'; product: ProductView; initial: LineOptions; lineId: string | null }
  | { kind: 'customer'; required: boolean }
  | { kind: 'discount'; key: string }
  | { kind: 'notes'; lineId: string }
  | { kind: 'hold' }
  | { kind: 'recall' }
  | { kind: 'openOrders' }
  | { kind: 'pay' }
  | { kind: 'cancelTarget' }
  | { kind: 'soldOut'; product: ProductView }
  | { kind: 'done'; order: OrderView; doneKind: DoneKind };

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

const SHORTCUTS = [
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

/**
 * The counter: search as you type (name, code or barcode, accents ignored), category tiles for
 * touch, the cart with its total always in sight, and a function key for every frequent action.
 */
export function CounterScreen() {
  const { t } = useTranslation();
  const { session, notify, timeZone } = useSession();
  const { catalog, error: catalogError } = useCatalog();
  const [cash, setCash] = useState<Output<'cash.current'> | null>(null);
  const [cashError, setCashError] = useState<string | null>(null);
  const [state, update] = useCounterState(session.user.id);
  const { cart } = state;
  const [target, setTarget] = useState<OrderView | null>(null);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tokens = useRef(new Map<string, string>());
  const override = useOverride();

  // ---------- Caixa and the order being worked on ----------

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

  const setCart = useCallback((fn: (cart: typeof state.cart) => typeof state.cart) => update((s) => ({ ...s, cart: fn(s.cart) })), [update]);
  const chooseTarget = useCallback(
    (order: OrderView | null) => {
      setTarget(order);
      update((s) => ({ ...s, targetId: order?.id ?? null }));
    },
    [update],
  );

  // An order left open in this tab (a reload while a PIX was pending), or one another screen sent here.
  const initialTarget = useRef<string | null | undefined>(state.targetId);
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
      if (open && request?.action === 'pay') setDialog({ kind: 'pay' });
      if (request && !open && outcome.ok) notify(t('counter.orderNotOpen', { number: outcome.result.number }));
    });
    return () => {
      cancelled = true;
    };
  }, [chooseTarget, notify, t]);

  // ---------- Search ----------

  const { quantity: typedQuantity, text: typedText } = splitQuantity(query);
  // With nothing typed, the tiles of a category are on screen for touch: the one tapped, else the first.
  const shownCategory = categoryId ?? catalog?.snapshot.categories[0]?.id ?? null;
  const searching = typedText.trim().length > 0;
  const search = useMemo(() => {
    if (!catalog) return { results: [] as ProductView[], total: 0 };
    if (searching) return searchProducts(catalog.index, typedText, { limit: RESULT_LIMIT });
    if (shownCategory) return searchProducts(catalog.index, '', { limit: CATEGORY_LIMIT, categoryId: shownCategory });
    return { results: [] as ProductView[], total: 0 };
  }, [catalog, searching, typedText, shownCategory]);

  const pricing = useMemo(() => (catalog ? priceCart(catalog.maps, cart) : null), [catalog, cart]);
  const selectedIndex = cart.lines.findIndex((line) => line.id === selectedId);
  const selected = selectedIndex >= 0 ? cart.lines[selectedIndex]! : null;

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  // ---------- Cart ----------

  const addLine = useCallback(
    (line: Omit<CartLine, 'id'>) => {
      // The same item again (same choices, no discount) adds quantity instead of a new line.
      const newId = uuidv7();
      const same = cart.lines.find((existing) => sameItem(existing, line));
      setCart((current) => {
        const existing = current.lines.find((l) => sameItem(l, line));
        if (existing) return { ...current, lines: current.lines.map((l) => (l.id === existing.id ? { ...l, quantity: Math.min(999, l.quantity + line.quantity) } : l)) };
        return { ...current, lines: [...current.lines, { ...line, id: newId }] };
      });
      setSelectedId(same ? same.id : newId);
    },
    [cart.lines, setCart],
  );

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

  const changeQuantity = useCallback(
    (lineId: string, delta: number) =>
      setCart((current) => ({ ...current, lines: current.lines.map((l) => (l.id === lineId ? { ...l, quantity: Math.min(999, Math.max(1, l.quantity + delta)) } : l)) })),
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

  const resetCart = useCallback(() => {
    update((s) => ({ ...s, cart: newCart() }));
    setSelectedId(null);
    setQuery('');
    setCategoryId(null);
    setError(null);
  }, [update]);

  const finish = useCallback(
    (order: OrderView, doneKind: DoneKind) => {
      resetCart();
      chooseTarget(null);
      setDialog({ kind: 'done', order, doneKind });
    },
    [resetCart, chooseTarget],
  );

  // ---------- Talking to the core ----------

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
    setCart((c) => ({ ...c, lines: [], discount: null }));
    setSelectedId(null);
    notify(t('counter.linesSent', { number: outcome.result.number }));
    return outcome.result;
  }, [target, cart.lines, override, t, chooseTarget, setCart, notify]);

  const primary = useCallback(async () => {
    if (busy || !catalog || dialog) return;
    setError(null);
    if (target) {
      if (cart.lines.length) {
        setBusy(true);
        await sendLines();
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
      const outcome = await createOrder();
      setBusy(false);
      if (outcome.ok) finish(outcome.result, 'opened');
      else if (outcome.error.code !== 'OVERRIDE_REQUIRED') setError(outcome.error.message);
      return;
    }
    setDialog({ kind: 'pay' });
  }, [busy, catalog, dialog, target, cart, sendLines, notify, t, createOrder, finish]);

  const targetRef = useRef(target);
  targetRef.current = target;

  const pixCharge = useCallback(
    async (amount: number): Promise<PixCharge | string> => {
      let orderId = targetRef.current?.id;
      if (!orderId) {
        // PIX needs an order to charge: it is created now without payments, then paid when the PIX arrives.
        const created = await createOrder();
        if (!created.ok) return created.error.message;
        orderId = created.result.id;
        chooseTarget(created.result);
        targetRef.current = created.result;
        update((s) => ({ ...s, cart: newCart() }));
        setSelectedId(null);
      }
      const charge = await api.call('orders.pixCharge', { orderId, amount });
      if (!charge.ok) return charge.error.message;
      const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(charge.result.svg)}`;
      return { payload: charge.result.payload, qr, amount: charge.result.amount };
    },
    [createOrder, chooseTarget, update],
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
          targetRef.current = stored.result;
          outcome = await api.call('orders.pay', { orderId: stored.result.id, payments });
        }
      }
      if (!outcome.ok) return outcome.error.code === 'OVERRIDE_REQUIRED' ? t('override.notGiven') : outcome.error.message;
      finish(outcome.result, 'paid');
      return null;
    },
    [createOrder, finish, t, cart, chooseTarget],
  );

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

  // ---------- Keyboard ----------

  const submitSearch = useCallback(() => {
    if (!catalog) return;
    const exact = typedText.trim() ? exactMatch(catalog.index, typedText) : null;
    const product = exact ?? search.results[highlight];
    if (!product) return;
    addProduct(product, typedQuantity);
    setQuery('');
    setHighlight(0);
  }, [catalog, typedText, typedQuantity, search.results, highlight, addProduct]);

  const onQueryChange = (value: string) => {
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

  const keys = useRef<(event: KeyboardEvent) => void>(() => {});
  keys.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    // A dialog (or the lock screen) owns the keyboard while it is open.
    if (document.querySelector('dialog[open]')) return;
    const inSearch = event.target === searchRef.current;
    const fn: Record<string, () => void> = {
      F2: focusSearch,
      F3: () => setDialog({ kind: 'openOrders' }),
      F4: () => (target ? undefined : setDialog({ kind: 'customer', required: false })),
      F6: () => openDiscount('order'),
      F7: () => (selected ? setDialog({ kind: 'notes', lineId: selected.id }) : notify(t('counter.selectLine'))),
      F8: () => (target ? notify(t('counter.holdTarget')) : cart.lines.length ? setDialog({ kind: 'hold' }) : notify(t('counter.emptyCart'))),
      F9: () => (cart.lines.length || target ? notify(t('counter.recallBusy')) : setDialog({ kind: 'recall' })),
      F10: () => void primary(),
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
      submitSearch();
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
  };
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

  // Keep the highlighted result in view.
  const resultsRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    resultsRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);
  const cartRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    cartRef.current?.querySelector('.cart-line.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, cart.lines.length]);

  // ---------- Screen ----------

  if (catalogError || cashError) {
    return (
      <div className="page-content">
        <div className="alert alert-error" role="alert">
          {catalogError ?? cashError}
        </div>
      </div>
    );
  }
  if (!catalog || !cash || !pricing) {
    return (
      <div className="center-panel" role="status">
        <p className="muted">{t('counter.loading')}</p>
      </div>
    );
  }
  if (!cash.session) return <OpenCaixaPanel onOpened={() => void loadCash()} />;

  const { categories } = catalog.snapshot;
  const due = target ? target.due + pricing.total : pricing.total;
  const primaryLabel = target ? (cart.lines.length ? t('counter.sendLines') : t('counter.receive')) : cart.type === 'comanda' ? t('counter.openTab') : t('counter.pay');
  const describeDiscount = (discount: Discount) => (discount.kind === 'percent' ? formatPercent(discount.value) : formatBRL(discount.value));

  return (
    <div className="counter" data-testid="counter-ready">
      <section className="counter-main" aria-label={t('counter.catalog')}>
        <div className="counter-search">
          <label htmlFor="counter-search" className="visually-hidden">
            {t('counter.searchLabel')}
          </label>
          <svg className="counter-search-icon" width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
          <input
            id="counter-search"
            ref={searchRef}
            className="input counter-search-input"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('counter.searchPlaceholder')}
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
            role="combobox"
            aria-expanded={search.results.length > 0}
            aria-controls="counter-results"
            aria-activedescendant={search.results[highlight] ? `result-${search.results[highlight]!.id}` : undefined}
            data-testid="counter-search"
          />
          <kbd className="counter-search-kbd">F2</kbd>
          {typedQuantity > 1 && <span className="badge badge-warning counter-quantity">{t('counter.timesQuantity', { count: typedQuantity })}</span>}
        </div>

        <div className="category-strip" role="toolbar" aria-label={t('counter.categories')}>
          {categories.map((category) => (
            <button
              key={category.id}
              type="button"
              className="category-tile"
              style={{ '--tile-color': category.color } as React.CSSProperties}
              aria-pressed={!searching && shownCategory === category.id}
              onClick={() => {
                setCategoryId(category.id);
                setQuery('');
                setHighlight(0);
              }}
              data-testid="category-tile"
            >
              {category.name}
            </button>
          ))}
        </div>

        <div className="counter-results">
          {searching || shownCategory ? (
            search.results.length ? (
              <>
                <ul
                  id="counter-results"
                  ref={resultsRef}
                  className={searching ? 'result-list' : 'product-grid'}
                  role="listbox"
                  aria-label={t('counter.results')}
                >
                  {search.results.map((product, i) => {
                    const category = product.categoryId ? catalog.maps.categories.get(product.categoryId) : undefined;
                    return (
                      <li
                        key={product.id}
                        id={`result-${product.id}`}
                        role="option"
                        aria-selected={searching && i === highlight}
                        aria-disabled={product.soldOut}
                        className={`${searching ? 'result-row' : 'product-tile'}${product.soldOut ? ' sold-out' : ''}`}
                        style={category ? ({ '--tile-color': category.color } as React.CSSProperties) : undefined}
                        data-testid={searching ? 'search-result' : 'product-tile'}
                        data-product-name={product.name}
                        onClick={() => {
                          addProduct(product, typedQuantity);
                          setQuery('');
                          focusSearch();
                        }}
                        onMouseEnter={() => searching && setHighlight(i)}
                        onContextMenu={(e) => {
                          // Right click or long press: the product's menu, out of the selling path.
                          e.preventDefault();
                          if (!product.soldOut) setDialog({ kind: 'soldOut', product });
                        }}
                        title={product.soldOut ? undefined : t('counter.soldOutHint')}
                      >
                        <span className="result-name">{product.name}</span>
                        <span className="result-meta">
                          <span className="code">{product.code}</span>
                          {product.soldOut && <span className="badge badge-danger">{t('counter.soldOutBadge')}</span>}
                        </span>
                        <span className="result-price">{formatBRL(product.price)}</span>
                        {product.soldOut && (
                          <button
                            type="button"
                            className="result-soldout"
                            title={t('counter.markAvailable')}
                            aria-label={`${t('counter.markAvailable')}: ${product.name}`}
                            onClick={(e) => {
                              e.stopPropagation();
                              void toggleSoldOut(product);
                            }}
                            data-testid="mark-available"
                          >
                            {t('counter.available')}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {search.total > search.results.length && <p className="muted small results-more">{t('counter.moreResults', { count: search.total - search.results.length })}</p>}
              </>
            ) : (
              <p className="counter-hint">{t('counter.noResults')}</p>
            )
          ) : (
            <div className="counter-hint">
              <p className="counter-hint-title">{t('counter.hintTitle')}</p>
              <p className="muted">{t('counter.hintText')}</p>
            </div>
          )}
        </div>

        <ReadyStrip />
      </section>

      <aside className="cart" aria-label={t('counter.cart')}>
        {target ? (
          <div className="cart-target" data-testid="counter-target" data-number={target.number}>
            <div className="cart-target-head">
              <span className="cart-target-number">{target.number}</span>
              <span className="cart-target-info">
                <strong>{target.customerName || (target.pager ? t('counter.pagerShort', { pager: target.pager }) : t(`orderTypes.${target.type}`))}</strong>
                <span className="muted small">
                  {t(`orderTypes.${target.type}`)} · {formatTime(target.createdAt, timeZone)} · {t('counter.targetDue', { due: formatBRL(target.due) })}
                </span>
              </span>
              <button type="button" className="button button-small button-ghost" onClick={() => chooseTarget(null)} data-testid="target-leave">
                {t('counter.leaveTarget')}
              </button>
            </div>
            {target.lines.length > 0 && (
              <ul className="cart-target-lines">
                {target.lines.map((line) => (
                  <li key={line.id}>
                    <span>
                      {line.quantity} × {line.name}
                    </span>
                    <span>{formatBRL(line.total)}</span>
                  </li>
                ))}
              </ul>
            )}
            <div className="row-actions">
              <button type="button" className="button button-small button-danger-outline" onClick={() => setDialog({ kind: 'cancelTarget' })} data-testid="target-cancel">
                {t('counter.cancelOrder')}
              </button>
            </div>
          </div>
        ) : (
          <div className="cart-head">
            <div className="segmented" role="radiogroup" aria-label={t('counter.orderType')}>
              {TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  role="radio"
                  aria-checked={cart.type === type}
                  className="segmented-option"
                  onClick={() => setCart((c) => ({ ...c, type }))}
                  data-testid={`order-type-${type}`}
                >
                  {t(`orderTypes.${type}`)}
                </button>
              ))}
            </div>
            <button type="button" className="cart-customer" onClick={() => setDialog({ kind: 'customer', required: false })} data-testid="customer-button">
              <span className="muted small">{t('counter.customer')}</span>
              <span className="cart-customer-name">
                {[cart.customerName, cart.pager && t('counter.pagerShort', { pager: cart.pager })].filter(Boolean).join(' · ') || t('counter.noCustomer')}
              </span>
              <kbd>F4</kbd>
            </button>
          </div>
        )}

        <ol className="cart-lines" ref={cartRef} aria-label={t('counter.items')}>
          {cart.lines.length === 0 && <li className="cart-empty muted">{target ? t('counter.emptyTarget') : t('counter.emptyCartHint')}</li>}
          {pricing.lines.map((priced) => {
            const line = priced.line;
            const isSelected = line.id === selectedId;
            const product = catalog.maps.products.get(line.productId);
            return (
              <li
                key={line.id}
                className={`cart-line${isSelected ? ' selected' : ''}`}
                onClick={() => setSelectedId(line.id)}
                data-testid="cart-line"
                data-name={priced.name}
                aria-current={isSelected ? 'true' : undefined}
              >
                <div className="cart-line-main">
                  <span className="cart-line-qty" data-testid="line-quantity">
                    {line.quantity}×
                  </span>
                  <span className="cart-line-name">{priced.name}</span>
                  <span className="cart-line-total">
                    {priced.discount > 0 && <s className="muted small">{formatBRL(priced.gross)}</s>} {formatBRL(priced.total)}
                  </span>
                </div>
                {(priced.combo.length > 0 || priced.modifiers.length > 0 || line.notes || line.discount) && (
                  <div className="cart-line-details">
                    {priced.combo.map((c) => (
                      <span key={c.slotName} className="cart-chip">
                        {c.slotName}: {c.productName}
                        {c.modifiers.length > 0 && ` (${c.modifiers.join(', ')})`}
                      </span>
                    ))}
                    {priced.modifiers.map((m) => (
                      <span key={m.name} className="cart-chip">
                        {m.name}
                      </span>
                    ))}
                    {line.notes && <span className="cart-note">“{line.notes}”</span>}
                    {line.discount && <span className="badge badge-warning">− {describeDiscount(line.discount)}</span>}
                  </div>
                )}
                {isSelected && (
                  <div className="cart-line-actions" onClick={(e) => e.stopPropagation()}>
                    <div className="stepper stepper-small">
                      <button type="button" className="stepper-button" aria-label={t('counter.less')} onClick={() => changeQuantity(line.id, -1)} data-testid="line-minus">
                        −
                      </button>
                      <span className="stepper-value">{line.quantity}</span>
                      <button type="button" className="stepper-button" aria-label={t('counter.more')} onClick={() => changeQuantity(line.id, 1)} data-testid="line-plus">
                        +
                      </button>
                    </div>
                    {product && hasOptions(catalog.maps, product) && (
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        onClick={() =>
                          setDialog({ kind: 'options', product, lineId: line.id, initial: { quantity: line.quantity, modifierOptionIds: line.modifierOptionIds, comboChoices: line.comboChoices, notes: line.notes } })
                        }
                      >
                        {t('counter.editLine')}
                      </button>
                    )}
                    <button type="button" className="button button-small button-secondary" onClick={() => setDialog({ kind: 'notes', lineId: line.id })} data-testid="line-notes">
                      {t('counter.notes')}
                    </button>
                    <button type="button" className="button button-small button-secondary" onClick={() => openDiscount(line.id)} data-testid="line-discount">
                      {t('counter.discount')}
                    </button>
                    <button type="button" className="button button-small button-danger-outline" onClick={() => removeLine(line.id)} data-testid="line-remove">
                      {t('counter.remove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>

        <div className="cart-footer">
          {error && (
            <div className="alert alert-error" role="alert" data-testid="counter-error">
              {error}
            </div>
          )}
          <dl className="cart-totals">
            {target && (
              <div>
                <dt>{t('counter.alreadyInTab')}</dt>
                <dd>{formatBRL(target.due)}</dd>
              </div>
            )}
            <div>
              <dt>{t('counter.subtotal')}</dt>
              <dd>{formatBRL(pricing.lines.reduce((s, l) => s + l.gross, 0))}</dd>
            </div>
            {pricing.discounts > 0 && (
              <div className="cart-discount">
                <dt>
                  {t('counter.discounts')}
                  {cart.discount && !target && <span className="muted small"> ({describeDiscount(cart.discount)})</span>}
                </dt>
                <dd>− {formatBRL(pricing.discounts)}</dd>
              </div>
            )}
            <div className="cart-total">
              <dt>{target ? t('counter.toReceive') : t('counter.total')}</dt>
              <dd data-testid="cart-total">{formatBRL(due)}</dd>
            </div>
          </dl>
          <div className="cart-buttons">
            <button type="button" className="button button-secondary" onClick={() => setDialog({ kind: 'openOrders' })} data-testid="open-orders-button">
              {t('counter.openOrders')} <kbd>F3</kbd>
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => (cart.lines.length ? setDialog({ kind: 'hold' }) : setDialog({ kind: 'recall' }))}
              disabled={Boolean(target)}
              data-testid="hold-button"
            >
              {cart.lines.length ? t('counter.hold') : t('counter.recall')} <kbd>{cart.lines.length ? 'F8' : 'F9'}</kbd>
            </button>
          </div>
          <button
            type="button"
            className="button button-primary cart-pay"
            onClick={() => void primary()}
            disabled={busy || (!target && cart.lines.length === 0)}
            data-testid="pay-button"
          >
            <span>{busy ? t('common.sending') : primaryLabel}</span>
            <kbd>F10</kbd>
          </button>
        </div>
      </aside>

      <footer className="shortcut-bar" aria-label={t('counter.shortcutsLabel')}>
        {SHORTCUTS.map(([key, action]) => (
          <span key={action} className="shortcut-hint">
            <kbd>{key}</kbd> {t(`counter.shortcuts.${action}`)}
          </span>
        ))}
      </footer>

      {dialog?.kind === 'options' && (
        <OptionsDialog
          maps={catalog.maps}
          product={dialog.product}
          initial={dialog.initial}
          editing={dialog.lineId !== null}
          onClose={() => setDialog(null)}
          onConfirm={(options) => {
            if (dialog.lineId) patchLine(dialog.lineId, options);
            else addLine({ productId: dialog.product.id, ...options, discount: null });
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'customer' && (
        <CustomerDialog
          customerName={cart.customerName}
          pager={cart.pager}
          required={dialog.required}
          onClose={() => setDialog(null)}
          onSave={(values) => {
            setCart((c) => ({ ...c, ...values }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'discount' && discountTargets.length > 0 && (
        <DiscountDialog
          targets={discountTargets}
          initialKey={dialog.key}
          onClose={() => setDialog(null)}
          onApply={(key, discount) => {
            if (key === 'order') setCart((c) => ({ ...c, discount }));
            else patchLine(key, { discount });
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'notes' && (
        <NotesDialog
          name={pricing.lines.find((l) => l.line.id === dialog.lineId)?.name ?? ''}
          notes={cart.lines.find((l) => l.id === dialog.lineId)?.notes ?? ''}
          onClose={() => setDialog(null)}
          onSave={(notes) => {
            patchLine(dialog.lineId, { notes });
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'hold' && (
        <HoldDialog
          defaultLabel={cart.customerName || (cart.pager ? t('counter.pagerShort', { pager: cart.pager }) : t('hold.defaultLabel', { time: formatTime(Date.now(), timeZone) }))}
          onClose={() => setDialog(null)}
          onHold={async (label) => {
            const outcome = await api.call('orders.hold', { id: cart.orderId, label, cart: cart as unknown as Record<string, unknown> });
            if (!outcome.ok) return outcome.error.message;
            resetCart();
            setDialog(null);
            notify(t('hold.done', { label }));
            return null;
          }}
        />
      )}
      {dialog?.kind === 'recall' && (
        <RecallDialog
          maps={catalog.maps}
          onClose={() => setDialog(null)}
          onRecall={async (held) => {
            const outcome = await api.call('orders.recall', { id: held.id });
            if (!outcome.ok) return outcome.error.message;
            const recalled = readCart(outcome.result.cart);
            if (!recalled) return t('recall.unreadable');
            const known = recalled.lines.filter((line) => catalog.maps.products.has(line.productId));
            if (known.length < recalled.lines.length) notify(t('recall.dropped', { count: recalled.lines.length - known.length }));
            // A new id: held again later, it is a new hold, not a resend of the first one.
            update((s) => ({ ...s, cart: { ...recalled, orderId: uuidv7(), lines: known } }));
            setSelectedId(null);
            setDialog(null);
            return null;
          }}
        />
      )}
      {dialog?.kind === 'openOrders' && (
        <OpenOrdersDialog onClose={() => setDialog(null)} onAdd={(order) => void openTarget(order.id, 'add')} onPay={(order) => void openTarget(order.id, 'pay')} />
      )}
      {dialog?.kind === 'pay' && (
        <PayDialog
          due={due}
          title={target ? t('pay.titleFor', { number: target.number }) : t('pay.title')}
          onClose={() => setDialog(null)}
          onPay={pay}
          onPixCharge={pixCharge}
        />
      )}
      {dialog?.kind === 'cancelTarget' && target && (
        <ReasonDialog
          title={t('counter.cancelTitle', { number: target.number })}
          text={t('counter.cancelText')}
          confirmLabel={t('counter.cancelOrder')}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const outcome = await sendWithOverride(
              (overrideToken) => api.call('orders.cancel', { orderId: target.id, reason, ...(overrideToken ? { overrideToken } : {}) }),
              override,
              { operation: 'orders.cancel', recordId: target.id, reason: t('override.reasons.cancelAfterKitchen', { number: target.number }) },
            );
            if (!outcome.ok) return outcome.error.code === 'OVERRIDE_REQUIRED' ? t('override.notGiven') : outcome.error.message;
            chooseTarget(null);
            setDialog(null);
            notify(t('counter.cancelled', { number: target.number }));
            return null;
          }}
        />
      )}
      {dialog?.kind === 'soldOut' && (
        <SoldOutDialog
          product={dialog.product}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            void toggleSoldOut(dialog.product);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'done' && (
        <DoneDialog
          order={dialog.order}
          kind={dialog.doneKind}
          onClose={() => {
            setDialog(null);
            requestAnimationFrame(focusSearch);
          }}
        />
      )}
      {override.dialog}
    </div>
  );
}
