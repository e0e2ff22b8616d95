import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { Modal } from '../components/Modal';
import { formatDateTime, formatTime } from '../format';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { fold, qty, signedBRL, signedQty, UnitSelect, unitFactor, useStockItems } from './common';
import { parseQuantity, toBase } from './quantity';
import { FormError } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { Blank, RowButton } from '../components/ListParts';

type Count = Output<'counts.get'>;
type CountSummary = Output<'counts.list'>[number];
type Review = Output<'counts.review'>;

/**
 * Inventário: start a count, enter what is on the shelf BLIND (the ledger's figure is never shown
 * while counting), review the variances in quantity and R$, and close it, which writes one ajuste per
 * variance. Items not entered are left as they are.
 */
/** Red for a shortfall, green for a surplus. */
const signClass = (amount: number) => (amount < 0 ? 'text-danger' : amount > 0 ? 'text-success' : '');

export function CountScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [counts, setCounts] = useState<CountSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [closed, setClosed] = useState<Output<'counts.close'> | null>(null);

  const loadList = useCallback(async () => {
    const outcome = await api.call('counts.list', {});
    if (outcome.ok) setCounts(outcome.result);
    else setError(outcome.error.message);
  }, []);
  useEffect(() => {
    void loadList();
  }, [loadList]);

  const start = async () => {
    setBusy(true);
    const outcome = await api.call('counts.start', { id: uuidv7() });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setClosed(null);
    setOpenId(outcome.result.id);
    notify(t('stock.count.started'));
  };

  if (openId) {
    return (
      <CountSheet
        countId={openId}
        onBack={() => {
          setOpenId(null);
          void loadList();
        }}
        onClosed={(result) => {
          setClosed(result);
          setOpenId(null);
          void loadList();
        }}
      />
    );
  }

  const open = counts?.filter((c) => c.status === 'open') ?? [];
  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-count">
      <div className="page-header">
        <div>
          <h1>{t('stock.count.title')}</h1>
          <p className="muted">{t('stock.count.subtitle')}</p>
        </div>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void start()} data-testid="count-start">
          {busy ? t('common.sending') : `+ ${t('stock.count.start')}`}
        </button>
      </div>
      <FormError message={error} />
      {closed && (
        <div className="alert alert-success" role="status" data-testid="count-closed">
          {t('stock.count.closedNote', { count: closed.adjustments, value: signedBRL(closed.totalVarianceValue) })}
        </div>
      )}
      {open.length > 0 && (
        <div className="alert alert-info">{t('stock.count.openNote', { count: open.length })}</div>
      )}
      <section className="panel">
        <h2 className="section-title">{t('stock.count.history')}</h2>
        <DataTable
          wrapClassName="table-flat"
          className="table-compact"
          testId="counts-table"
          rows={counts}
          rowKey={(count) => count.id}
          rowProps={(count) => ({ 'data-testid': 'count-row', 'data-status': count.status })}
          empty={t('stock.count.empty')}
          columns={[
            { key: 'startedAt', header: t('stock.count.startedAt'), cell: (count) => formatDateTime(count.startedAt, timeZone) },
            { key: 'startedBy', header: t('stock.count.startedBy'), cell: (count) => count.startedByName },
            {
              key: 'status',
              header: t('stock.columns.status'),
              cell: (count) =>
                count.status === 'open' ? <span className="badge badge-warning">{t('stock.count.statusOpen')}</span> : <span className="badge badge-success">{t('stock.count.statusClosed')}</span>,
            },
            { key: 'closedAt', header: t('stock.count.closedAt'), cell: (count) => (count.closedAt ? formatDateTime(count.closedAt, timeZone) : <Blank />) },
            {
              key: 'actions',
              header: t('stock.columns.actions'),
              actions: true,
              cell: (count) => (
                <RowButton onClick={() => setOpenId(count.id)} data-testid="count-open">
                  {count.status === 'open' ? t('stock.count.continue') : t('stock.count.view')}
                </RowButton>
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}

interface Draft {
  text: string;
  unit: string;
  error?: string;
}

function CountSheet({ countId, onBack, onClosed }: { countId: string; onBack: () => void; onClosed: (result: Output<'counts.close'>) => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const { items } = useStockItems();
  const [count, setCount] = useState<Count | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const outcome = await api.call('counts.get', { countId });
    if (outcome.ok) setCount(outcome.result);
    else setError(outcome.error.message);
  }, [countId]);
  useEffect(() => {
    void load();
  }, [load]);

  const entered = useMemo(() => new Map((count?.entered ?? []).map((e) => [e.itemId, e])), [count]);
  const shown = useMemo(() => {
    const folded = fold(query);
    return (items ?? []).filter((item) => (!folded || `${fold(item.name)} ${fold(item.category ?? '')} ${item.barcode ?? ''}`.includes(folded)) && (!onlyMissing || !entered.has(item.id)));
  }, [items, query, onlyMissing, entered]);
  const isOpen = count?.status === 'open';

  const enter = async (itemId: string) => {
    const item = items?.find((i) => i.id === itemId);
    const draft = drafts[itemId] ?? { text: '', unit: '' };
    if (!item) return;
    const parsed = parseQuantity(draft.text, { allowZero: true });
    if (parsed === null) return setDrafts({ ...drafts, [itemId]: { ...draft, error: t('stock.errors.quantity') } });
    setSaving(itemId);
    const outcome = await api.call('counts.enter', { countId, itemId, counted: toBase(parsed, unitFactor(item, draft.unit)) });
    setSaving(null);
    if (!outcome.ok) return setDrafts({ ...drafts, [itemId]: { ...draft, error: outcome.error.message } });
    setCount(outcome.result);
    setDrafts((all) => {
      const { [itemId]: _done, ...rest } = all;
      return rest;
    });
  };

  const openReview = async () => {
    setBusy(true);
    const outcome = await api.call('counts.review', { countId });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setError(null);
    setReview(outcome.result);
  };

  const close = async () => {
    setBusy(true);
    const outcome = await api.call('counts.close', { countId });
    setBusy(false);
    setConfirming(false);
    if (!outcome.ok) return setError(outcome.error.message);
    notify(t('stock.count.closedNote', { count: outcome.result.adjustments, value: signedBRL(outcome.result.totalVarianceValue) }));
    onClosed(outcome.result);
  };

  const header = (
    <div className="page-header">
      <div>
        <h1>{t('stock.count.sheetTitle', { date: count ? formatDateTime(count.startedAt, timeZone) : '…' })}</h1>
        <p className="muted">
          {count && (isOpen ? t('stock.count.blindNote') : t('stock.count.closedOn', { date: count.closedAt ? formatDateTime(count.closedAt, timeZone) : '' }))}
        </p>
      </div>
      <div className="toolbar">
        <button type="button" className="button button-ghost" onClick={onBack}>
          ← {t('stock.count.backToList')}
        </button>
      </div>
    </div>
  );

  if (review) {
    const withVariance = review.lines.filter((l) => l.variance !== 0).length;
    return (
      <div className="page-content page-content-wide stock-page" data-testid="count-review">
        {header}
        <FormError message={error} />
        <section className="panel">
          <div className="panel-head">
            <h2 className="section-title">{t('stock.count.reviewTitle')}</h2>
            <span className="muted small">{t('stock.count.reviewSummary', { lines: review.lines.length, variances: withVariance })}</span>
          </div>
          <DataTable
            wrapClassName="table-flat"
            className="table-compact"
            testId="review-table"
            rows={review.lines}
            rowKey={(line) => line.itemId}
            rowProps={(line) => ({ 'data-testid': 'review-row', 'data-name': line.itemName, className: line.variance < 0 ? 'row-low' : undefined })}
            columns={[
              { key: 'item', header: t('stock.columns.item'), rowHeader: true, sortValue: (line) => line.itemName, cell: (line) => line.itemName },
              { key: 'counted', header: t('stock.count.counted'), num: true, cell: (line) => qty(line.counted, line.baseUnit) },
              { key: 'expected', header: t('stock.count.expected'), num: true, cell: (line) => qty(line.expected, line.baseUnit) },
              {
                key: 'variance',
                header: t('stock.count.variance'),
                num: true,
                className: (line) => `strong ${signClass(line.variance)}`.trim(),
                testId: 'review-variance',
                cell: (line) => (line.variance === 0 ? t('stock.count.noVariance') : signedQty(line.variance, line.baseUnit)),
              },
              {
                key: 'varianceValue',
                header: t('stock.count.varianceValue'),
                num: true,
                className: (line) => signClass(line.varianceValue),
                testId: 'review-value',
                sortValue: (line) => line.varianceValue,
                cell: (line) => signedBRL(line.varianceValue),
              },
            ]}
            footer={
              <tr>
                <th scope="row" colSpan={4}>
                  {t('stock.count.totalVariance')}
                </th>
                <td className={`num strong ${review.totalVarianceValue < 0 ? 'text-danger' : ''}`} data-testid="review-total">
                  {signedBRL(review.totalVarianceValue)}
                </td>
              </tr>
            }
          />
          <p className="muted small">{t('stock.count.closeText')}</p>
          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={() => setReview(null)} data-testid="review-back">
              {t('stock.count.backToCount')}
            </button>
            <button type="button" className="button button-primary" disabled={busy || review.lines.length === 0} onClick={() => setConfirming(true)} data-testid="count-close">
              {t('stock.count.close')}
            </button>
          </div>
        </section>
        {confirming && (
          <Modal title={t('stock.count.confirmTitle')} onClose={() => setConfirming(false)} size="small" testId="count-confirm">
            <div className="form-stack">
              <p>{t('stock.count.confirmText', { count: withVariance, value: signedBRL(review.totalVarianceValue) })}</p>
              <div className="form-actions">
                <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void close()} data-testid="count-confirm-submit" data-autofocus>
                  {busy ? t('common.sending') : t('stock.count.close')}
                </button>
              </div>
            </div>
          </Modal>
        )}
      </div>
    );
  }

  return (
    <div className="page-content page-content-wide stock-page" data-testid="count-sheet">
      {header}
      <FormError message={error} />
      <div className="filters">
        <div className="field">
          <label className="field-label" htmlFor="count-search">
            {t('stock.items.search')}
          </label>
          <input id="count-search" className="input" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('stock.items.searchPlaceholder')} data-testid="count-search" />
        </div>
        <div className="field checkbox-stack filters-checks">
          <label className="checkbox">
            <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
            <span>{t('stock.count.onlyMissing')}</span>
          </label>
        </div>
        <div className="count-progress">
          <span className="muted small">{t('stock.count.progressLabel')}</span>
          <strong data-testid="count-progress">{t('stock.count.progress', { done: entered.size, total: items?.length ?? 0 })}</strong>
        </div>
        {isOpen && (
          <div className="filters-actions">
            <button type="button" className="button button-primary" disabled={busy || entered.size === 0} onClick={() => void openReview()} data-testid="count-review-open">
              {t('stock.count.review')}
            </button>
          </div>
        )}
      </div>
      <DataTable
        className="table-compact"
        testId="count-table"
        rows={shown}
        rowKey={(item) => item.id}
        rowProps={(item) => ({ 'data-testid': 'count-row-item', 'data-name': item.name })}
        columns={[
          {
            key: 'item',
            header: t('stock.columns.item'),
            rowHeader: true,
            cell: (item) => (
              <>
                {item.name}
                {item.barcode && <span className="cell-sub">{item.barcode}</span>}
              </>
            ),
          },
          { key: 'category', header: t('stock.columns.category'), cell: (item) => item.category ?? <Blank /> },
          {
            key: 'counted',
            header: t('stock.count.counted'),
            cell: (item) => {
              const done = entered.get(item.id);
              const draft = drafts[item.id] ?? { text: '', unit: '' };
              if (!isOpen) return done ? qty(done.counted, item.baseUnit) : <Blank />;
              return (
                <form
                  className="count-entry"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void enter(item.id);
                  }}
                >
                  <input
                    className="input input-qty"
                    inputMode="decimal"
                    aria-label={t('stock.count.countedOf', { name: item.name })}
                    aria-invalid={Boolean(draft.error)}
                    value={draft.text}
                    onChange={(e) => setDrafts({ ...drafts, [item.id]: { ...draft, text: e.target.value, error: '' } })}
                    data-testid="count-input"
                  />
                  <UnitSelect item={item} value={draft.unit} onChange={(unit) => setDrafts({ ...drafts, [item.id]: { ...draft, unit } })} label={t('stock.columns.unit')} />
                  <button type="submit" className="button button-small button-secondary" disabled={saving === item.id || !draft.text.trim()} data-testid="count-enter">
                    {done ? t('stock.count.reenter') : t('stock.count.enter')}
                  </button>
                  {draft.error && <span className="field-error">{draft.error}</span>}
                </form>
              );
            },
          },
          {
            key: 'status',
            header: t('stock.columns.status'),
            testId: 'count-status',
            cell: (item) => {
              const done = entered.get(item.id);
              return done ? (
                <span className="badge badge-success">{t('stock.count.enteredAs', { quantity: qty(done.counted, item.baseUnit), time: formatTime(done.enteredAt, timeZone) })}</span>
              ) : (
                <span className="badge badge-muted">{t('stock.count.toCount')}</span>
              );
            },
          },
        ]}
      />
      {!isOpen && count && <p className="muted small">{t('stock.count.closedHint')}</p>}
      {count && isOpen && <p className="muted small">{t('stock.count.formatHint')}</p>}
    </div>
  );
}
