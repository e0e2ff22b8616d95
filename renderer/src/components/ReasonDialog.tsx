import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { FormActions } from './FormDialog';
import { Modal } from './Modal';

/** Asks the reason for something that must say why (cancel, void); `onConfirm` answers an error or null. */
export function ReasonDialog({
  title,
  text,
  confirmLabel,
  danger = true,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  text?: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) return setError(t('reason.tooShort'));
    setBusy(true);
    const failure = await onConfirm(reason.trim());
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <Modal title={title} onClose={onClose} testId="reason-dialog" size="small">
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        {text && <p>{text}</p>}
        {children}
        <Field label={t('reason.label')} name="reason" error={error ?? undefined}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={200}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
              data-testid="reason-input"
            />
          )}
        </Field>
        <FormActions onCancel={onClose} busy={busy} submitLabel={confirmLabel} submitTestId="reason-submit" cancelLabel={t('common.back')} sending danger={danger} />
      </form>
    </Modal>
  );
}
