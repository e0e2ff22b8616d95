import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type ApiError } from '../api';
import { Field, FormError } from '../components/Field';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { useFormValues, type FieldErrors } from '../hooks/useFormState';
import { ConnectionFields } from './ConnectionFields';
import { SetupCodeField } from './SetupCodeField';
import { SyncProgress } from './SyncIndicator';
import './sync.css';

export interface JoinInput {
  uri: string;
  database: string;
  joinCode: string;
  setupCode?: string;
}
export interface JoinedShop {
  shopName: string;
  terminalLetter: string;
}
export type JoinOutcome = { ok: true; result: JoinedShop } | { ok: false; status: number; error: ApiError };

/** Joins this terminal to an existing shop: it pulls everything the shop's server holds, then claims a letter. */
export async function joinShop({ uri, database, joinCode, setupCode }: JoinInput): Promise<JoinOutcome> {
  const outcome = await api.call('setup.join', { connection: { uri, database }, joinCode, ...(setupCode === undefined ? {} : { setupCode }) });
  if (outcome.ok) return outcome;
  // The address and the database travel together; the form names them one by one.
  const field = outcome.error.field?.replace(/^connection\./, '');
  return { ...outcome, error: { ...outcome.error, ...(field ? { field } : {}) } };
}

const FIELDS = ['uri', 'database', 'joinCode', 'setupCode'] as const;
const PROGRESS_POLL_MS = 500;
type FieldName = (typeof FIELDS)[number];

/**
 * The setup wizard's second path, "Conectar a uma loja existente": the shop's address, database and
 * join code, a progress bar while the shop's data arrives, then the shop and this terminal's letter.
 * `children` goes at the top of the card (the wizard's choice between a new shop and this).
 */
export function JoinShop({ onDone, children }: { onDone: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const { values, set, errors, setErrors, busy, send } = useFormValues<FieldName>({ uri: '', database: 'balcao', joinCode: '', setupCode: '' });
  // From another device, the core asks for the code shown on the counter computer (as for a new shop).
  const [needsCode, setNeedsCode] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [joined, setJoined] = useState<JoinedShop | null>(null);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  // No one is logged in yet, so no live channel: the wizard asks for the counts while the join runs
  // (from another device with the same setup code the join needs).
  const setupCode = needsCode ? values.setupCode.trim() : undefined;
  useEffect(() => {
    if (!busy) return;
    let asking = false;
    const ask = async () => {
      if (asking) return;
      asking = true;
      const outcome = await api.call('setup.joinProgress', setupCode === undefined ? {} : { setupCode });
      asking = false;
      if (outcome.ok && outcome.result.progress) setProgress(outcome.result.progress);
    };
    const timer = setInterval(() => void ask(), PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [busy, setupCode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing: FieldErrors = {};
    for (const name of ['uri', 'database', 'joinCode'] as const) if (!values[name].trim()) missing[name] = t('sync.screen.required');
    if (Object.keys(missing).length) return setErrors(missing);
    setProgress(null);
    const input = { uri: values.uri.trim(), database: values.database.trim(), joinCode: values.joinCode.trim(), ...(needsCode ? { setupCode: values.setupCode.trim() } : {}) };
    const onRefused = (error: ApiError): FieldErrors => {
      if (error.field === 'setupCode') setNeedsCode(true);
      return errorsByField(error, FIELDS);
    };
    await send(() => joinShop(input), onRefused, setJoined);
  };

  if (joined) {
    return (
      <div className="card setup-card" data-testid="join-done">
        <div className="card-heading">
          <h1>{t('sync.join.done', { letter: joined.terminalLetter, shop: joined.shopName })}</h1>
        </div>
        <div className="form-actions">
          <button type="button" className="button button-primary button-large" onClick={onDone} autoFocus>
            {t('sync.join.enter')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} className="card setup-card" onSubmit={(e) => void submit(e)} noValidate data-testid="join-shop" aria-labelledby="join-title">
      {children}
      <div className="card-heading">
        <h1 id="join-title">{t('sync.join.title')}</h1>
        <p className="muted">{t('sync.join.subtitle')}</p>
      </div>
      <FormError message={errors._form} />
      <div className="form-grid">
        <ConnectionFields uri={values.uri} database={values.database} errors={errors} onChange={set} autoFocus />
        <Field label={t('sync.join.joinCode')} name="joinCode" error={errors.joinCode} hint={t('sync.join.joinCodeHint')}>
          {(control) => <input {...control} className="input" autoComplete="off" spellCheck={false} maxLength={200} value={values.joinCode} onChange={(e) => set('joinCode', e.target.value)} />}
        </Field>
        {needsCode && <SetupCodeField value={values.setupCode} error={errors.setupCode} onChange={(value) => set('setupCode', value)} />}
      </div>
      {busy && (
        <div role="status" data-testid="join-progress">
          {progress ? (
            <SyncProgress done={progress.done} total={progress.total} textKey="sync.join.progress" />
          ) : (
            <div className="sync-progress">
              <progress aria-label={t('sync.join.receiving')} />
              <span className="small">{t('sync.join.receiving')}</span>
            </div>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="join-submit">
          {busy ? t('sync.join.submitting') : t('sync.join.submit')}
        </button>
      </div>
    </form>
  );
}
