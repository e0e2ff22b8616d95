import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type ApiError } from '../api';
import { Field, FormError, type FieldControlProps } from '../components/Field';
import { useFocusFirstInvalid } from '../hooks/useFocusFirstInvalid';
import { useFormValues, type FieldErrors } from '../hooks/useFormState';
import { JoinShop } from '../sync/JoinShop';
import { SetupCodeField } from '../sync/SetupCodeField';
import { AuthLayout } from './AuthLayout';

const FIELDS = ['shopName', 'terminalLetter', 'adminName', 'adminPin', 'adminPinConfirm', 'setupCode'] as const;
type FieldName = (typeof FIELDS)[number];

/** First run: a new shop (its name, this terminal's letter and the first administrator), or joining an existing one. */
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<'new' | 'join'>('new');
  const { values, set, errors, setErrors, busy, send } = useFormValues<FieldName>({
    shopName: '',
    terminalLetter: 'A',
    adminName: '',
    adminPin: '',
    adminPinConfirm: '',
    setupCode: '',
  });
  // Set up from another device, the core asks for the code shown on the counter computer.
  const [needsCode, setNeedsCode] = useState(false);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: FieldErrors = {};
    if (!values.shopName.trim()) local.shopName = t('setup.errors.shopName');
    if (!/^[A-Z]$/.test(values.terminalLetter)) local.terminalLetter = t('setup.errors.terminalLetter');
    if (!values.adminName.trim()) local.adminName = t('setup.errors.adminName');
    if (!/^\d{6,12}$/.test(values.adminPin)) local.adminPin = t('setup.errors.adminPin');
    else if (values.adminPin !== values.adminPinConfirm) local.adminPinConfirm = t('setup.errors.pinMismatch');
    if (Object.keys(local).length) return setErrors(local);

    const input = {
      shopName: values.shopName.trim(),
      terminalLetter: values.terminalLetter,
      adminName: values.adminName.trim(),
      adminPin: values.adminPin,
      ...(needsCode ? { setupCode: values.setupCode } : {}),
    };
    const onRefused = (error: ApiError): FieldErrors => {
      // Another screen finished it first: the shop is there all the same.
      if (error.code === 'ALREADY_INITIALIZED') {
        onDone();
        return {};
      }
      if (error.field === 'setupCode') setNeedsCode(true);
      return errorsByField(error, FIELDS);
    };
    await send(() => api.call('setup.initialize', input), onRefused, onDone);
  };

  const pinInput = (name: 'adminPin' | 'adminPinConfirm') => (control: FieldControlProps) => (
    <input
      {...control}
      className="input input-pin"
      type="password"
      inputMode="numeric"
      autoComplete="new-password"
      maxLength={12}
      value={values[name]}
      onChange={(e) => set(name, e.target.value.replace(/\D/g, ''))}
    />
  );

  const choice = (
    <div className="sync-choice">
      {(['new', 'join'] as const).map((option) => (
        <button key={option} type="button" className="button button-secondary" aria-pressed={path === option} onClick={() => setPath(option)} data-testid={`setup-path-${option}`}>
          {option === 'new' ? t('sync.join.newShop') : t('sync.join.existingShop')}
        </button>
      ))}
    </div>
  );

  if (path === 'join') {
    return (
      <AuthLayout>
        <JoinShop onDone={onDone}>{choice}</JoinShop>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <form ref={formRef} className="card setup-card" onSubmit={(e) => void submit(e)} noValidate data-testid="setup-wizard" aria-labelledby="setup-title">
        {choice}
        <div className="card-heading">
          <h1 id="setup-title">{t('setup.title')}</h1>
          <p className="muted">{t('setup.subtitle')}</p>
        </div>
        <FormError message={errors._form} />
        <fieldset className="form-section">
          <legend>{t('setup.shopSection')}</legend>
          <div className="form-grid">
            <Field label={t('setup.shopName')} name="shopName" error={errors.shopName} hint={t('setup.shopNameHint')} className="span-2">
              {(control) => (
                <input {...control} className="input" autoComplete="organization" autoFocus maxLength={80} value={values.shopName} onChange={(e) => set('shopName', e.target.value)} />
              )}
            </Field>
            <Field label={t('setup.terminalLetter')} name="terminalLetter" error={errors.terminalLetter} hint={t('setup.terminalLetterHint')}>
              {(control) => (
                <input
                  {...control}
                  className="input input-letter"
                  autoComplete="off"
                  maxLength={1}
                  value={values.terminalLetter}
                  onChange={(e) => set('terminalLetter', e.target.value.toUpperCase().replace(/[^A-Z]/g, ''))}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('setup.adminSection')}</legend>
          <p className="muted small">{t('setup.adminIntro')}</p>
          <div className="form-grid">
            <Field label={t('setup.adminName')} name="adminName" error={errors.adminName} className="span-2">
              {(control) => (
                <input {...control} className="input" autoComplete="name" maxLength={60} value={values.adminName} onChange={(e) => set('adminName', e.target.value)} />
              )}
            </Field>
            <Field label={t('setup.adminPin')} name="adminPin" error={errors.adminPin} hint={t('setup.adminPinHint')}>
              {pinInput('adminPin')}
            </Field>
            <Field label={t('setup.adminPinConfirm')} name="adminPinConfirm" error={errors.adminPinConfirm}>
              {pinInput('adminPinConfirm')}
            </Field>
          </div>
        </fieldset>
        {needsCode && <SetupCodeField value={values.setupCode} error={errors.setupCode} onChange={(value) => set('setupCode', value)} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="setup-submit">
            {busy ? t('setup.submitting') : t('setup.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
