import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { LazyScreens, lazyScreen } from '../components/LazyScreen';
import { LiveIndicator } from '../components/LiveIndicator';
import { SCREENS } from '../screenChunks';
import { DeviceClient, forgetDeviceToken, keepDeviceToken, readDeviceToken } from './deviceSession';

// A device fetches only the screen it was paired as.
const PairingScreen = lazyScreen(() => import('./PairingScreen').then((module) => module.PairingScreen));
const KioskApp = lazyScreen(() => import('../feedback/KioskApp').then((module) => module.KioskApp));
const CookKitchen = lazyScreen(() => import('./CookKitchen').then((module) => module.CookKitchen));
const CustomerDisplay = lazyScreen(() => import('../display/CustomerDisplay').then((module) => module.CustomerDisplay));
const { board: BoardScreen, kitchen: KitchenScreen } = SCREENS;

type Stage = { name: 'loading' } | { name: 'screen'; me: Output<'devices.me'> } | { name: 'revoked' } | { name: 'offline'; message: string };

/**
 * A device on the shop network: the pairing screen until a manager confirms its code, then the one
 * screen it was paired as, with no login and no menus. A revoked device says so and can pair again.
 */
export function DeviceApp() {
  const [token, setToken] = useState(readDeviceToken);
  const paired = useCallback((next: string) => {
    keepDeviceToken(next);
    setToken(next);
  }, []);
  const unpair = useCallback(() => {
    forgetDeviceToken();
    setToken(null);
  }, []);
  return token ? <PairedDevice key={token} token={token} onPairAgain={unpair} /> : <PairingScreen onPaired={paired} />;
}

// A paired device learns what it is from the core: meanwhile it fetches the code of every kind of screen (all small).
if (readDeviceToken()) for (const screen of [KitchenScreen, BoardScreen, KioskApp, CustomerDisplay, CookKitchen]) screen.preload();

function PairedDevice({ token, onPairAgain }: { token: string; onPairAgain: () => void }) {
  const { t } = useTranslation();
  const client = useMemo(() => new DeviceClient(token), [token]);
  const [stage, setStage] = useState<Stage>({ name: 'loading' });

  const check = useCallback(async () => {
    const outcome = await client.call('devices.me', {});
    if (outcome.ok) return setStage({ name: 'screen', me: outcome.result });
    if (outcome.status === 401 || outcome.status === 403) {
      forgetDeviceToken();
      return setStage({ name: 'revoked' });
    }
    setStage((current) => (current.name === 'screen' ? current : { name: 'offline', message: outcome.error.message }));
  }, [client]);
  useEffect(() => {
    void check();
  }, [check]);
  const lost = useCallback(() => void check(), [check]);
  // Revoking a device closes its live channel: when the channel drops, ask whether this device is still paired.
  useEffect(() => client.watchConnection((status) => void (status === 'offline' && check())), [client, check]);

  if (stage.name === 'loading') return <div className="center-panel" role="status" />;
  if (stage.name === 'offline') {
    return (
      <div className="center-panel" role="alert">
        <p>{stage.message}</p>
        <button type="button" className="button button-secondary" onClick={() => void check()}>
          {t('devices.pairing.retry')}
        </button>
      </div>
    );
  }
  if (stage.name === 'revoked') {
    return (
      <div className="center-panel" role="alert" data-testid="device-revoked">
        <h1>{t('devices.device.revoked')}</h1>
        <p>{t('devices.device.revokedText')}</p>
        <button type="button" className="button button-primary" onClick={onPairAgain}>
          {t('devices.device.pairAgain')}
        </button>
      </div>
    );
  }
  const { me } = stage;
  if (me.kind === 'rating') return <KioskApp token={token} />;
  if (me.kind === 'kitchen' && me.cookLogin) {
    return (
      <div className="shell shell-device" data-testid="device-kitchen">
        <CookKitchen device={client} station={me.station} onDeviceLost={lost} />
      </div>
    );
  }
  if (me.kind === 'display') {
    return (
      <div data-testid="device-display">
        <CustomerDisplay client={client} onRefused={() => void check()} />
      </div>
    );
  }
  return (
    <div className={`shell ${me.kind === 'board' ? 'shell-board' : 'shell-device'}`} data-testid={`device-${me.kind}`}>
      <LiveIndicator source={client} />
      <LazyScreens fallback={null}>{me.kind === 'board' ? <BoardScreen source={client} /> : <KitchenScreen source={client} station={me.station} />}</LazyScreens>
    </div>
  );
}
