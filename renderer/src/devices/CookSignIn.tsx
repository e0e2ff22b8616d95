import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { PinStep } from '../components/PinStep';
import { Avatar } from '../components/UserTile';
import type { DeviceClient } from './deviceSession';

type Cook = Output<'devices.cooks'>[number];

/**
 * A kitchen device that asks for its cook's PIN, while nobody is signed in: the names of the kitchen's
 * people as tiles, then the PIN pad. A device that lost its pairing says so to its frame (`onDeviceLost`).
 */
export function CookSignIn({ device, onSignedIn, onDeviceLost }: { device: DeviceClient; onSignedIn: (login: Output<'devices.cookLogin'>) => void; onDeviceLost: () => void }) {
  const { t } = useTranslation();
  const [cooks, setCooks] = useState<Cook[] | null>(null);
  const [chosen, setChosen] = useState<Cook | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void device.call('devices.cooks', {}).then((outcome) => {
      if (outcome.ok) setCooks(outcome.result);
      else if (outcome.status === 401 || outcome.status === 403) onDeviceLost();
      else setError(outcome.error.message);
    });
  }, [device, onDeviceLost]);

  const signIn = useCallback(
    async (pin: string) => {
      if (!chosen) return;
      setError(null);
      const outcome = await device.call('devices.cookLogin', { name: chosen.name, pin });
      if (outcome.ok) onSignedIn(outcome.result);
      else setError(outcome.error.message);
    },
    [chosen, device, onSignedIn],
  );

  return (
    <main className="center-panel cook-sign-in" data-testid="cook-sign-in">
      {!chosen ? (
        <>
          <h1>{t('devices.cook.title')}</h1>
          <p className="muted">{t('devices.cook.text')}</p>
          {error && (
            <div className="alert alert-error" role="alert">
              {error}
            </div>
          )}
          {cooks?.length === 0 && <p className="muted">{t('devices.cook.none')}</p>}
          <ul className="tile-grid">
            {(cooks ?? []).map((cook) => (
              <li key={cook.id}>
                <button type="button" className="user-tile" data-testid="cook-tile" onClick={() => setChosen(cook)}>
                  <Avatar name={cook.name} size="large" />
                  <span className="user-tile-name">{cook.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <PinStep
          name={chosen.name}
          heading={<h1 className="pin-step-name">{chosen.name}</h1>}
          prompt={t('devices.cook.enterPin')}
          error={error}
          onSubmit={signIn}
          backLabel={t('devices.cook.back')}
          onBack={() => {
            setChosen(null);
            setError(null);
          }}
          testId="cook-pin-step"
          backTestId="cook-back"
        />
      )}
    </main>
  );
}
