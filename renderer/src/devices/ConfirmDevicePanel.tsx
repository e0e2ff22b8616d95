import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../../src/models/devices';
import { api, errorsByField } from '../api';
import { Field, FormError } from '../components/Field';
import { Checkbox } from '../components/ListParts';
import { useSession } from '../session';

// The core's list, by type only: its value would bring the core's schemas (zod) into the screen's code.
const DEVICE_KINDS = ['kitchen', 'board', 'display', 'rating'] as const satisfies readonly DeviceKind[];

const FIELDS = ['code', 'kind', 'label', 'station', 'cookLogin'] as const;

/** A manager types the code a device shows, says what it is, and pairs it. */
export function ConfirmDevicePanel({ fingerprint, onPaired }: { fingerprint: string | null; onPaired: () => void }) {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<DeviceKind>('kitchen');
  const [label, setLabel] = useState('');
  const [station, setStation] = useState('');
  const [cookLogin, setCookLogin] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await api.call('devices.confirmPairing', { code, kind, label, station: kind === 'kitchen' && station.trim() ? station : null, cookLogin: kind === 'kitchen' && cookLogin });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, FIELDS));
    setErrors({});
    setCode('');
    setLabel('');
    setStation('');
    setCookLogin(false);
    notify(t('devices.screen.confirm.done', { label: outcome.result.label, kind: t(`devices.kinds.${outcome.result.kind}`) }));
    onPaired();
  };

  return (
    <section className="panel" data-testid="devices-confirm">
      <h2 className="section-title">{t('devices.screen.confirm.title')}</h2>
      <p className="muted small">{t('devices.screen.confirm.text')}</p>
      {fingerprint && (
        <p className="small">
          {t('devices.screen.network.fingerprint')}: <code>{fingerprint}</code>
        </p>
      )}
      <FormError message={errors._form} />
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('devices.screen.confirm.code')} name="code" error={errors.code}>
          {(control) => <input {...control} className="input pairing-input" autoComplete="off" maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} data-testid="device-code" />}
        </Field>
        <Field label={t('devices.screen.confirm.kind')} name="kind" error={errors.kind}>
          {(control) => (
            <select {...control} className="input" value={kind} onChange={(e) => setKind(e.target.value as DeviceKind)} data-testid="device-kind">
              {DEVICE_KINDS.map((item) => (
                <option key={item} value={item}>
                  {t(`devices.kinds.${item}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('devices.screen.confirm.label')} name="label" error={errors.label}>
          {(control) => <input {...control} className="input" maxLength={60} placeholder={t('devices.screen.confirm.labelPlaceholder')} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="device-label" />}
        </Field>
        {kind === 'kitchen' && (
          <Field label={t('devices.screen.confirm.station')} name="station" error={errors.station}>
            {(control) => <input {...control} className="input" maxLength={40} value={station} onChange={(e) => setStation(e.target.value)} data-testid="device-station" />}
          </Field>
        )}
        {kind === 'kitchen' && (
          <div>
            <Checkbox checked={cookLogin} onChange={setCookLogin} testId="device-cook-login">
              {t('devices.screen.confirm.cookLogin')}
            </Checkbox>
            <p className="muted small">{t('devices.screen.confirm.cookLoginHint')}</p>
            <FormError message={errors.cookLogin} />
          </div>
        )}
        <div>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="device-pair">
            {t('devices.screen.confirm.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
