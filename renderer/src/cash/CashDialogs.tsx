import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashReport } from '../../../src/models/cash';
import type { PaymentMethod } from '../../../src/models/money';
import { api } from '../api';
import { Field, FormError } from '../components/Field';
import { FormActions } from '../components/FormDialog';
import { Modal } from '../components/Modal';
import { MoneyInput } from '../components/MoneyInput';
import { sendWithOverride, useOverride } from '../components/OverrideDialog';
import { METHODS } from '../counter/PayDialog';
import { formatBRL, formatDateTime, parseMoneyInput } from '../format';
import { uuidv7 } from '../ids';
import { escapeHtml, printHtml } from '../printing';
import { useSession } from '../session';
import { NOT_FISCAL, slipPage, slipRow } from './slip-page';

export type MovementKind = 'suprimento' | 'sangria';

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

/** Suprimento or sangria: amount and reason, a manager's approval for a large sangria, then its slip to print. */
export function MovementDialog({ kind, onClose, onDone }: { kind: MovementKind; onClose: () => void; onDone: () => void }) {
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
export function CloseDialog({ sessionId, onClose, onClosed }: { sessionId: string; onClose: () => void; onClosed: (report: CashReport) => void }) {
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
