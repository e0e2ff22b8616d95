import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { Modal } from '../components/Modal';
import { PinInput } from '../components/PinInput';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import type { Backup } from './BackupsScreen';
import { waitForReopen, type ReopenStep } from './reopening';


/**
 * "Restaurar": says in plain words what happens to the sales made after the copy (they come back from
 * the shop's server when sync is on, else they are lost), asks the admin's PIN, shows the progress
 * while the core swaps the database, and lands on the login.
 */
export function RestoreDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [synced, setSynced] = useState<boolean | null>(null);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'pin' | 'file' | '_form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<ReopenStep | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.call('sync.status', {}).then((outcome) => {
      if (!cancelled) setSynced(outcome.ok && outcome.result.mode !== 'local');
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (pin.length < 4) return setErrors({ pin: t('backups.restoreDialog.pinMissing') });
    setBusy(true);
    setErrors({});
    const outcome = await api.call('backups.restore', { file: backup.file, pin });
    setPin('');
    if (!outcome.ok) {
      setBusy(false);
      return setErrors(errorsByField(outcome.error, ['pin', 'file']));
    }
    setStep('waiting');
    await waitForReopen(setStep);
  };

  const when = formatDateTime(backup.takenAt, timeZone);
  return (
    <Modal title={t('backups.restoreDialog.title', { time: when })} onClose={() => !busy && onClose()} testId="backup-restore-dialog">
      {step ? (
        <div className="sync-progress" role="status" aria-live="polite" data-testid="restore-progress">
          <span className="small">{t(`backups.restoreDialog.steps.${step}`)}</span>
          <progress />
        </div>
      ) : (
        <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('backups.restoreDialog.what', { time: when })}</p>
          <div className={synced === false ? 'alert alert-error' : 'alert alert-info'} data-testid="restore-sales-after">
            {synced === null ? t('common.loading') : synced ? t('backups.restoreDialog.withSync', { time: when }) : t('backups.restoreDialog.withoutSync', { time: when })}
          </div>
          <p className="muted small">{t('backups.restoreDialog.safety')}</p>
          <FormError message={errors._form ?? errors.file} />
          <Field label={t('backups.restoreDialog.pin')} name="pin" error={errors.pin}>
            {(control) => <PinInput control={control} value={pin} onChange={setPin} testId="restore-pin" autoFocus />}
          </Field>
          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-danger" disabled={busy} data-testid="restore-confirm">
              {busy ? t('backups.restoreDialog.checking') : t('backups.restoreDialog.confirm')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
