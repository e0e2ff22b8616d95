import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import './updates.css';

type Status = Output<'updates.status'>;
type Channel = Status['channel'];

/** While something moves (a check, a download, an update waiting for the caixa), the section looks again this often. */
const POLL_MS = 2000;
const MOVING: readonly Status['phase'][] = ['checking', 'downloading', 'ready'];

/**
 * "Atualizações" in Configurações: the version running, what the updater is doing, "Verificar agora";
 * the admin also picks the channel and holds updates (managers see them).
 */
export function UpdatesSection() {
  const { t } = useTranslation();
  const { session, timeZone, notify } = useSession();
  const canEdit = session.user.role === 'admin';
  const [status, setStatus] = useState<Status | null>(null);
  const [channel, setChannel] = useState<Channel>('latest');
  const [held, setHeld] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);

  const show = useCallback((next: Status, withPrefs: boolean) => {
    setStatus(next);
    if (withPrefs) {
      setChannel(next.channel);
      setHeld(next.held);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void api.call('updates.status', {}).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) show(outcome.result, true);
      else setErrors({ _form: outcome.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [show]);

  const moving = status !== null && MOVING.includes(status.phase);
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => {
      void api.call('updates.status', {}).then((outcome) => outcome.ok && show(outcome.result, false));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [moving, show]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit || busy) return;
    setBusy('save');
    const outcome = await api.call('updates.configure', { channel, held });
    setBusy(null);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, ['channel', 'held']));
    setErrors({});
    show(outcome.result, true);
    notify(t('updates.saved'));
  };

  const checkNow = async () => {
    if (busy) return;
    setBusy('check');
    const outcome = await api.call('updates.check', {});
    setBusy(null);
    if (!outcome.ok) return setErrors({ _form: outcome.error.message });
    show(outcome.result, false);
  };

  return (
    <section className="panel updates-section" data-testid="updates-section">
      <h2 className="section-title">{t('updates.title')}</h2>
      <p className="muted small">{t('updates.text')}</p>
      <FormError message={errors._form} />
      {status && (
        <>
          <dl className="updates-facts">
            <div>
              <dt>{t('updates.version')}</dt>
              <dd data-testid="updates-version">{status.version}</dd>
            </div>
            <div>
              <dt>{t('updates.state')}</dt>
              <dd data-testid="updates-state">
                <PhaseText status={status} />
                {status.held && (
                  <>
                    {' '}
                    <span className="badge badge-warning">{t('updates.heldBadge')}</span>
                  </>
                )}
              </dd>
            </div>
          </dl>
          {status.phase === 'downloading' && status.progress !== null && (
            <progress className="updates-progress" max={100} value={status.progress} aria-label={t('updates.progressLabel')} data-testid="updates-progress" />
          )}
          {status.notice && (
            <div className="alert alert-info" data-testid="updates-notice">
              {status.notice}
            </div>
          )}
          {status.phase === 'error' && status.error && (
            <div className="alert alert-error" role="alert" data-testid="updates-error">
              {status.error}
            </div>
          )}
          {status.automatic && (
            <p className="muted small" data-testid="updates-last-check">
              {status.lastCheckAt === null ? t('updates.neverChecked') : t('updates.lastCheck', { time: formatDateTime(status.lastCheckAt, timeZone) })}
            </p>
          )}
        </>
      )}
      <form className="updates-form" onSubmit={(e) => void save(e)} noValidate>
        <Field label={t('updates.channel')} name="channel" error={errors.channel} hint={t('updates.channelHint')}>
          {(control) => (
            <select {...control} className="input select" disabled={!canEdit} value={channel} onChange={(e) => setChannel(e.target.value as Channel)} data-testid="updates-channel">
              <option value="latest">{t('updates.channels.latest')}</option>
              <option value="beta">{t('updates.channels.beta')}</option>
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" disabled={!canEdit} checked={held} onChange={(e) => setHeld(e.target.checked)} data-testid="updates-hold" />
          <span>{t('updates.hold')}</span>
        </label>
        <p className="muted small">{t('updates.holdHint')}</p>
        {errors.held && <p className="field-error">{errors.held}</p>}
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void checkNow()} data-testid="updates-check">
            {busy === 'check' ? t('updates.checking') : t('updates.checkNow')}
          </button>
          {canEdit && (
            <button type="submit" className="button button-primary" disabled={busy !== null} data-testid="updates-save">
              {busy === 'save' ? t('updates.saving') : t('updates.save')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function PhaseText({ status }: { status: Status }) {
  const { t } = useTranslation();
  const version = status.availableVersion ?? '';
  if (status.phase === 'downloading') return <>{t('updates.phases.downloading', { version, progress: status.progress ?? 0 })}</>;
  if (status.phase === 'ready' || status.phase === 'held') return <>{t(`updates.phases.${status.phase}`, { version })}</>;
  return <>{t(`updates.phases.${status.phase}`)}</>;
}
