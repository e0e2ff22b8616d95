import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discount } from '../../../src/models/money';
import { api, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { MoneyInput } from '../components/MoneyInput';
import { formatBRL, formatDateTime, formatMoneyInput, formatTime, parseMoneyInput } from '../format';
import { useSession } from '../session';
import { discountAmount, priceCart, readCart, type CatalogMaps } from './cart';

/** Customer name and pager number (F4): what the kitchen and the ready board call out. */
export function CustomerDialog({
  customerName,
  pager,
  required,
  onSave,
  onClose,
}: {
  customerName: string;
  pager: string;
  required: boolean;
  onSave: (values: { customerName: string; pager: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(customerName);
  const [code, setCode] = useState(pager);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code && !/^[0-9A-Za-z-]{1,8}$/.test(code.trim())) return setError(t('customer.errors.pager'));
    if (required && !name.trim() && !code.trim()) return setError(t('customer.errors.required'));
    onSave({ customerName: name.trim(), pager: code.trim() });
  };
  return (
    <Modal title={t('customer.title')} onClose={onClose} testId="customer-dialog" size="small">
      <form className="form-stack" onSubmit={submit} noValidate>
        {required && <div className="alert alert-info">{t('customer.requiredText')}</div>}
        <FormError message={error ?? undefined} />
        <Field label={t('customer.name')} name="customerName">
          {(control) => <input {...control} className="input" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} data-testid="customer-name" />}
        </Field>
        <Field label={t('customer.pager')} name="pager" hint={t('customer.pagerHint')}>
          {(control) => (
            <input {...control} className="input input-number" maxLength={8} value={code} onChange={(e) => setCode(e.target.value.replace(/[^0-9A-Za-z-]/g, ''))} data-testid="customer-pager" />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="customer-save">
            {t('common.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export interface DiscountTarget {
  key: 'order' | string;
  label: string;
  base: number;
  current: Discount | null;
}

/** Discount (F6) on the whole order or on one item, in % or R$. Above the shop's limit a manager approves when the order is sent. */
export function DiscountDialog({
  targets,
  initialKey,
  onApply,
  onClose,
}: {
  targets: DiscountTarget[];
  initialKey: string;
  onApply: (key: string, discount: Discount | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState(initialKey);
  const target = targets.find((item) => item.key === key) ?? targets[0]!;
  const [kind, setKind] = useState<Discount['kind']>(target.current?.kind ?? 'percent');
  const [text, setText] = useState(target.current ? formatMoneyInput(target.current.value) : '');
  const [reason, setReason] = useState(target.current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);

  const pick = (next: string) => {
    setKey(next);
    const found = targets.find((item) => item.key === next);
    setKind(found?.current?.kind ?? 'percent');
    setText(found?.current ? formatMoneyInput(found.current.value) : '');
    setReason(found?.current?.reason ?? '');
    setError(null);
  };
  const value = parseMoneyInput(text, { max: kind === 'percent' ? 10_000 : target.base });
  const discount: Discount | null = value === null || value === 0 ? null : { kind, value, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  const amount = discountAmount(target.base, discount);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && value === null) return setError(kind === 'percent' ? t('discount.errors.percent') : t('discount.errors.amount', { max: formatBRL(target.base) }));
    onApply(target.key, discount);
  };

  return (
    <Modal title={t('discount.title')} onClose={onClose} testId="discount-dialog" size="small">
      <form className="form-stack" onSubmit={submit} noValidate>
        {targets.length > 1 && (
          <div className="segmented" role="radiogroup" aria-label={t('discount.target')}>
            {targets.map((item) => (
              <button key={item.key} type="button" role="radio" aria-checked={item.key === key} className="segmented-option" onClick={() => pick(item.key)} data-testid={`discount-target-${item.key === 'order' ? 'order' : 'line'}`}>
                {item.label}
              </button>
            ))}
          </div>
        )}
        <div className="segmented" role="radiogroup" aria-label={t('discount.kind')}>
          {(['percent', 'amount'] as const).map((option) => (
            <button key={option} type="button" role="radio" aria-checked={kind === option} className="segmented-option" onClick={() => (setKind(option), setError(null))} data-testid={`discount-kind-${option}`}>
              {t(`discount.kinds.${option}`)}
            </button>
          ))}
        </div>
        <Field label={kind === 'percent' ? t('discount.percent') : t('discount.amount')} name="value" error={error ?? undefined} hint={t('discount.hint', { base: formatBRL(target.base) })}>
          {(control) =>
            kind === 'percent' ? (
              <div className="input-with-unit">
                <input {...control} className="input input-number" inputMode="decimal" maxLength={6} value={text} onChange={(e) => (setText(e.target.value.replace(/[^\d,.]/g, '')), setError(null))} data-testid="discount-value" />
                <span className="input-unit">%</span>
              </div>
            ) : (
              <MoneyInput control={control} value={text} onChange={(next) => (setText(next), setError(null))} testId="discount-value" />
            )
          }
        </Field>
        <Field label={t('discount.reason')} name="reason">
          {(control) => <input {...control} className="input" maxLength={120} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <p className="discount-preview">
          {t('discount.preview')} <strong data-testid="discount-preview">− {formatBRL(amount)}</strong>
        </p>
        <div className="form-actions">
          {target.current && (
            <button type="button" className="button button-danger-outline" onClick={() => onApply(target.key, null)}>
              {t('discount.remove')}
            </button>
          )}
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="discount-submit">
            {t('discount.apply')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A note for one item (F7): "sem cebola", "bem passado". */
export function NotesDialog({ name, notes, onSave, onClose }: { name: string; notes: string; onSave: (notes: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(notes);
  return (
    <Modal title={t('notes.title', { name })} onClose={onClose} testId="notes-dialog" size="small">
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(text.trim());
        }}
        noValidate
      >
        <Field label={t('notes.label')} name="notes" hint={t('notes.hint')}>
          {(control) => <input {...control} className="input" maxLength={140} value={text} onChange={(e) => setText(e.target.value)} data-testid="notes-input" />}
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="notes-save">
            {t('common.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Hold (F8): the cart waits under a name while the next customer is served. */
export function HoldDialog({ defaultLabel, onHold, onClose }: { defaultLabel: string; onHold: (label: string) => Promise<string | null>; onClose: () => void }) {
  const { t } = useTranslation();
  // The default is a placeholder, not a value: what the cashier types replaces it, never follows it.
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const failure = await onHold(label.trim() || defaultLabel);
    setBusy(false);
    if (failure) setError(failure);
  };
  return (
    <Modal title={t('hold.title')} onClose={onClose} testId="hold-dialog" size="small">
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">{t('hold.text')}</p>
        <Field label={t('hold.label')} name="label" error={error ?? undefined}>
          {(control) => <input {...control} className="input" maxLength={40} value={label} placeholder={defaultLabel} onChange={(e) => setLabel(e.target.value)} data-testid="hold-label" />}
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="hold-submit">
            {t('hold.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

type Held = Output<'orders.held'>[number];

/** What a held cart comes to at today's prices (lines no longer sold count for nothing), or null when unreadable. */
function heldTotal(maps: CatalogMaps, stored: Record<string, unknown>): number | null {
  const cart = readCart(stored);
  return cart ? priceCart(maps, { ...cart, lines: cart.lines.filter((line) => maps.products.has(line.productId)) }).total : null;
}

/** Recall (F9): the carts waiting on this terminal, with their totals; picking one brings it back (and takes it off the list). */
export function RecallDialog({ maps, onRecall, onClose }: { maps: CatalogMaps; onRecall: (held: Held) => Promise<string | null>; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [held, setHeld] = useState<Held[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.call('orders.held', {}).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setHeld(outcome.result);
      else setError(outcome.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  const recall = async (item: Held) => {
    const failure = await onRecall(item);
    if (failure) setError(failure);
  };
  return (
    <Modal title={t('recall.title')} onClose={onClose} testId="recall-dialog">
      <div className="form-stack">
        <FormError message={error ?? undefined} />
        {held === null && !error && <p className="muted">{t('common.loading')}</p>}
        {held?.length === 0 && <p className="muted">{t('recall.empty')}</p>}
        <ul className="pick-list">
          {held?.map((item, i) => {
            const total = heldTotal(maps, item.cart);
            return (
            <li key={item.id}>
              <button type="button" className="pick-row" onClick={() => void recall(item)} data-testid="held-row" data-autofocus={i === 0 ? true : undefined}>
                <span className="pick-main">
                  {item.label}
                  {total !== null && (
                    <strong className="pick-total" data-testid="held-total">
                      {formatBRL(total)}
                    </strong>
                  )}
                </span>
                <span className="pick-sub">
                  {t('recall.by', { name: item.createdByName, time: formatTime(item.createdAt, timeZone) })} · {t('recall.items', { count: Array.isArray(item.cart.lines) ? item.cart.lines.length : 0 })}
                </span>
              </button>
            </li>
            );
          })}
        </ul>
      </div>
    </Modal>
  );
}

type OpenOrder = Output<'orders.list'>[number];

/** Open orders (F3): comandas and orders waiting for payment; add items to one, or take its payment. */
export function OpenOrdersDialog({ onAdd, onPay, onClose }: { onAdd: (order: OpenOrder) => void; onPay: (order: OpenOrder) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [orders, setOrders] = useState<OpenOrder[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.call('orders.list', { open: true }).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setOrders(outcome.result);
      else setError(outcome.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <Modal title={t('openOrders.title')} onClose={onClose} testId="open-orders-dialog" size="large">
      <div className="form-stack">
        <FormError message={error ?? undefined} />
        {orders === null && !error && <p className="muted">{t('common.loading')}</p>}
        {orders?.length === 0 && <p className="muted">{t('openOrders.empty')}</p>}
        <ul className="pick-list">
          {orders?.map((order) => (
            <li key={order.id} className="open-order" data-testid="open-order-row" data-number={order.number}>
              <div className="open-order-info">
                <span className="open-order-number">{order.number}</span>
                <span>
                  <span className="pick-main">{order.customerName || (order.pager ? t('counter.pagerShort', { pager: order.pager }) : t(`orderTypes.${order.type}`))}</span>
                  <span className="pick-sub">
                    {t(`orderTypes.${order.type}`)} · {formatDateTime(order.createdAt, timeZone)}
                  </span>
                </span>
                <span className="open-order-due">{formatBRL(order.due)}</span>
              </div>
              <div className="row-actions">
                <button type="button" className="button button-secondary" onClick={() => onAdd(order)} data-testid="open-order-add">
                  {t('openOrders.add')}
                </button>
                <button type="button" className="button button-primary" onClick={() => onPay(order)} data-testid="open-order-pay">
                  {t('openOrders.pay')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
