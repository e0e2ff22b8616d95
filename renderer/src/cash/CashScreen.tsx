import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashReport } from '../../../src/models/cash';
import { api, type Output } from '../api';
import { DataTable } from '../components/DataTable';
import { FormError } from '../components/Field';
import { RowButton } from '../components/ListParts';
import { OpenCaixaPanel } from '../counter/OpenCaixaPanel';
import { formatBRL, formatDateTime, formatTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { printHtml } from '../printing';
import { isManagerRole } from '../roles';
import { useSession } from '../session';
import { CloseDialog, MovementDialog, type MovementKind } from './CashDialogs';
import { CashReportView } from './CashReportView';
import { zReportHtml } from './slip-page';

type Current = Output<'cash.current'>;
type SessionInfo = Output<'cash.sessions'>[number];

/**
 * The caixa of this terminal: who opened it and with what float; suprimento and sangria with their
 * slip; the blind close (the count is typed without seeing what is expected) and the Z report it
 * returns. Managers also see the X report at any time, past sessions, their Z reports, and "Conferir".
 */
export function CashScreen() {
  const { t } = useTranslation();
  const { session, timeZone, notify } = useSession();
  const manager = isManagerRole(session.user.role);
  const [current, setCurrent] = useState<Current | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<CashReport | null>(null);
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'movement'; movement: MovementKind } | { kind: 'close'; sessionId: string } | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('cash.current', {});
    if (outcome.ok) {
      setCurrent(outcome.result);
      setError(null);
    } else setError(outcome.error.message);
    if (manager) {
      const list = await api.call('cash.sessions', { limit: 20 });
      if (list.ok) setSessions(list.result);
    }
  }, [manager]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['cash.changed'], () => void load(), 200);

  const showReport = async (sessionId?: string) => {
    const outcome = await api.call('cash.report', sessionId ? { sessionId } : {});
    if (outcome.ok) setReport(outcome.result);
    else notify(outcome.error.message);
  };
  const confirm = async (sessionId: string) => {
    const outcome = await api.call('cash.confirm', { sessionId });
    if (!outcome.ok) return notify(outcome.error.message);
    setReport(outcome.result);
    notify(t('cash.confirmedToast'));
    void load();
  };

  const open = current?.session ?? null;

  return (
    <div className="page-content" data-testid="cash-screen">
      <div className="page-header">
        <div>
          <h1>{t('cash.title', { letter: session.terminalLetter })}</h1>
          <p className="muted">{t('cash.subtitle')}</p>
        </div>
        {manager && open && (
          <button type="button" className="button button-secondary" onClick={() => void showReport()} data-testid="cash-report-x">
            {t('cash.reportX')}
          </button>
        )}
      </div>
      <FormError message={error} />
      {current === null && !error && <p className="muted">{t('common.loading')}</p>}

      {current && !open && !report && <OpenCaixaPanel onOpened={() => void load()} />}

      {open && (
        <section className="panel cash-session" data-testid="cash-session">
          <div className="cash-session-info">
            <span className="badge badge-success">{t('cash.isOpen')}</span>
            <dl className="cash-facts">
              <div>
                <dt>{t('cash.openedAt')}</dt>
                <dd>{formatDateTime(open.openedAt, timeZone)}</dd>
              </div>
              <div>
                <dt>{t('cash.openedBy')}</dt>
                <dd>{open.openedByName}</dd>
              </div>
              <div>
                <dt>{t('cash.openingFloat')}</dt>
                <dd>{formatBRL(open.openingFloat)}</dd>
              </div>
              <div>
                <dt>{t('cash.ordersCount')}</dt>
                <dd>{current?.orders ?? 0}</dd>
              </div>
            </dl>
          </div>
          <div className="cash-actions">
            <button type="button" className="button button-secondary button-large" onClick={() => setDialog({ kind: 'movement', movement: 'suprimento' })} data-testid="cash-suprimento">
              {t('cashMovement.kinds.suprimento')}
            </button>
            <button type="button" className="button button-secondary button-large" onClick={() => setDialog({ kind: 'movement', movement: 'sangria' })} data-testid="cash-sangria">
              {t('cashMovement.kinds.sangria')}
            </button>
            <button type="button" className="button button-danger button-large" onClick={() => setDialog({ kind: 'close', sessionId: open.id })} data-testid="cash-close">
              {t('cash.close')}
            </button>
          </div>
        </section>
      )}
      {open && current && <MovementsList movements={current.movements} />}

      {report && (
        <CashReportView
          report={report}
          actions={
            <>
              {manager && report.kind === 'Z' && report.session.confirmedAt === null && (
                <button type="button" className="button button-primary" onClick={() => void confirm(report.session.id)} data-testid="cash-confirm">
                  {t('cash.confirm')}
                </button>
              )}
              {report.kind === 'Z' && (
                <button type="button" className="button button-secondary" onClick={() => printHtml(zReportHtml(report, session.shopName, timeZone, t))} data-testid="report-print">
                  {t('cashReport.print')}
                </button>
              )}
              <button type="button" className="button button-secondary" onClick={() => setReport(null)} data-testid="report-close">
                {t('common.close')}
              </button>
            </>
          }
        />
      )}

      {manager && sessions && (
        <section className="panel" aria-labelledby="cash-sessions">
          <h2 id="cash-sessions" className="section-title">
            {t('cash.sessionsTitle')}
          </h2>
          <DataTable
            wrapClassName="table-flat"
            testId="cash-sessions"
            rows={sessions}
            rowKey={(item) => item.id}
            rowProps={() => ({ 'data-testid': 'cash-session-row' })}
            empty={t('cash.noSessions')}
            columns={[
              {
                key: 'opened',
                header: t('cash.columns.opened'),
                cell: (item) => (
                  <>
                    {formatDateTime(item.openedAt, timeZone)}
                    <span className="cell-sub">{item.openedByName}</span>
                  </>
                ),
              },
              {
                key: 'closed',
                header: t('cash.columns.closed'),
                cell: (item) => (
                  <>
                    {item.closedAt === null ? '—' : formatDateTime(item.closedAt, timeZone)}
                    {item.closedByName && <span className="cell-sub">{item.closedByName}</span>}
                  </>
                ),
              },
              { key: 'float', header: t('cash.columns.float'), num: true, cell: (item) => formatBRL(item.openingFloat) },
              {
                key: 'status',
                header: t('cash.columns.status'),
                cell: (item) =>
                  item.status === 'open' ? (
                    <span className="badge badge-success">{t('cash.isOpen')}</span>
                  ) : item.confirmedAt !== null ? (
                    <span className="badge badge-muted">{t('cash.confirmedBy', { name: item.confirmedByName ?? '' })}</span>
                  ) : (
                    <span className="badge badge-warning">{t('cash.toConfirm')}</span>
                  ),
              },
              {
                key: 'actions',
                header: t('cash.columns.actions'),
                actions: true,
                cell: (item) => (
                  <div className="row-actions">
                    <RowButton onClick={() => void showReport(item.id)} data-testid="session-report">
                      {item.status === 'open' ? t('cash.reportX') : t('cash.reportZ')}
                    </RowButton>
                    {item.status === 'closed' && item.confirmedAt === null && (
                      <RowButton className="button-primary" onClick={() => void confirm(item.id)} data-testid="session-confirm">
                        {t('cash.confirm')}
                      </RowButton>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </section>
      )}

      {dialog?.kind === 'movement' && (
        <MovementDialog
          kind={dialog.movement}
          onClose={() => setDialog(null)}
          onDone={() => {
            void load();
          }}
        />
      )}
      {dialog?.kind === 'close' && (
        <CloseDialog
          sessionId={dialog.sessionId}
          onClose={() => setDialog(null)}
          onClosed={(z) => {
            setDialog(null);
            setReport(z);
            notify(t('cash.closedToast'));
            void load();
          }}
        />
      )}
    </div>
  );
}

/** This caixa's suprimentos and sangrias, updated live as they happen (on this screen or another). */
function MovementsList({ movements }: { movements: Current['movements'] }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  return (
    <section className="panel" aria-labelledby="cash-movements-title">
      <h2 id="cash-movements-title" className="section-title">
        {t('cashReport.movementsTitle')}
      </h2>
      <DataTable
        wrapClassName="table-flat"
        testId="cash-movements"
        rows={movements}
        rowKey={(movement) => movement.id}
        rowProps={(movement) => ({ 'data-testid': 'cash-movement-row', 'data-kind': movement.kind })}
        empty={t('cash.noMovements')}
        columns={[
          { key: 'time', header: t('cash.movementColumns.time'), cell: (movement) => formatTime(movement.at, timeZone) },
          { key: 'kind', header: t('cash.movementColumns.kind'), cell: (movement) => t(`cashMovement.kinds.${movement.kind}`) },
          { key: 'reason', header: t('cash.movementColumns.reason'), cell: (movement) => movement.reason },
          { key: 'by', header: t('cash.movementColumns.by'), cell: (movement) => movement.byName },
          {
            key: 'amount',
            header: t('cash.movementColumns.amount'),
            num: true,
            cell: (movement) => (movement.kind === 'sangria' ? `− ${formatBRL(movement.amount)}` : formatBRL(movement.amount)),
          },
        ]}
      />
    </section>
  );
}
