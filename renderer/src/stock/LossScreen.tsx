import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Field, FormError } from '../components/Field';
import { formatBRL, formatDateTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { ItemSearch, KindBadge, qty, signedQty, STOCK_EVENTS, UnitSelect, unitFactor, useStockItems, type Movement, type StockItem } from './common';
import { PlausibilityConfirm } from './LineParts';
import { costAtAverage, parseQuantity, toBase } from './quantity';

const LOSS_REASONS = ['vencido', 'quebra', 'desperdicio', 'contaminacao', 'outro'] as const;
type LossReason = (typeof LOSS_REASONS)[number];
type Mode = 'perda' | 'saida';
const ISSUE_REASONS = ['kitchen', 'internal', 'event'] as const;

/**
 * Perdas e saídas: a loss (expired, broken, wasted, contaminated, other) or an issue to the kitchen
 * or internal use. Either takes the item down at its average cost; a mistake is undone in Movimentos.
 */
export function LossScreen() {
  const { t } = useTranslation();
  const { notify, timeZone } = useSession();
  const { items } = useStockItems();
  const [mode, setMode] = useState<Mode>('perda');
  const [movementId, setMovementId] = useState(uuidv7);
  const [item, setItem] = useState<StockItem | null>(null);
  const [unit, setUnit] = useState('');
  const [quantity, setQuantity] = useState('');
  const [lossReason, setLossReason] = useState<LossReason | ''>('');
  const [issueReason, setIssueReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  /** The quantity the core found far beyond the item's scale, waiting for the person's yes. */
  const [confirming, setConfirming] = useState<number | null>(null);
  const [recent, setRecent] = useState<Movement[] | null>(null);

  // The item as the list has it now (its stock moves while the form is open).
  const current = item ? (items?.find((i) => i.id === item.id) ?? item) : null;
  const parsed = parseQuantity(quantity);
  const base = parsed !== null && current ? toBase(parsed, unitFactor(current, unit)) : null;

  const loadRecent = useCallback(async () => {
    const [losses, issues] = await Promise.all([api.call('stock.movements', { kind: 'perda', limit: 8 }), api.call('stock.movements', { kind: 'saida', limit: 8 })]);
    const rows = [...(losses.ok ? losses.result : []), ...(issues.ok ? issues.result : [])].sort((a, b) => b.at - a.at).slice(0, 10);
    setRecent(rows);
  }, []);
  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);
  useLiveRefresh(STOCK_EVENTS, () => void loadRecent(), 250);

  const reset = () => {
    setItem(null);
    setUnit('');
    setQuantity('');
    setLossReason('');
    setIssueReason('');
    setNote('');
    setErrors({});
    setMovementId(uuidv7());
  };

  const submit = async (event: FormEvent | null, confirmed = false) => {
    event?.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    if (!current) local.itemId = t('stock.loss.errors.item');
    if (parsed === null) local.quantity = t('stock.errors.quantity');
    else if (base !== null && base <= 0) local.quantity = t('stock.errors.tooSmall');
    if (mode === 'perda' && !lossReason) local.reason = t('stock.loss.errors.reason');
    if (mode === 'saida' && issueReason.trim().length < 3) local.reason = t('stock.loss.errors.issueReason');
    if (Object.keys(local).length || !current || base === null) return setErrors(local);
    setBusy(true);
    setConfirming(null);
    const confirmation = confirmed ? { confirmed: true } : {};
    const outcome =
      mode === 'perda'
        ? await api.call('stock.loss', { id: movementId, itemId: current.id, quantity: base, reason: lossReason as LossReason, ...(note.trim() ? { note: note.trim() } : {}), ...confirmation })
        : await api.call('stock.issue', { id: movementId, itemId: current.id, quantity: base, reason: issueReason.trim(), ...confirmation });
    setBusy(false);
    if (!outcome.ok && outcome.error.code === 'CONFIRMATION_REQUIRED') return setConfirming(base);
    if (!outcome.ok) {
      const field = outcome.error.field === 'itemId' || outcome.error.field === 'quantity' || outcome.error.field === 'reason' ? outcome.error.field : '_form';
      return setErrors({ [field]: outcome.error.message });
    }
    notify(t(mode === 'perda' ? 'stock.loss.doneLoss' : 'stock.loss.doneIssue', { quantity: qty(base, current.baseUnit), name: current.name }));
    reset();
  };

  const value = current && base !== null && base > 0 ? costAtAverage(current.value, current.onHand, base) : null;

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-loss">
      <div className="page-header">
        <div>
          <h1>{t('stock.loss.title')}</h1>
          <p className="muted">{t('stock.loss.subtitle')}</p>
        </div>
      </div>
      <div className="stock-split">
        <form className="panel form-stack" onSubmit={(e) => void submit(e)} noValidate data-testid="loss-form">
          <div className="segmented segmented-wide" role="tablist" aria-label={t('stock.loss.modeLabel')}>
            {(['perda', 'saida'] as const).map((option) => (
              <button
                key={option}
                type="button"
                role="tab"
                aria-selected={mode === option}
                className="segmented-option"
                onClick={() => {
                  setMode(option);
                  setErrors({});
                }}
                data-testid={`loss-mode-${option}`}
              >
                {t(`stock.loss.modes.${option}`)}
              </button>
            ))}
          </div>
          <p className="muted small">{t(mode === 'perda' ? 'stock.loss.lossText' : 'stock.loss.issueText')}</p>
          <FormError message={errors._form} />

          {current ? (
            <div className="chosen-item" data-testid="loss-item">
              <div>
                <strong>{current.name}</strong>
                <span className="muted small">
                  {t('stock.loss.onHand', { quantity: qty(current.onHand, current.baseUnit) })}
                  {current.category && ` · ${current.category}`}
                </span>
              </div>
              <button type="button" className="button button-small button-ghost" onClick={() => setItem(null)}>
                {t('stock.loss.changeItem')}
              </button>
            </div>
          ) : (
            <>
              <ItemSearch
                items={items ?? []}
                onPick={(picked) => {
                  setItem(picked);
                  setUnit('');
                  setErrors({});
                }}
                label={t('stock.columns.item')}
                placeholder={t('stock.receive.searchPlaceholder')}
                testId="loss-search"
                autoFocus
              />
              {errors.itemId && <p className="field-error">{errors.itemId}</p>}
            </>
          )}

          <div className="form-grid">
            <Field label={t('stock.columns.quantity')} name="quantity" error={errors.quantity} hint={base && current ? t('stock.loss.willTake', { quantity: qty(base, current.baseUnit) }) : undefined}>
              {(control) => (
                <div className="input-with-unit">
                  <input
                    {...control}
                    className="input input-qty"
                    inputMode="decimal"
                    value={quantity}
                    autoFocus={Boolean(current)}
                    onChange={(e) => {
                      setQuantity(e.target.value);
                      setErrors({ ...errors, quantity: '' });
                    }}
                    data-testid="loss-quantity"
                  />
                  {current && <UnitSelect item={current} value={unit} onChange={setUnit} label={t('stock.columns.unit')} testId="loss-unit" />}
                </div>
              )}
            </Field>
            <div className="field">
              <span className="field-label">{t('stock.loss.estimatedValue')}</span>
              <span className="figure-inline" data-testid="loss-value">
                {value !== null ? formatBRL(value) : '—'}
              </span>
            </div>
          </div>

          {mode === 'perda' ? (
            <fieldset className="form-section">
              <legend>{t('stock.loss.reason')}</legend>
              <div className="choice-grid" role="radiogroup" aria-label={t('stock.loss.reason')}>
                {LOSS_REASONS.map((reason) => (
                  <label key={reason} className={`choice${lossReason === reason ? ' selected' : ''}`}>
                    <input type="radio" name="loss-reason" value={reason} checked={lossReason === reason} onChange={() => setLossReason(reason)} data-testid={`loss-reason-${reason}`} />
                    <span>{t(`stock.lossReasons.${reason}`)}</span>
                  </label>
                ))}
              </div>
              {errors.reason && <p className="field-error">{errors.reason}</p>}
            </fieldset>
          ) : (
            <Field label={t('stock.loss.issueReason')} name="reason" error={errors.reason}>
              {(control) => (
                <>
                  <input {...control} className="input" maxLength={120} value={issueReason} onChange={(e) => setIssueReason(e.target.value)} data-testid="issue-reason" />
                  <div className="chip-row">
                    {ISSUE_REASONS.map((key) => (
                      <button key={key} type="button" className="button button-small button-secondary" onClick={() => setIssueReason(t(`stock.loss.issueReasons.${key}`))}>
                        {t(`stock.loss.issueReasons.${key}`)}
                      </button>
                    ))}
                  </div>
                </>
              )}
            </Field>
          )}

          {mode === 'perda' && (
            <Field label={t('stock.loss.note')} name="note">
              {(control) => <input {...control} className="input" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} data-testid="loss-note" />}
            </Field>
          )}

          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={reset}>
              {t('stock.receive.clear')}
            </button>
            <button type="submit" className={`button ${mode === 'perda' ? 'button-danger' : 'button-primary'}`} disabled={busy} data-testid="loss-submit">
              {busy ? t('common.sending') : t(mode === 'perda' ? 'stock.loss.submitLoss' : 'stock.loss.submitIssue')}
            </button>
          </div>
        </form>

        <section className="panel" aria-labelledby="loss-recent-title">
          <h2 id="loss-recent-title" className="section-title">
            {t('stock.loss.recentTitle')}
          </h2>
          {recent && recent.length === 0 && <p className="empty-note">{t('stock.loss.recentEmpty')}</p>}
          <ul className="recent-list" data-testid="loss-recent">
            {recent?.map((m) => (
              <li key={m.id} className={m.reversedBy ? 'reversed' : undefined}>
                <div className="recent-main">
                  <KindBadge kind={m.kind} />
                  <strong>{m.itemName}</strong>
                  <span className="num">{signedQty(m.quantity, m.baseUnit)}</span>
                </div>
                <div className="muted small">
                  {formatDateTime(m.at, timeZone)} · {m.kind === 'perda' && m.reason ? t(`stock.lossReasons.${m.reason as LossReason}`, { defaultValue: m.reason }) : m.reason} · {formatBRL(Math.abs(m.value))} · {m.byName}
                  {m.reversedBy && ` · ${t('stock.movements.reversed')}`}
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {confirming !== null && current && (
        <PlausibilityConfirm
          title={t(mode === 'perda' ? 'stock.loss.confirmLoss' : 'stock.loss.confirmIssue', { quantity: qty(confirming, current.baseUnit) })}
          text={t('stock.loss.confirmText', { name: current.name, onHand: qty(current.onHand, current.baseUnit), value: formatBRL(costAtAverage(current.value, current.onHand, confirming)) })}
          danger
          busy={busy}
          onFix={() => setConfirming(null)}
          onConfirm={() => void submit(null, true)}
          testId="loss-confirm"
        />
      )}
    </div>
  );
}
