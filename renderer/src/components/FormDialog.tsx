import type { FormEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../hooks/useFormState';
import { FormError } from './Field';
import { Modal, type ModalProps } from './Modal';

export interface FormDialogProps extends Omit<ModalProps, 'children'> {
  form: Pick<FormState, 'errors' | 'setErrors' | 'busy'>;
  /** Runs on submit unless a save is under way; the event is already handled. */
  onSubmit: () => void | Promise<void>;
  children: ReactNode;
  /** The save button's text when it is not "Salvar". */
  submitLabel?: string;
  submitTestId?: string;
  /** Any edit clears the errors shown (for forms whose messages speak of the whole form). */
  clearErrorsOnChange?: boolean;
  /** Text above the form's error message. */
  intro?: ReactNode;
  formRef?: Ref<HTMLFormElement>;
}

/**
 * A form in a modal: the whole-form error on top, the fields, then Cancelar and a save button that
 * reads "Salvando…" and refuses a second click while the call is out.
 */
export function FormDialog({ form, onSubmit, children, submitLabel, submitTestId, clearErrorsOnChange, intro, formRef, ...modal }: FormDialogProps) {
  const submit = (event: FormEvent) => {
    // The dialog may sit inside another form (Receber mercadoria): this submit is only its own.
    event.preventDefault();
    event.stopPropagation();
    if (!form.busy) void onSubmit();
  };
  return (
    <Modal {...modal}>
      <form
        ref={formRef}
        className="form-stack"
        onSubmit={submit}
        onChange={clearErrorsOnChange ? () => Object.values(form.errors).some(Boolean) && form.setErrors({}) : undefined}
        noValidate
      >
        {intro}
        <FormError message={form.errors._form} />
        {children}
        <FormActions onCancel={modal.onClose} busy={form.busy} submitLabel={submitLabel} submitTestId={submitTestId} />
      </form>
    </Modal>
  );
}

export interface FormActionsProps {
  onCancel: () => void;
  busy: boolean;
  submitLabel?: string | undefined;
  submitTestId?: string | undefined;
  /** When the way out is not "Cancelar" (Voltar, Fechar). */
  cancelLabel?: string | undefined;
  /** The call sends something rather than saving it: "Enviando…" while it is out. */
  sending?: boolean | undefined;
  /** The submit does something hard to undo: a red button. */
  danger?: boolean | undefined;
}

/** The way out and the submit button at the foot of a form; the submit refuses a second click while busy. */
export function FormActions({ onCancel, busy, submitLabel, submitTestId, cancelLabel, sending, danger }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="button button-ghost" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </button>
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} data-testid={submitTestId}>
        {busy ? t(sending ? 'common.sending' : 'common.saving') : (submitLabel ?? t('common.save'))}
      </button>
    </div>
  );
}
