import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { PageWaiting } from '../components/ListParts';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { useSession } from '../session';
import { ConnectionFields } from './ConnectionFields';
import './sync.css';

type Connection = Output<'sync.connection'>;
type TestResult = Output<'sync.test'>;
const FIELDS = ['uri', 'database'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | '_form', string>>;

/**
 * Configurações → Sincronização (the admin's): where the connection comes from and what it points
 * at (never the password), a form to test and save a new one, and the join code for another terminal.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [connection, setConnection] = useState<Connection | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [uri, setUri] = useState('');
  const [database, setDatabase] = useState('balcao');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState<'test' | 'save' | 'clear' | null>(null);
  const [tested, setTested] = useState<TestResult | null>(null);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const load = useCallback(async () => {
    const outcome = await api.call('sync.connection', {});
    if (!outcome.ok) return setLoadError(outcome.error.message);
    setConnection(outcome.result);
    if (outcome.result.database) setDatabase(outcome.result.database);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError || !connection) return <PageWaiting error={loadError} />;

  const locked = !connection.canChange;
  const edit = (field: 'uri' | 'database', value: string) => {
    (field === 'uri' ? setUri : setDatabase)(value);
    setErrors((current) => ({ ...current, [field]: undefined, _form: undefined }));
    setTested(null);
  };

  /** Empty fields are said at once; the rest (shape, database name) the core checks and names. */
  const filled = (): boolean => {
    const missing: Errors = {};
    if (!uri.trim()) missing.uri = t('sync.screen.required');
    if (!database.trim()) missing.database = t('sync.screen.required');
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  const test = async () => {
    if (busy || !filled()) return;
    setBusy('test');
    setTested(null);
    const outcome = await api.call('sync.test', { uri: uri.trim(), database: database.trim() });
    setBusy(null);
    if (outcome.ok) setTested(outcome.result);
    else setErrors(errorsByField(outcome.error, FIELDS));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || locked || !filled()) return;
    setBusy('save');
    const outcome = await api.call('sync.configure', { uri: uri.trim(), database: database.trim() });
    setBusy(null);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, FIELDS));
    setConnection(outcome.result);
    setUri('');
    setTested(null);
    notify(t('sync.screen.saved'));
  };

  const disconnect = async () => {
    if (busy || locked) return;
    setBusy('clear');
    const outcome = await api.call('sync.configure', { clear: true });
    setBusy(null);
    if (!outcome.ok) return setErrors({ _form: outcome.error.message });
    setConnection(outcome.result);
    notify(t('sync.screen.disconnected'));
  };

  return (
    <div className="page-content" data-testid="sync-screen">
      <div className="page-header">
        <div>
          <h1>{t('sync.screen.title')}</h1>
          <p className="muted">{t('sync.screen.subtitle')}</p>
        </div>
      </div>

      <section className="panel">
        <h2 className="section-title">{t('sync.screen.current')}</h2>
        <dl className="sync-facts" data-testid="sync-connection">
          <dt>{t('sync.screen.source')}</dt>
          <dd data-testid="sync-source">{t(`sync.screen.sources.${connection.source}`)}</dd>
          {connection.host && (
            <>
              <dt>{t('sync.screen.host')}</dt>
              <dd data-testid="sync-host">{connection.host}</dd>
              <dt>{t('sync.screen.database')}</dt>
              <dd data-testid="sync-database">{connection.database}</dd>
            </>
          )}
        </dl>
        {locked && (
          <p className="alert alert-info small" data-testid="sync-env-locked">
            {t('sync.screen.envLocked')}
          </p>
        )}
        {connection.source === 'saved' && (
          <div>
            <button type="button" className="button button-ghost" disabled={busy !== null} onClick={() => void disconnect()} data-testid="sync-disconnect">
              {t('sync.screen.disconnect')}
            </button>
          </div>
        )}
      </section>

      <form ref={formRef} className="panel" onSubmit={(e) => void save(e)} noValidate data-testid="sync-form">
        <h2 className="section-title">{t('sync.screen.formTitle')}</h2>
        <p className="muted small">{t('sync.screen.guide')}</p>
        <FormError message={errors._form} />
        <div className="form-grid">
          <ConnectionFields uri={uri} database={database} errors={errors} onChange={edit} />
        </div>
        {tested && (
          <div className={`alert ${tested.ok ? 'alert-success' : 'alert-error'}`} role="status" data-testid="sync-test-result" data-ok={tested.ok}>
            {t('sync.screen.testResult', { message: tested.message, ms: tested.ms })}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void test()} data-testid="sync-test">
            {busy === 'test' ? t('sync.screen.testing') : t('sync.screen.test')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy !== null || locked} data-testid="sync-save">
            {busy === 'save' ? t('sync.screen.saving') : t('sync.screen.save')}
          </button>
        </div>
      </form>

      <JoinCodePanel />
    </div>
  );
}

/**
 * "Mostrar código de conexão", with what it gives access to. A database brought from another
 * computer has no shop key to show (it stays with the computer): then the code of another of the
 * shop's terminals, typed here, brings it back.
 */
function JoinCodePanel() {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [keyMissing, setKeyMissing] = useState(false);

  const show = async () => {
    setBusy(true);
    setError(null);
    const outcome = await api.call('sync.joinCode', {});
    setBusy(false);
    if (outcome.ok) return setCode(outcome.result.code);
    setError(outcome.error.message);
    setKeyMissing(outcome.error.code === 'INVALID_STATE' && outcome.error.field === 'joinCode');
  };

  return (
    <section className="panel" data-testid="sync-join">
      <h2 className="section-title">{t('sync.screen.joinTitle')}</h2>
      <p className="muted small">{t('sync.screen.joinText')}</p>
      <p className="alert sync-notice small">{t('sync.screen.joinWarning')}</p>
      <FormError message={error} />
      {code && (
        <p className="sync-code" data-testid="sync-join-code">
          {code}
        </p>
      )}
      <div>
        {code ? (
          <button type="button" className="button button-secondary" onClick={() => setCode(null)}>
            {t('sync.screen.joinHide')}
          </button>
        ) : (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void show()} data-testid="sync-join-show">
            {t('sync.screen.joinShow')}
          </button>
        )}
      </div>
      {keyMissing && <RestoreShopKey onRestored={() => (setKeyMissing(false), void show())} />}
    </section>
  );
}

/** "Chave da loja": the join code of another of the shop's terminals gives this one the shop key back. */
function RestoreShopKey({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const [joinCode, setJoinCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await api.call('sync.restoreShopKey', { joinCode });
    setBusy(false);
    if (outcome.ok) onRestored();
    else setError(outcome.error.message);
  };

  return (
    <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate data-testid="sync-restore-key">
      <h3 className="section-title">{t('sync.screen.restoreKeyTitle')}</h3>
      <Field label={t('sync.join.joinCode')} name="joinCode" error={error ?? undefined} hint={t('sync.join.joinCodeHint')}>
        {(control) => (
          <input {...control} className="input" autoComplete="off" spellCheck={false} maxLength={200} value={joinCode} onChange={(e) => (setJoinCode(e.target.value), setError(null))} />
        )}
      </Field>
      <div>
        <button type="submit" className="button button-primary" disabled={busy || !joinCode.trim()}>
          {t('sync.screen.restoreKey')}
        </button>
      </div>
    </form>
  );
}
