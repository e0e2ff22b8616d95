import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { FormError } from '../components/Field';
import { formatDateTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { ConfirmDevicePanel } from './ConfirmDevicePanel';
import { NetworkPanel } from './NetworkPanel';

/** Configurações › Dispositivos: the shop-network switch, pairing a device by its code, and the paired ones. */
export function DevicesScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [devices, setDevices] = useState<Output<'devices.list'>>([]);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('devices.list', {});
    if (outcome.ok) setDevices(outcome.result);
    else setError(outcome.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['devices.changed'], () => void load());

  const unlock = async (device: Output<'devices.list'>[number]) => {
    const outcome = await api.call('devices.unlock', { id: device.id });
    if (!outcome.ok) return setError(outcome.error.message);
    notify(t('devices.screen.list.unlockedDone', { label: device.label }));
    void load();
  };

  const revoke = async (device: Output<'devices.list'>[number]) => {
    const outcome = await api.call('devices.revoke', { id: device.id });
    if (!outcome.ok) return setError(outcome.error.message);
    notify(t('devices.screen.list.revokedDone', { label: device.label }));
    void load();
  };

  return (
    <div className="page-content" data-testid="devices-screen">
      <h1>{t('devices.screen.title')}</h1>
      <p className="muted">{t('devices.screen.subtitle')}</p>
      <NetworkPanel onChange={(network) => setFingerprint(network.fingerprint)} />
      <ConfirmDevicePanel fingerprint={fingerprint} onPaired={() => void load()} />
      <section className="panel" data-testid="devices-list">
        <h2 className="section-title">{t('devices.screen.list.title')}</h2>
        <FormError message={error} />
        {devices.length === 0 ? (
          <p className="muted small">{t('devices.screen.list.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('devices.screen.list.label')}</th>
                <th>{t('devices.screen.list.kind')}</th>
                <th>{t('devices.screen.list.address')}</th>
                <th>{t('devices.screen.list.lastSeen')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => (
                <tr key={device.id} data-testid="device-row" data-kind={device.kind} data-pin-locked={device.pinLocked}>
                  <td>{device.label}</td>
                  <td>
                    {t(`devices.kinds.${device.kind}`)}
                    {device.station ? ` · ${device.station}` : ''}
                    {device.cookLogin ? ` · ${t('devices.screen.list.cookLogin')}` : ''}
                    {device.pinLocked && device.revokedAt === null && (
                      <>
                        {' '}
                        <span className="badge badge-danger" data-testid="device-pin-locked">
                          {t('devices.screen.list.pinLocked')}
                        </span>{' '}
                        <button type="button" className="button button-small button-secondary" onClick={() => void unlock(device)} data-testid="device-unlock">
                          {t('devices.screen.list.unlock')}
                        </button>
                      </>
                    )}
                  </td>
                  <td>{device.address}</td>
                  <td>{device.lastSeenAt ? formatDateTime(device.lastSeenAt, timeZone) : t('devices.screen.list.never')}</td>
                  <td>
                    {device.revokedAt === null ? (
                      <button type="button" className="button button-small button-ghost" onClick={() => void revoke(device)} data-testid="device-revoke">
                        {t('devices.screen.list.revoke')}
                      </button>
                    ) : (
                      <span className="badge badge-muted">{t('devices.screen.list.revoked')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
