import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { FormError } from '../components/Field';
import { TableMessage } from '../components/TableMessage';
import { waitForReopen, type ReopenStep } from '../backups/reopening';
import { formatDateTime } from '../format';
import { DEFAULT_TIME_ZONE } from '../session';

type Status = Output<'recovery.status'>;

/**
 * The only screen while the database is damaged: why, and the backups on this computer, newest first,
 * each restorable with one click (no login: the users are in the damaged file; the core allows it
 * from this computer only). The progress follows, then the login.
 */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<ReopenStep | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('recovery.status', {});
    if (outcome.ok) setStatus(outcome.result);
    else setError(outcome.error.code === 'FORBIDDEN' ? t('recovery.otherDevice') : outcome.error.message);
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (file: string) => {
    if (step) return;
    setError(null);
    setStep('waiting');
    const outcome = await api.call('recovery.restore', { file });
    if (!outcome.ok) {
      setStep(null);
      return setError(outcome.error.message);
    }
    await waitForReopen(setStep);
  };

  return (
    <div className="splash">
      <div className="card" role="alert" data-testid="recovery-screen">
        <h1>{t('recovery.title')}</h1>
        {status?.problem && <p>{t('recovery.problem', { problem: status.problem })}</p>}
        <p className="muted">{t('recovery.what')}</p>
        <FormError message={error} />
        {step && (
          <div className="sync-progress" role="status" aria-live="polite" data-testid="restore-progress">
            <span className="small">{t(`backups.restoreDialog.steps.${step}`)}</span>
            <progress />
          </div>
        )}
        <table className="table" data-testid="recovery-backups">
          <thead>
            <tr>
              <th scope="col">{t('recovery.columns.when')}</th>
              <th scope="col">{t('recovery.columns.reason')}</th>
              <th scope="col" className="actions-col" />
            </tr>
          </thead>
          <tbody>
            {!status && !error && <TableMessage colSpan={3}>{t('common.loading')}</TableMessage>}
            {status?.backups.length === 0 && <TableMessage colSpan={3}>{t('recovery.none', { folder: status.folder })}</TableMessage>}
            {status?.backups.map((backup, index) => (
              <tr key={backup.file} data-testid="recovery-backup" data-file={backup.file}>
                <td>
                  {formatDateTime(backup.takenAt, DEFAULT_TIME_ZONE)} {index === 0 && <span className="badge">{t('recovery.newest')}</span>}
                </td>
                <td>{t(`backups.reasons.${backup.reason}`)}</td>
                <td className="actions-col">
                  <button type="button" className={index === 0 ? 'button button-primary button-small' : 'button button-secondary button-small'} disabled={Boolean(step)} onClick={() => void restore(backup.file)} data-testid="recovery-restore">
                    {t('recovery.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="button" className="button button-ghost" disabled={Boolean(step)} onClick={() => void load()}>
            {t('recovery.refresh')}
          </button>
        </div>
      </div>
    </div>
  );
}
