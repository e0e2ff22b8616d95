import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { formatDateTime, zonedTimeToEpoch } from '../format';
import { textIfAny } from '../i18n';
import { useSession } from '../session';
import { DataTable } from '../components/DataTable';
import { Blank, FilterActions, LoadMore } from '../components/ListParts';

type AuditRow = Output<'audit.list'>['rows'][number];
type AuditResult = AuditRow['result'];
const RESULTS: readonly AuditResult[] = ['ok', 'denied', 'failed'];
const PAGE = 50;

interface Filters {
  action: string;
  result: '' | AuditResult;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: '', result: '', from: '', to: '' };

/** "auth.lockout" → its friendly name, when the dictionary has one. */
/** What a person calls the record: the order's number, the item's or product's name, the invoice. */
function readableRecord(details: Record<string, unknown>): string | null {
  for (const key of ['number', 'name', 'item', 'invoice']) {
    const value = details[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

const actionLabel = (action: string): string | null => textIfAny(`audit.actionLabels.${action.replace(/\./g, '_')}`);

export function AuditScreen() {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [verify, setVerify] = useState<Output<'audit.verify'> | null>(null);
  const [verifying, setVerifying] = useState(false);
  const badRowRef = useRef<HTMLTableRowElement>(null);

  const fetchPage = useCallback(
    async (filters: Filters, beforeSeq?: number) => {
      const from = filters.from ? zonedTimeToEpoch(filters.from, '00:00', timeZone) : null;
      const to = filters.to ? zonedTimeToEpoch(filters.to, '23:59:59', timeZone) : null;
      setLoading(true);
      const outcome = await api.call('audit.list', {
        limit: PAGE,
        ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
        ...(filters.result ? { result: filters.result } : {}),
        ...(from !== null ? { from } : {}),
        ...(to !== null ? { to: to + 999 } : {}),
        ...(beforeSeq !== undefined ? { beforeSeq } : {}),
      });
      setLoading(false);
      if (!outcome.ok) {
        setError(outcome.error.message);
        return;
      }
      setError(null);
      setRows((current) => (beforeSeq !== undefined && current ? [...current, ...outcome.result.rows] : outcome.result.rows));
      setNextBeforeSeq(outcome.result.nextBeforeSeq);
    },
    [timeZone],
  );

  useEffect(() => {
    void fetchPage(applied);
  }, [fetchPage, applied]);

  useEffect(() => {
    badRowRef.current?.scrollIntoView({ block: 'center' });
  }, [verify]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setError(t('audit.errors.range'));
      return;
    }
    setApplied({ ...draft });
  };

  const runVerify = async () => {
    setVerifying(true);
    const outcome = await api.call('audit.verify', {});
    setVerifying(false);
    if (outcome.ok) setVerify(outcome.result);
    else setError(outcome.error.message);
  };

  const badRowId = verify && !verify.ok ? verify.badRowId : undefined;
  const badRowLoaded = badRowId !== undefined && rows?.some((row) => row.id === badRowId);

  return (
    <div className="page-content" data-testid="audit-screen">
      <div className="page-header">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="muted">{t('audit.subtitle')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void runVerify()} disabled={verifying} data-testid="audit-verify">
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>

      {verify && (
        <div className={`alert ${verify.ok ? 'alert-success' : 'alert-error'}`} role={verify.ok ? 'status' : 'alert'} data-testid="audit-verify-result">
          <p>
            {verify.badRowId === undefined
              ? t('audit.chainOk', { count: verify.rows })
              : `${t('audit.chainBroken', { id: verify.badRowId })} ${badRowLoaded ? t('audit.chainBrokenShown') : t('audit.chainBrokenNotShown')}`}
          </p>
          {verify.witnesses.length > 0 && (
            <ul className="audit-witnesses" data-testid="audit-witnesses">
              {verify.witnesses.map((witness) => (
                <li key={witness.source} data-source={witness.source} data-verdict={witness.verdict}>
                  {t(`audit.witness.${witness.verdict}`, {
                    witness: t(`audit.witnesses.${witness.source}`),
                    seq: witness.seq,
                    last: verify.head?.seq ?? 0,
                    hash: witness.hash.slice(0, 16),
                    at: formatDateTime(witness.at, timeZone),
                  })}
                </li>
              ))}
            </ul>
          )}
          {verify.note && (
            <p className="small" data-testid="audit-verify-note">
              {verify.note}
            </p>
          )}
        </div>
      )}

      <form className="filters" onSubmit={search} aria-label={t('audit.filters')}>
        <Field label={t('audit.fields.action')} name="action" hint={t('audit.fields.actionHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              maxLength={60}
              placeholder="auth."
              value={draft.action}
              onChange={(e) => setDraft({ ...draft, action: e.target.value })}
              data-testid="audit-filter-action"
            />
          )}
        </Field>
        <Field label={t('audit.fields.result')} name="result">
          {(control) => (
            <select
              {...control}
              className="input select"
              value={draft.result}
              onChange={(e) => setDraft({ ...draft, result: e.target.value as Filters['result'] })}
              data-testid="audit-filter-result"
            >
              <option value="">{t('audit.results.all')}</option>
              {RESULTS.map((result) => (
                <option key={result} value={result}>
                  {t(`audit.results.${result}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('audit.fields.from')} name="from">
          {(control) => <input {...control} type="date" className="input" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
        </Field>
        <Field label={t('audit.fields.to')} name="to">
          {(control) => <input {...control} type="date" className="input" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
        </Field>
        <FilterActions
          applyLabel={t('audit.search')}
          applyTestId="audit-search"
          clearLabel={t('audit.clear')}
          onClear={() => {
            setDraft(EMPTY);
            setApplied(EMPTY);
          }}
        />
      </form>

      <FormError message={error} />

      <DataTable
        className="table-audit"
        testId="audit-table"
        tableProps={{ 'aria-busy': loading }}
        caption={t('audit.title')}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => {
          const bad = row.id === badRowId;
          return { ref: bad ? badRowRef : undefined, className: bad ? 'row-bad' : undefined, 'data-testid': 'audit-row', 'data-action': row.action, 'data-bad': bad || undefined };
        }}
        loading={t('common.loading')}
        empty={t('audit.empty')}
        columns={[
          { key: 'at', header: t('audit.columns.at'), className: 'nowrap', cell: (row) => formatDateTime(row.at, timeZone) },
          { key: 'who', header: t('audit.columns.who'), cell: (row) => row.userName ?? <Blank /> },
          {
            key: 'action',
            header: t('audit.columns.action'),
            testId: 'audit-action',
            cell: (row) => {
              const label = actionLabel(row.action);
              return (
                <>
                  {label ?? <code className="code">{row.action}</code>}
                  {label && (
                    <span className="cell-sub">
                      <code className="code">{row.action}</code>
                    </span>
                  )}
                </>
              );
            },
          },
          {
            key: 'record',
            header: t('audit.columns.record'),
            cell: (row) => {
              const recordName = readableRecord(row.details);
              return row.recordType ? (
                <>
                  <span>{textIfAny(`audit.recordTypes.${row.recordType}`) ?? row.recordType}</span>
                  {(recordName || row.recordId) && (
                    <span className="cell-sub" title={row.recordId ?? undefined}>
                      {recordName ?? `${row.recordId?.slice(0, 8)}…`}
                    </span>
                  )}
                </>
              ) : (
                <Blank />
              );
            },
          },
          {
            key: 'result',
            header: t('audit.columns.result'),
            cell: (row) => (
              <span className={`badge badge-${row.result === 'ok' ? 'success' : row.result === 'denied' ? 'warning' : 'danger'}`}>{t(`audit.results.${row.result}`)}</span>
            ),
          },
          { key: 'approver', header: t('audit.columns.approver'), cell: (row) => row.approverName ?? <Blank /> },
          {
            key: 'details',
            header: t('audit.columns.details'),
            cell: (row) =>
              Object.keys(row.details).length > 0 ? (
                <details className="details">
                  <summary>{t('audit.showDetails')}</summary>
                  <pre>{JSON.stringify(row.details, null, 2)}</pre>
                </details>
              ) : (
                <Blank />
              ),
          },
        ]}
      />

      {nextBeforeSeq !== null && <LoadMore loading={loading} label={t('audit.loadMore')} onClick={() => void fetchPage(applied, nextBeforeSeq)} testId="audit-load-more" />}
    </div>
  );
}
