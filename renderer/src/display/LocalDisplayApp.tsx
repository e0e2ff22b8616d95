import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceClient } from '../devices/deviceSession';
import { CustomerDisplay } from './CustomerDisplay';
import { forgetLocalDisplayToken, readLocalDisplayToken, watchLocalDisplayToken } from './displaySession';
import './display.css';

/**
 * #/cliente on this computer: the customer's display of the counter logged in here, in a second browser
 * window or on the desktop app's second monitor. It takes the display token the counter keeps for it and
 * waits for a new one when it has none or its own is refused (a newer window took over, the day turned).
 */
export function LocalDisplayApp() {
  const [token, setToken] = useState(readLocalDisplayToken);
  useEffect(() => watchLocalDisplayToken(setToken), []);
  const refused = useCallback(() => {
    forgetLocalDisplayToken();
    setToken(null);
  }, []);
  return token ? <LocalDisplay key={token} token={token} onRefused={refused} /> : <Waiting />;
}

function LocalDisplay({ token, onRefused }: { token: string; onRefused: () => void }) {
  const client = useMemo(() => new DeviceClient(token), [token]);
  return <CustomerDisplay client={client} onRefused={onRefused} />;
}

function Waiting() {
  const { t } = useTranslation();
  return (
    <div className="customer-display" data-testid="customer-display-waiting">
      <main className="cd-main">
        <div className="cd-thanks">
          <p className="cd-welcome">{t('display.screen.waiting')}</p>
          <p>{t('display.screen.waitingText')}</p>
        </div>
      </main>
    </div>
  );
}
