import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashReport } from '../../../src/models/cash';
import type { PaymentMethod } from '../../../src/models/money';
import { api, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { FormActions } from '../components/FormDialog';
import { Modal } from '../components/Modal';
import { MoneyInput } from '../components/MoneyInput';
import { sendWithOverride, useOverride } from '../components/OverrideDialog';
import { OpenCaixaPanel } from '../counter/OpenCaixaPanel';
import { METHODS } from '../counter/PayDialog';
import { formatBRL, formatDateTime, formatTime, parseMoneyInput } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { uuidv7 } from '../ids';
import { escapeHtml, printHtml } from '../printing';
import { isManagerRole } from '../roles';
import { useSession } from '../session';
import { CashReportView } from './CashReportView';
import { NOT_FISCAL, slipPage, slipRow, zReportHtml } from './slip-page';
import { DataTable } from '../components/DataTable';
import { RowButton } from '../components/ListParts';

type Current = Output<'cash.current'>;
type SessionInfo = Output<'cash.sessions'>[number];
type MovementKind = 'suprimento' | 'sangria';

/** The non-fiscal slip of a suprimento or sangria, printed from the browser (the network printer gets its own from the core). */
function movementSlipHtml(slip: { kind: MovementKind; title: string; shop: string; terminal: string; at: string; by: string; amount: string; reason: string; signature: string }): string {
  return slipPage(
    slip.title,
    `<div class="c b">${escapeHtml(slip.shop)}</div><div class="nf">${NOT_FISCAL}</div>
<div class="c b">${escapeHtml(slip.title)}</div><hr>
${slipRow('Terminal', slip.terminal)}${slipRow('Data', slip.at)}${slipRow('Operador', slip.by)}<hr>
<div class="big">${escapeHtml(slip.amount)}</div><div>${escapeHtml(slip.reason)}</div>
<div class="sig">${escapeHtml(slip.signature)}</div><div class="nf">${NOT_FISCAL}</div>`,
  );
}

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

function MovementDialog({ kind, onClose, onDone }: { kind: MovementKind; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { session, timeZone } = useSession();
  // One id per movement: a double click or a retry records it once.
  const [id] = useState(uuidv7);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; _form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ amount: number; reason: string; at: number } | null>(null);
  const override = useOverride();
  const label = t(`cashMovement.kinds.${kind}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const value = parseMoneyInput(amount);
    const local: typeof errors = {};
    if (!value) local.amount = t('cash.errors.amount');
    if (reason.trim().length < 3) local.reason = t('reason.tooShort');
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    const input = { id, kind, amount: value!, reason: reason.trim() };
    // A sangria above the shop's limit comes back asking for a manager, who approves it here.
    const outcome = await sendWithOverride((overrideToken) => api.call('cash.movement', overrideToken ? { ...input, overrideToken } : input), override, {
      operation: 'cash.movement',
      recordId: id,
      reason: t('override.reasons.sangria', { amount: formatBRL(value!) }),
    });
    setBusy(false);
    if (!outcome.ok) {
      if (outcome.error.code === 'OVERRIDE_REQUIRED') return setErrors({ _form: t('override.notGiven') });
      return setErrors(outcome.error.field === 'amount' ? { amount: outcome.error.message } : { _form: outcome.error.message });
    }
    setDone({ amount: value!, reason: reason.trim(), at: Date.now() });
    onDone();
  };

  const printSlip = () => {
    if (!done) return;
    printHtml(
      movementSlipHtml({
        kind,
        title: t(`cashMovement.slipTitles.${kind}`),
        shop: session.shopName,
        terminal: session.terminalLetter,
        at: formatDateTime(done.at, timeZone),
        by: session.user.name,
        amount: formatBRL(done.amount),
        reason: done.reason,
        signature: t('cashMovement.signature'),
      }),
    );
  };

  return (
    <Modal title={label} onClose={onClose} testId="movement-dialog" size="small">
      {done ? (
        <div className="form-stack" data-testid="movement-done">
          <div className="alert alert-success">{t(`cashMovement.done.${kind}`, { amount: formatBRL(done.amount) })}</div>
          <p className="muted small">{t('cashMovement.slipText')}</p>
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={printSlip} data-testid="movement-print">
              {t('cashMovement.printSlip')}
            </button>
            <button type="button" className="button button-primary" onClick={onClose} data-autofocus data-testid="movement-close">
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
          <p className="muted">{t(`cashMovement.texts.${kind}`)}</p>
          <FormError message={errors._form} />
          <Field label={t('cashMovement.amount')} name="amount" error={errors.amount}>
            {(control) => <MoneyInput control={control} value={amount} onChange={(v) => (setAmount(v), setErrors({}))} size="large" testId="movement-amount" />}
          </Field>
          <Field label={t('cashMovement.reason')} name="reason" error={errors.reason} hint={t(`cashMovement.reasonHints.${kind}`)}>
            {(control) => <input {...control} className="input" maxLength={200} value={reason} onChange={(e) => (setReason(e.target.value), setErrors({}))} data-testid="movement-reason" />}
          </Field>
          <FormActions onCancel={onClose} busy={busy} submitLabel={t('cashMovement.submit', { kind: label })} submitTestId="movement-submit" sending />
        </form>
      )}
      {override.dialog}
    </Modal>
  );
}

/** The blind count: what is in the drawer and in the card machines, typed without seeing what is expected. */
function CloseDialog({ sessionId, onClose, onClosed }: { sessionId: string; onClose: () => void; onClosed: (report: CashReport) => void }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Record<PaymentMethod, string>>({ cash: '', debit: '', credit: '', voucher: '', pix: '' });
  const [errors, setErrors] = useState<Partial<Record<PaymentMethod | '_form', string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const counted = (): Record<PaymentMethod, number> | null => {
    const result = {} as Record<PaymentMethod, number>;
    const bad: Partial<Record<PaymentMethod, string>> = {};
    for (const method of METHODS) {
      const text = texts[method].trim();
      const value = text === '' ? 0 : parseMoneyInput(text);
      if (value === null) bad[method] = t('cash.errors.amount');
      else result[method] = value;
    }
    if (Object.keys(bad).length) {
      setErrors(bad);
      return null;
    }
    return result;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const values = counted();
    if (!values) return;
    if (!confirming) return setConfirming(true);
    setBusy(true);
    const outcome = await api.call('cash.close', { sessionId, counted: values });
    setBusy(false);
    if (outcome.ok) onClosed(outcome.result);
    else {
      setConfirming(false);
      setErrors({ _form: outcome.error.message });
    }
  };

  return (
    <Modal title={t('cash.closeTitle')} onClose={onClose} testId="close-dialog">
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">{t('cash.closeText')}</p>
        <FormError message={errors._form} />
        <div className="count-grid">
          {METHODS.map((method) => (
            <Field key={method} label={t(`methods.${method}`)} name={method} error={errors[method]}>
              {(control) => (
                <MoneyInput
                  control={control}
                  value={texts[method]}
                  onChange={(v) => {
                    setTexts((current) => ({ ...current, [method]: v }));
                    setErrors({});
                    setConfirming(false);
                  }}
                  testId={`count-${method}`}
                />
              )}
            </Field>
          ))}
        </div>
        {confirming && (
          <div className="alert alert-info" role="status" data-testid="close-confirm-text">
            {t('cash.closeConfirm')}
          </div>
        )}
        <FormActions
          onCancel={onClose}
          busy={busy}
          submitLabel={confirming ? t('cash.closeConfirmButton') : t('cash.closeCount')}
          submitTestId="close-submit"
          sending
          danger={confirming}
        />
      </form>
    </Modal>
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
