import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorsByField, type Output } from '../api';
import { Field, FormError } from '../components/Field';
import { useSession } from '../session';

type Network = Output<'devices.network'>;

/** The shop-network switch: the admin turns it on on one interface; everyone sees the address and fingerprint. */
export function NetworkPanel({ onChange }: { onChange?: (network: Network) => void }) {
  const { t } = useTranslation();
  const { session, notify } = useSession();
  const isAdmin = session.user.role === 'admin';
  const [network, setNetwork] = useState<Network | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [interfaceName, setInterfaceName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (next: Network) => {
      setNetwork(next);
      setEnabled(next.enabled);
      setInterfaceName(next.interfaceName ?? next.interfaces[0]?.name ?? '');
      onChange?.(next);
    },
    [onChange],
  );
  useEffect(() => {
    void api.call('devices.network', {}).then((outcome) => (outcome.ok ? show(outcome.result) : setErrors({ _form: outcome.error.message })));
  }, [show]);

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await api.call('devices.setNetwork', { enabled, interfaceName: enabled ? interfaceName || null : null });
    setBusy(false);
    if (!outcome.ok) return setErrors(errorsByField(outcome.error, ['enabled', 'interfaceName']));
    setErrors({});
    show(outcome.result);
    notify(t('devices.screen.network.saved'));
  };

  if (!network) return <FormError message={errors._form} />;
  return (
    <section className="panel" data-testid="devices-network">
      <h2 className="section-title">{t('devices.screen.network.title')}</h2>
      <p className="muted small">{t('devices.screen.network.text')}</p>
      <FormError message={errors._form ?? network.problem} />
      {isAdmin ? (
        <form className="form-grid" onSubmit={(e) => void apply(e)} noValidate>
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="network-enabled" /> {t('devices.screen.network.enabled')}
          </label>
          {network.interfaces.length === 0 ? (
            <p className="muted small">{t('devices.screen.network.noInterfaces')}</p>
          ) : (
            <Field label={t('devices.screen.network.interface')} name="interfaceName" error={errors.interfaceName}>
              {(control) => (
                <select {...control} className="input" value={interfaceName} onChange={(e) => setInterfaceName(e.target.value)} data-testid="network-interface">
                  <option value="">{t('devices.screen.network.choose')}</option>
                  {network.interfaces.map((item) => (
                    <option key={`${item.name}-${item.address}`} value={item.name}>
                      {item.name} ({item.address})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div>
            <button type="submit" className="button button-secondary" disabled={busy} data-testid="network-apply">
              {t('devices.screen.network.save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted small">{t('devices.screen.network.adminOnly')}</p>
      )}
      {network.url ? (
        <dl className="network-facts">
          <dt>{t('devices.screen.network.address')}</dt>
          <dd>
            <code data-testid="network-url">{network.url}</code>
          </dd>
          <dt>{t('devices.screen.network.fingerprint')}</dt>
          <dd>
            <code data-testid="network-fingerprint">{network.fingerprint}</code>
          </dd>
        </dl>
      ) : (
        <p className="muted small">{t('devices.screen.network.off')}</p>
      )}
    </section>
  );
}
