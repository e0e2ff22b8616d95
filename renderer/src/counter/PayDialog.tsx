import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../src/models/money';
import type { PaymentInput } from '../../../src/models/orders';
import { Modal } from '../components/Modal';
import { MoneyInput } from '../components/MoneyInput';
import { formatBRL, formatMoneyInput, parseMoneyInput } from '../format';
import { uuidv7 } from '../ids';
import { paymentFigures } from './payments';

export const METHODS: readonly PaymentMethod[] = ['cash', 'debit', 'credit', 'voucher', 'pix'];
const QUICK_CASH = [1000, 2000, 5000, 10000] as const;

interface Row {
  /** The payment's id, made when the row is added and resent as is on a retry. */
  id: string;
  method: PaymentMethod;
  /** Cash: what the customer handed over. Other methods: the amount charged. */
  text: string;
}

export interface PixCharge {
  payload: string;
  /** The QR as an image address, or null when it could not be drawn for this amount. */
  qr: string | null;
  amount: number;
}

/**
 * Takes the payment: one or several methods; cash with the amount handed over (quick buttons and
 * "valor exato") and the change; PIX shows its QR and "copia e cola" and waits for "PIX recebido".
 * Never finishes short of the total, and only cash may exceed it — the same rules the core enforces.
 */
export function PayDialog({
  due,
  title,
  onPay,
  onPixCharge,
  onClose,
}: {
  due: number;
  title: string;
  onPay: (payments: PaymentInput[]) => Promise<string | null>;
  onPixCharge: (amount: number) => Promise<PixCharge | string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([]);
  const [pix, setPix] = useState<PixCharge | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const rowsRef = useRef<HTMLDivElement>(null);
  const methodsRef = useRef<HTMLDivElement>(null);
  const pixReceivedRef = useRef<HTMLButtonElement>(null);
  // When the QR shows, the keyboard goes to "PIX recebido" (Enter confirms).
  useEffect(() => {
    if (pix) pixReceivedRef.current?.focus();
  }, [pix]);

  const values = rows.map((row) => ({ ...row, value: parseMoneyInput(row.text) }));
  const figures = paymentFigures(due, values);
  const invalid = values.some((row) => row.value === null || row.value <= 0);
  // A staff meal or a 100% discount: nothing is due, so the order closes with no payment.
  const nothingDue = due === 0;
  const problems: string[] = [];
  if (nothingDue && rows.length) problems.push(t('pay.errors.nothingDue'));
  else if (rows.length === 0 && !nothingDue) problems.push(t('pay.errors.pick'));
  else if (invalid) problems.push(t('pay.errors.amount'));
  else if (figures.overTotal) problems.push(t('pay.errors.overTotal', { due: formatBRL(due) }));
  else if (figures.cashNotNeeded) problems.push(t('pay.errors.cashNotNeeded'));
  else if (figures.remaining > 0) problems.push(t('pay.errors.missing', { amount: formatBRL(figures.remaining) }));
  const valid = problems.length === 0;
  const pixRow = values.find((row) => row.method === 'pix');

  const focusRow = (method: PaymentMethod) =>
    requestAnimationFrame(() => rowsRef.current?.querySelector<HTMLInputElement>(`[data-method="${method}"] input`)?.focus());

  /**
   * A tap or click goes on to the new row's amount. A method key keeps the keyboard on the methods,
   * so the next key adds a method instead of typing into an amount; the same key again opens its amount.
   */
  const addMethod = (method: PaymentMethod, by: 'pointer' | 'key' = 'pointer') => {
    setError(null);
    if (rows.some((row) => row.method === method)) return focusRow(method);
    const remaining = figures.remaining;
    setRows([...rows, { id: uuidv7(), method, text: remaining > 0 ? formatMoneyInput(remaining) : '' }]);
    if (by === 'pointer') focusRow(method);
    else methodsRef.current?.focus();
  };
  const setText = (method: PaymentMethod, text: string) => {
    setError(null);
    setRows((current) => current.map((row) => (row.method === method ? { ...row, text } : row)));
  };
  const removeRow = (method: PaymentMethod) => setRows((current) => current.filter((row) => row.method !== method));

  const payments = (): PaymentInput[] =>
    values.map((row) => (row.method === 'cash' ? { id: row.id, method: 'cash', tendered: row.value! } : { id: row.id, method: row.method, amount: row.value! }));

  const finish = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || !valid) return;
    setBusy(true);
    setError(null);
    if (pixRow && !pix) {
      const charge = await onPixCharge(pixRow.value!);
      setBusy(false);
      if (typeof charge === 'string') setError(charge);
      else setPix(charge);
      return;
    }
    const failure = await onPay(payments());
    setBusy(false);
    if (failure) setError(failure);
  };

  const onKeys = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || pix) return;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
      // Enter in an amount that does not close the sale yet goes back to the methods, for the next key.
      if (event.key === 'Enter' && !valid) {
        event.preventDefault();
        methodsRef.current?.focus();
      }
      return;
    }
    const n = Number(event.key);
    if (n >= 1 && n <= METHODS.length) {
      event.preventDefault();
      addMethod(METHODS[n - 1]!, 'key');
    } else if (event.key === 'Enter' && target === methodsRef.current) {
      event.preventDefault();
      void finish();
    }
  };

  const copy = async () => {
    if (!pix) return;
    try {
      await navigator.clipboard.writeText(pix.payload);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Modal title={title} onClose={onClose} testId="pay-dialog" size="wide">
      <div className="pay-layout" onKeyDown={onKeys}>
        <aside className="pay-summary" aria-live="polite">
          <div className="pay-figure">
            <span>{t('pay.total')}</span>
            <strong data-testid="pay-due">{formatBRL(due)}</strong>
          </div>
          <div className="pay-figure">
            <span>{t('pay.remaining')}</span>
            <strong className={figures.remaining > 0 ? 'text-danger' : 'text-success'} data-testid="pay-remaining">
              {formatBRL(figures.remaining)}
            </strong>
          </div>
          <div className={`pay-figure pay-change${figures.change > 0 ? ' has-change' : ''}`}>
            <span>{t('pay.change')}</span>
            <strong data-testid="pay-change">{formatBRL(figures.change)}</strong>
          </div>
        </aside>

        {pix ? (
          <section className="pix-panel" data-testid="pix-panel">
            <h3 className="pix-title">{t('pay.pix.title', { amount: formatBRL(pix.amount) })}</h3>
            <div className="pix-body">
              {pix.qr ? (
                <img className="pix-qr" src={pix.qr} alt={t('pay.pix.qrAlt')} data-testid="pix-qr" />
              ) : (
                <div className="pix-qr pix-qr-missing muted small" data-testid="pix-qr-missing">
                  {t('pay.pix.noQr')}
                </div>
              )}
              <div className="pix-copy">
                <label className="field-label" htmlFor="pix-payload">
                  {t('pay.pix.copyPaste')}
                </label>
                <textarea id="pix-payload" className="input textarea pix-payload" readOnly value={pix.payload} rows={5} data-testid="pix-payload" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="button button-secondary" onClick={() => void copy()}>
                  {copied ? t('pay.pix.copied') : t('pay.pix.copy')}
                </button>
                <p className="muted small">{t('pay.pix.hint')}</p>
              </div>
            </div>
            {error && (
              <div className="alert alert-error" role="alert" data-testid="pay-error">
                {error}
              </div>
            )}
            <div className="form-actions">
              <button type="button" className="button button-ghost" onClick={() => setPix(null)} disabled={busy}>
                ← {t('pay.pix.back')}
              </button>
              <button ref={pixReceivedRef} type="button" className="button button-primary button-large" onClick={() => void finish()} disabled={busy} data-testid="pix-received">
                {busy ? t('pay.sending') : t('pay.pix.received')}
              </button>
            </div>
          </section>
        ) : (
          <form className="pay-main" onSubmit={(e) => void finish(e)} noValidate>
            <div className="pay-methods" role="group" aria-label={t('pay.methodsLabel')} ref={methodsRef} tabIndex={-1} data-testid="pay-methods">
              {METHODS.map((method, i) => (
                <button
                  key={method}
                  type="button"
                  className={`pay-method pay-method-${method}`}
                  aria-pressed={rows.some((row) => row.method === method)}
                  onClick={() => addMethod(method)}
                  data-testid={`pay-method-${method}`}
                  data-autofocus={i === 0 ? true : undefined}
                >
                  <span className="pay-method-name">{t(`methods.${method}`)}</span>
                  <kbd>{i + 1}</kbd>
                </button>
              ))}
            </div>

            <div className="pay-rows" ref={rowsRef}>
              {rows.length === 0 ? (
                <p className="muted pay-empty" data-testid={nothingDue ? 'pay-nothing-due' : undefined}>
                  {nothingDue ? t('pay.nothingDueHint') : t('pay.pickHint')}
                </p>
              ) : (
                <p className="muted small">{t('pay.keysHint')}</p>
              )}
              {values.map((row) => (
                <div key={row.id} className="pay-row" data-method={row.method} data-testid={`pay-row-${row.method}`}>
                  <div className="pay-row-head">
                    <span className="pay-row-name">{t(`methods.${row.method}`)}</span>
                    <span className="muted small">{row.method === 'cash' ? t('pay.tendered') : t('pay.amount')}</span>
                    <button type="button" className="icon-button" aria-label={t('pay.removeMethod', { method: t(`methods.${row.method}`) })} onClick={() => removeRow(row.method)}>
                      <span aria-hidden="true">×</span>
                    </button>
                  </div>
                  <MoneyInput
                    value={row.text}
                    size="large"
                    onChange={(text) => setText(row.method, text)}
                    aria-label={row.method === 'cash' ? t('pay.tenderedFor') : t('pay.amountFor', { method: t(`methods.${row.method}`) })}
                    testId={row.method === 'cash' ? 'pay-tendered' : `pay-amount-${row.method}`}
                  />
                  {row.method === 'cash' && (
                    <div className="quick-cash">
                      <button type="button" className="button button-secondary" onClick={() => setText('cash', formatMoneyInput(figures.cashNeeded))} data-testid="pay-exact">
                        {t('pay.exact')}
                      </button>
                      {QUICK_CASH.map((amount) => (
                        <button key={amount} type="button" className="button button-secondary" onClick={() => setText('cash', formatMoneyInput(amount))} data-testid={`pay-quick-${amount}`}>
                          {formatBRL(amount)}
                        </button>
                      ))}
                    </div>
                  )}
                </div>
              ))}
            </div>

            {(error || (rows.length > 0 && !valid)) && (
              <div className={`alert ${error ? 'alert-error' : 'alert-info'}`} role={error ? 'alert' : 'status'} data-testid={error ? 'pay-error' : 'pay-problem'}>
                {error ?? problems[0]}
              </div>
            )}
            <div className="form-actions">
              <button type="button" className="button button-ghost" onClick={onClose}>
                {t('common.cancel')} <kbd>Esc</kbd>
              </button>
              <button type="submit" className="button button-primary button-large" disabled={busy || !valid} data-testid="pay-finish">
                {busy ? t('pay.sending') : pixRow ? t('pay.showPix') : nothingDue ? t('pay.closeNothingDue') : t('pay.finish')} <kbd>Enter</kbd>
              </button>
            </div>
          </form>
        )}
      </div>
    </Modal>
  );
}
