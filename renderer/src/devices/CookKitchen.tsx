import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { LiveIndicator } from '../components/LiveIndicator';
import { useIdleLock } from '../hooks/useIdleLock';
import { useSessionProbe } from '../hooks/useLive';
import { KitchenScreen } from '../kitchen/KitchenScreen';
import { CookSignIn } from './CookSignIn';
import { DeviceClient } from './deviceSession';

/**
 * A kitchen device that asks for its cook's PIN: the sign-in until a cook types it, then the kitchen under
 * the cook's own session. The cook leaves with "Sair", or is signed out after the idle minutes without a
 * touch; a session the counter forgot (a restart, the day's turn) brings the sign-in back.
 */
export function CookKitchen({ device, station, onDeviceLost }: { device: DeviceClient; station: string | null; onDeviceLost: () => void }) {
  const [login, setLogin] = useState<Output<'devices.cookLogin'> | null>(null);
  const signedOut = useCallback(() => setLogin(null), []);
  if (!login) return <CookSignIn device={device} onSignedIn={setLogin} onDeviceLost={onDeviceLost} />;
  return <SignedInKitchen key={login.token} login={login} station={station} onSignedOut={signedOut} />;
}

function SignedInKitchen({ login, station, onSignedOut }: { login: Output<'devices.cookLogin'>; station: string | null; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const cook = useMemo(() => new DeviceClient(login.token), [login.token]);
  const signOut = useCallback(() => {
    void cook.call('devices.cookLogout', {});
    onSignedOut();
  }, [cook, onSignedOut]);
  useIdleLock({ enabled: true, idleMinutes: login.idleMinutes, onIdle: signOut, onHeartbeat: () => void cook.call('devices.me', {}) });
  // Cut off, the tablet asks whether the cook's session still exists; when it does not, back to the sign-in.
  useSessionProbe(() => {
    void cook.call('devices.me', {}).then((outcome) => {
      if (!outcome.ok && (outcome.status === 401 || outcome.status === 403)) onSignedOut();
    });
  }, cook);

  return (
    <>
      <LiveIndicator source={cook} />
      <div className="cook-bar" data-testid="cook-bar">
        <span>{t('devices.cook.signedIn', { name: login.cook.name })}</span>
        <button type="button" className="button button-small button-ghost" onClick={signOut} data-testid="cook-sign-out">
          {t('devices.cook.signOut')}
        </button>
      </div>
      <KitchenScreen source={cook} station={station} />
    </>
  );
}
