import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';

/** The code shown on the counter computer, asked when a shop is set up or joined from another device. */
export function SetupCodeField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('setup.setupCode')} name="setupCode" error={error} hint={t('setup.setupCodeHint')}>
      {(control) => <input {...control} className="input" autoComplete="one-time-code" maxLength={20} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
