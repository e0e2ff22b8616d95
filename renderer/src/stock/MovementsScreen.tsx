import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoiceLabel } from './invoice';
import { api, type Input } from '../api';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatBRL, formatDateTime, zonedTimeToEpoch } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { formatIsoDate, KindBadge, signedBRL, signedQty, STOCK_EVENTS, todayIn, useStockItems, type Movement } from './common';
import { takePendingMovementItem } from './routes';
import { downloadText } from '../feedback/download';
import { DateRangeFilter, FilterSelect } from '../components/FilterSelect';
import { FormError } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { Blank, FilterActions, LoadMore, RowButton } from '../components/ListParts';

const KINDS = ['entrada', 'saida', 'perda', 'ajuste', 'venda', 'estorno'] as const;
type Kind = (typeof KINDS)[number];
/** Kinds a person may undo here; a sale comes back only by voiding its order. */
const REVERSIBLE: readonly Kind[] = ['entrada', 'saida', 'perda', 'ajuste'];
const PAGE = 50;

interface Filters {
  itemId: string;
  kind: '' | Kind;
  from: string;
  to: string;
}

/**
 * Movimentos: the ledger, newest first, filtered by item, kind and dates, page by page. A mistaken
 * entrada, saída, perda or ajuste is undone by "Estornar" (a new movement pointing to it); the list
 * goes out as CSV.
 */
export function MovementsScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const { items } = useStockItems(true);
  const [initialItem] = useState(() => takePendingMovementItem() ?? '');
  const [draft, setDraft] = useState<Filters>({ itemId: initialItem, kind: '', from: '', to: '' });
  const [applied, setApplied] = useState<Filters>(draft);
  const [rows, setRows] = useState<Movement[] | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reversing, setReversing] = useState<Movement | null>(null);
  const [exporting, setExporting] = useState(false);
  /** One id per movement being reversed, kept so a retry sends the same one. */
  const reverseIds = useRef(new Map<string, string>());

  const query = useCallback(
    (filters: Filters): Input<'stock.exportMovements'> => {
      const from = filters.from ? zonedTimeToEpoch(filters.from, '00:00', timeZone) : null;
      const to = filters.to ? zonedTimeToEpoch(filters.to, '23:59:59', timeZone) : null;
      return {
        ...(filters.itemId ? { itemId: filters.itemId } : {}),
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(from !== null ? { from } : {}),
        ...(to !== null ? { to: to + 999 } : {}),
      };
    },
    [timeZone],
  );

  const fetchPage = useCallback(
    async (filters: Filters, after?: Movement[]) => {
      setLoading(true);
      // Rows of one receipt share their instant: ask from the last instant shown (inclusive) and drop
      // the rows already on screen, so a page boundary never skips a row.
      const lastAt = after?.at(-1)?.at;
      const outcome = await api.call('stock.movements', { ...query(filters), limit: PAGE, ...(lastAt !== undefined ? { beforeAt: lastAt + 1 } : {}) });
      setLoading(false);
      if (!outcome.ok) return setError(outcome.error.message);
      setError(null);
      if (!after) {
        setRows(outcome.result);
        setMore(outcome.result.length === PAGE);
        return;
      }
      const seen = new Set(after.map((m) => m.id));
      const fresh = outcome.result.filter((m) => !seen.has(m.id));
      if (fresh.length === 0 && outcome.result.length === PAGE && lastAt !== undefined) {
        // A whole page in one instant: step past it.
        const next = await api.call('stock.movements', { ...query(filters), limit: PAGE, beforeAt: lastAt });
        if (next.ok) {
          setRows([...after, ...next.result]);
          setMore(next.result.length === PAGE);
        }
        return;
      }
      setRows([...after, ...fresh]);
      setMore(outcome.result.length === PAGE && fresh.length > 0);
    },
    [query],
  );

  useEffect(() => {
    void fetchPage(applied);
  }, [fetchPage, applied]);
  useLiveRefresh(STOCK_EVENTS, () => void fetchPage(applied), 300);

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) return setError(t('stock.movements.errors.range'));
    setApplied({ ...draft });
  };

  const exportCsv = async () => {
    setExporting(true);
    const outcome = await api.call('stock.exportMovements', query(applied));
    setExporting(false);
    if (!outcome.ok) return setError(outcome.error.message);
    downloadText(`movimentos-${todayIn(timeZone)}.csv`, outcome.result.csv);
    notify(t('stock.movements.exported', { count: outcome.result.rows }));
  };

  const reverse = async (movement: Movement, reason: string): Promise<string | null> => {
    let id = reverseIds.current.get(movement.id);
    if (!id) {
      id = uuidv7();
      reverseIds.current.set(movement.id, id);
    }
    const outcome = await api.call('stock.reverse', { id, movementId: movement.id, reason });
    if (!outcome.ok) return outcome.error.message;
    setReversing(null);
    notify(t('stock.movements.reversedDone', { name: movement.itemName }));
    void fetchPage(applied);
    return null;
  };

  const details = (m: Movement) => {
    const parts: string[] = [];
    if (m.supplierName) parts.push(m.supplierName);
    if (m.invoice) parts.push(invoiceLabel(m.invoice, (invoice) => t('stock.receive.invoiceNo', { invoice })));
    if (m.lot) parts.push(t('stock.movements.lot', { lot: m.lot }));
    if (m.expiry) parts.push(t('stock.movements.expiry', { date: formatIsoDate(m.expiry) }));
    if (m.orderNumber) parts.push(t('stock.movements.order', { number: m.orderNumber }));
    if (m.reason) parts.push(m.kind === 'perda' ? t(`stock.lossReasons.${m.reason as 'outro'}`, { defaultValue: m.reason }) : m.reason);
    if (m.note) parts.push(m.note);
    return parts.join(' · ');
  };

  const byId = new Map((rows ?? []).map((m) => [m.id, m]));

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-movements">
      <div className="page-header">
        <div>
          <h1>{t('stock.movements.title')}</h1>
          <p className="muted">{t('stock.movements.subtitle')}</p>
        </div>
        <button type="button" className="button button-secondary" disabled={exporting} onClick={() => void exportCsv()} data-testid="movements-export">
          {exporting ? t('common.loading') : t('stock.movements.export')}
        </button>
      </div>

      <form className="filters" onSubmit={search} aria-label={t('stock.movements.filters')}>
        <FilterSelect
          id="mov-item"
          label={t('stock.columns.item')}
          allLabel={t('stock.movements.allItems')}
          value={draft.itemId}
          options={(items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          onChange={(v) => setDraft({ ...draft, itemId: v })}
          testId="movements-item"
        />
        <FilterSelect
          id="mov-kind"
          label={t('stock.movements.kind')}
          allLabel={t('stock.movements.allKinds')}
          value={draft.kind}
          options={KINDS.map((kind) => ({ value: kind, label: t(`stock.kinds.${kind}`) }))}
          onChange={(v) => setDraft({ ...draft, kind: v as Filters['kind'] })}
          testId="movements-kind"
        />
        <DateRangeFilter
          value={draft}
          labels={{ from: t('stock.movements.from'), to: t('stock.movements.to') }}
          onChange={(change) => setDraft({ ...draft, ...change })}
          className="field-date"
        />
        <FilterActions
          applyLabel={t('stock.movements.filter')}
          applyTestId="movements-filter"
          clearLabel={t('stock.movements.clear')}
          onClear={() => {
            const empty: Filters = { itemId: '', kind: '', from: '', to: '' };
            setDraft(empty);
            setApplied(empty);
          }}
        />
      </form>

      <FormError message={error} />

      <DataTable
        className="table-compact"
        testId="movements-table"
        rows={rows}
        rowKey={(m) => m.id}
        rowProps={(m) => ({ className: m.reversedBy ? 'row-reversed' : undefined, 'data-testid': 'movement-row', 'data-kind': m.kind, 'data-name': m.itemName })}
        empty={t('stock.movements.empty')}
        columns={[
          { key: 'when', header: t('stock.movements.when'), className: 'nowrap', cell: (m) => formatDateTime(m.at, timeZone) },
          { key: 'item', header: t('stock.columns.item'), rowHeader: true, cell: (m) => m.itemName },
          {
            key: 'kind',
            header: t('stock.movements.kind'),
            cell: (m) => (
              <span className="kind-cell">
                <KindBadge kind={m.kind} />
                {m.reversedBy && <span className="badge badge-muted">{t('stock.movements.reversed')}</span>}
              </span>
            ),
          },
          {
            key: 'quantity',
            header: t('stock.columns.quantity'),
            num: true,
            className: (m) => `strong ${m.quantity < 0 ? 'text-danger' : 'text-success'}`,
            testId: 'movement-quantity',
            cell: (m) => signedQty(m.quantity, m.baseUnit),
          },
          { key: 'value', header: t('stock.columns.value'), num: true, testId: 'movement-value', cell: (m) => signedBRL(m.value) },
          {
            key: 'details',
            header: t('stock.movements.details'),
            className: 'movement-details',
            cell: (m) => {
              const original = m.reversesId ? byId.get(m.reversesId) : undefined;
              return (
                <>
                  {details(m) || <Blank />}
                  {m.reversesId && (
                    <span className="cell-sub">
                      {original ? t('stock.movements.reverses', { kind: t(`stock.kinds.${original.kind}`), date: formatDateTime(original.at, timeZone) }) : t('stock.movements.reversesOther')}
                    </span>
                  )}
                </>
              );
            },
          },
          { key: 'by', header: t('stock.movements.by'), className: 'nowrap', cell: (m) => m.byName },
          {
            key: 'actions',
            header: t('stock.columns.actions'),
            actions: true,
            cell: (m) =>
              REVERSIBLE.includes(m.kind) &&
              !m.reversedBy &&
              !m.reversesId && (
                <RowButton className="button-danger-outline" onClick={() => setReversing(m)} data-testid="movement-reverse">
                  {t('stock.movements.reverse')}
                </RowButton>
              ),
          },
        ]}
      />
      {more && <LoadMore loading={loading} label={t('stock.movements.more')} onClick={() => void fetchPage(applied, rows ?? [])} testId="movements-more" />}

      {reversing && (
        <ReasonDialog
          title={t('stock.movements.reverseTitle', { kind: t(`stock.kinds.${reversing.kind}`), name: reversing.itemName })}
          text={t('stock.movements.reverseText', { quantity: signedQty(-reversing.quantity, reversing.baseUnit), value: formatBRL(Math.abs(reversing.value)) })}
          confirmLabel={t('stock.movements.reverse')}
          onConfirm={(reason) => reverse(reversing, reason)}
          onClose={() => setReversing(null)}
        />
      )}
    </div>
  );
}
