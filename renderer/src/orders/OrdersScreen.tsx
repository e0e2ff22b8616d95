import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../src/models/orders';
import { api, type Output } from '../api';
import { Modal } from '../components/Modal';
import { sendWithOverride, useOverride } from '../components/OverrideDialog';
import { ReasonDialog } from '../components/ReasonDialog';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { RefundNotice, type Refund } from './RefundNotice';
import { requestCounter } from '../counter/handoff';
import { formatBRL, formatDateTime, formatTime } from '../format';
import type { Route } from '../routes';
import { useLiveRefresh } from '../hooks/useLive';
import { isManagerRole } from '../roles';
import { useSession } from '../session';
import { FormError } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { RowButton } from '../components/ListParts';

type Summary = Output<'orders.list'>[number];
type Filter = 'all' | 'open' | 'paid' | 'closed';

const FILTERS: readonly Filter[] = ['all', 'open', 'paid', 'closed'];
const PAID: readonly OrderStatus[] = ['paid', 'preparing', 'ready', 'delivered'];

const isClosed = (order: Summary) => order.status === 'cancelled' || order.status === 'voided';
const isOpen = (order: Summary) => order.due > 0 && !isClosed(order);
const isPaid = (order: Summary) => PAID.includes(order.status) && !isOpen(order);

export const STATUS_BADGE: Record<OrderStatus, string> = {
  open: 'badge-warning',
  paid: 'badge-muted',
  preparing: 'badge-warning',
  ready: 'badge-success',
  delivered: 'badge-success',
  cancelled: 'badge-danger',
  voided: 'badge-danger',
};

type Dialog = { kind: 'receipt'; order: Summary } | { kind: 'void'; order: Summary } | { kind: 'cancel'; order: Summary };

/**
 * Pedidos do dia: every order of the business day (or of a day picked), newest first, with the open
 * orders of earlier days too (a comanda opened before the day turned); a number is searched on every
 * day. Open ones (comandas, orders waiting for a PIX) go back to the counter to add items or be paid,
 * or are cancelled with a reason; paid ones show and reprint the receipt, or are voided with a
 * reason and a manager's approval.
 */
export function OrdersScreen({ onNavigate }: { onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { session, timeZone, notify } = useSession();
  const [orders, setOrders] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [refund, setRefund] = useState<{ number: string; refunds: Refund[] } | null>(null);
  /** A business day picked by hand (AAAA-MM-DD), or '' for today's. */
  const [day, setDay] = useState('');
  const [search, setSearch] = useState('');
  /** Orders shown with their date: those not of the day on screen. */
  const [otherDays, setOtherDays] = useState<ReadonlySet<string>>(new Set());
  const override = useOverride();

  const load = useCallback(async () => {
    // Searched once it ends in a digit: "A-" on the way to "A-042" is not a mistake yet.
    const number = /\d\s*$/.test(search) ? search.trim() : '';
    const [listed, open] = await Promise.all([
      api.call('orders.list', number ? { number, limit: 500 } : { ...(day ? { businessDay: day } : {}), limit: 500 }),
      // Today's view also brings the orders still open from earlier days.
      number || day ? null : api.call('orders.list', { open: true, limit: 500 }),
    ]);
    if (!listed.ok) return setError(listed.error.message);
    if (open && !open.ok) return setError(open.error.message);
    const ids = new Set(listed.result.map((o) => o.id));
    const earlier = open ? open.result.filter((o) => !ids.has(o.id)) : [];
    setOrders([...listed.result, ...earlier].sort((a, b) => b.createdAt - a.createdAt));
    setOtherDays(new Set(number ? listed.result.map((o) => o.id) : earlier.map((o) => o.id)));
    setError(null);
  }, [day, search]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['orders.changed'], () => void load(), 200);

  const toCounter = (order: Summary, action: 'add' | 'pay') => {
    requestCounter({ orderId: order.id, action });
    onNavigate('caixa');
  };

  const reprint = async (order: Summary) => {
    const outcome = await api.call('printing.print', { orderId: order.id, kind: 'receipt' });
    if (outcome.ok) notify(t('orders.sentToPrinter', { number: order.number }));
    // No network printer: the receipt opens here, to print from the browser.
    else if (outcome.error.code === 'INVALID_STATE') setDialog({ kind: 'receipt', order });
    else notify(outcome.error.message);
  };

  const shown = (orders ?? []).filter((order) =>
    filter === 'open' ? isOpen(order) : filter === 'paid' ? isPaid(order) : filter === 'closed' ? isClosed(order) : true,
  );
  const counts = {
    all: orders?.length ?? 0,
    open: orders?.filter(isOpen).length ?? 0,
    paid: orders?.filter(isPaid).length ?? 0,
    closed: orders?.filter(isClosed).length ?? 0,
  };

  const actionsOf = (order: Summary) => {
    if (isOpen(order))
      return (
        <>
          <RowButton onClick={() => toCounter(order, 'add')} data-testid="order-add">
            {t('orders.actions.add')}
          </RowButton>
          <RowButton className="button-primary" onClick={() => toCounter(order, 'pay')} data-testid="order-pay">
            {t('orders.actions.pay')}
          </RowButton>
          <RowButton className="button-danger-outline" onClick={() => setDialog({ kind: 'cancel', order })} data-testid="order-cancel">
            {t('orders.actions.cancel')}
          </RowButton>
        </>
      );
    if (isClosed(order))
      return (
        <RowButton className="button-ghost" onClick={() => setDialog({ kind: 'receipt', order })} data-testid="order-receipt">
          {t('orders.actions.receipt')}
        </RowButton>
      );
    return (
      <>
        <RowButton onClick={() => setDialog({ kind: 'receipt', order })} data-testid="order-receipt">
          {t('orders.actions.receipt')}
        </RowButton>
        <RowButton onClick={() => void reprint(order)} data-testid="order-reprint">
          {t('orders.actions.reprint')}
        </RowButton>
        <RowButton className="button-danger-outline" onClick={() => setDialog({ kind: 'void', order })} data-testid="order-void">
          {t('orders.actions.void')}
        </RowButton>
      </>
    );
  };

  return (
    <div className="page-content" data-testid="orders-screen">
      <div className="page-header">
        <div>
          <h1>{t('orders.title')}</h1>
          <p className="muted">{t('orders.subtitle')}</p>
        </div>
      </div>
      <div className="toolbar orders-toolbar">
        <div className="field">
          <label className="field-label" htmlFor="orders-day">
            {t('orders.day')}
          </label>
          <input id="orders-day" type="date" className="input" value={day} onChange={(e) => setDay(e.target.value)} disabled={search.trim() !== ''} data-testid="orders-day" />
        </div>
        {day && (
          <button type="button" className="button button-ghost" onClick={() => setDay('')} data-testid="orders-today">
            {t('orders.today')}
          </button>
        )}
        <div className="field">
          <label className="field-label" htmlFor="orders-search">
            {t('orders.search')}
          </label>
          <input
            id="orders-search"
            type="search"
            className="input"
            value={search}
            placeholder={t('orders.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="orders-search"
          />
        </div>
      </div>
      <div className="segmented segmented-wide" role="tablist" aria-label={t('orders.filterLabel')}>
        {FILTERS.map((item) => (
          <button key={item} type="button" role="tab" aria-selected={filter === item} className="segmented-option" onClick={() => setFilter(item)} data-testid={`orders-filter-${item}`}>
            {t(`orders.filters.${item}`)} <span className="segmented-count">{counts[item]}</span>
          </button>
        ))}
      </div>
      <FormError message={error} />
      {refund && <RefundNotice number={refund.number} refunds={refund.refunds} onClose={() => setRefund(null)} />}
      <DataTable
        testId="orders-table"
        caption={t('orders.title')}
        rows={orders === null ? null : shown}
        rowKey={(order) => order.id}
        rowProps={(order) => ({
          'data-testid': 'order-row',
          'data-number': order.number,
          'data-status': order.status,
          className: isClosed(order) ? 'row-inactive' : undefined,
        })}
        loading={error ? undefined : t('common.loading')}
        empty={t('orders.empty')}
        columns={[
          { key: 'number', header: t('orders.columns.number'), rowHeader: true, cell: (order) => <span className="order-number-cell">{order.number}</span> },
          {
            key: 'time',
            header: t('orders.columns.time'),
            cell: (order) => (otherDays.has(order.id) ? formatDateTime(order.createdAt, timeZone) : formatTime(order.createdAt, timeZone)),
          },
          {
            key: 'customer',
            header: t('orders.columns.customer'),
            cell: (order) => (
              <>
                {order.customerName || (order.pager ? t('counter.pagerShort', { pager: order.pager }) : '—')}
                <span className="cell-sub">{t(`orderTypes.${order.type}`)}</span>
              </>
            ),
          },
          {
            key: 'status',
            header: t('orders.columns.status'),
            cell: (order) => (
              <span className={`badge ${isOpen(order) ? 'badge-warning' : STATUS_BADGE[order.status]}`} data-testid="order-status">
                {isOpen(order) ? t('orders.awaitingPayment') : t(`orderStatus.${order.status}`)}
              </span>
            ),
          },
          {
            key: 'total',
            header: t('orders.columns.total'),
            num: true,
            cell: (order) => (
              <>
                {formatBRL(order.total)}
                {isOpen(order) && <span className="cell-sub">{t('orders.due', { due: formatBRL(order.due) })}</span>}
              </>
            ),
          },
          { key: 'actions', header: t('orders.columns.actions'), actions: true, cell: (order) => <div className="row-actions">{actionsOf(order)}</div> },
        ]}
      />

      {dialog?.kind === 'receipt' && <ReceiptDialog order={dialog.order} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'cancel' && (
        <ReasonDialog
          title={t('counter.cancelTitle', { number: dialog.order.number })}
          text={t('counter.cancelText')}
          confirmLabel={t('orders.actions.cancel')}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const order = dialog.order;
            const outcome = await sendWithOverride(
              (overrideToken) => api.call('orders.cancel', { orderId: order.id, reason, ...(overrideToken ? { overrideToken } : {}) }),
              override,
              { operation: 'orders.cancel', recordId: order.id, reason: t('override.reasons.cancelAfterKitchen', { number: order.number }) },
            );
            if (!outcome.ok) return outcome.error.code === 'OVERRIDE_REQUIRED' ? t('override.notGiven') : outcome.error.message;
            setDialog(null);
            notify(t('counter.cancelled', { number: dialog.order.number }));
            void load();
            return null;
          }}
        />
      )}
      {dialog?.kind === 'void' && (
        <ReasonDialog
          title={t('orders.voidTitle', { number: dialog.order.number })}
          text={isManagerRole(session.user.role) ? t('orders.voidTextManager', { total: formatBRL(dialog.order.total) }) : t('orders.voidText', { total: formatBRL(dialog.order.total) })}
          confirmLabel={t('orders.actions.void')}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const order = dialog.order;
            const outcome = await sendWithOverride(
              (overrideToken) => api.call('orders.void', { orderId: order.id, reason, ...(overrideToken ? { overrideToken } : {}) }),
              override,
              { operation: 'orders.void', recordId: order.id, reason: t('override.reasons.void', { number: order.number, total: formatBRL(order.total) }) },
            );
            if (!outcome.ok) return outcome.error.code === 'OVERRIDE_REQUIRED' ? t('override.notGiven') : outcome.error.message;
            setDialog(null);
            setRefund({ number: order.number, refunds: outcome.result.refunds });
            void load();
            return null;
          }}
        />
      )}
      {override.dialog}
    </div>
  );
}

function ReceiptDialog({ order, onClose }: { order: Summary; onClose: () => void }) {
  const { t } = useTranslation();
  const [print, setPrint] = useState<(() => void) | null>(null);
  const onPrintable = useCallback((fn: () => void) => setPrint(() => fn), []);
  return (
    <Modal title={t('orders.receiptTitle', { number: order.number })} onClose={onClose} testId="receipt-dialog">
      <div className="receipt-dialog">
        <ReceiptPreview orderId={order.id} onPrintable={onPrintable} />
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="button button-primary" disabled={!print} onClick={() => print?.()} data-testid="receipt-print">
            {t('done.print')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
