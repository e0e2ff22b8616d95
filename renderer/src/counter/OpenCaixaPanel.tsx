import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { MoneyInput } from '../components/MoneyInput';
import { parseMoneyInput } from '../format';
import { uuidv7 } from '../ids';

/** The caixa is closed: selling starts by opening it with the float (fundo de troco) in the drawer. */
export function OpenCaixaPanel({ onOpened }: { onOpened: (session: Output<'cash.open'>) => void }) {
  const { t } = useTranslation();
  // One id per opening: a double click or a retry opens one caixa.
  const [id] = useState(uuidv7);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const openingFloat = parseMoneyInput(text);
    if (openingFloat === null) return setError(t('cash.errors.amount'));
    setBusy(true);
    const outcome = await api.call('cash.open', { id, openingFloat });
    setBusy(false);
    if (outcome.ok) onOpened(outcome.result);
    else setError(outcome.error.message);
  };

  return (
    <div className="center-panel">
      <form className="card card-narrow open-caixa" onSubmit={(e) => void submit(e)} noValidate data-testid="open-caixa">
        <div className="card-heading">
          <h1>{t('cash.openTitle')}</h1>
          <p className="muted">{t('cash.openText')}</p>
        </div>
        <FormError message={undefined} />
        <Field label={t('cash.openingFloat')} name="openingFloat" error={error ?? undefined} hint={t('cash.openingFloatHint')}>
          {(control) => <MoneyInput control={control} value={text} onChange={(next) => (setText(next), setError(null))} size="large" autoFocus testId="opening-float" />}
        </Field>
        <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="open-caixa-submit">
          {busy ? t('common.sending') : t('cash.open')}
        </button>
      </form>
    </div>
  );
}
