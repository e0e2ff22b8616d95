import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { PinStep } from '../components/PinStep';
import { UserPicker } from '../components/UserPicker';
import type { Role } from '../roles';
import { AuthLayout } from './AuthLayout';

interface Chosen {
  name: string;
  role?: Role;
}

export function LoginScreen({
  shopName,
  terminalLetter,
  notice,
  onLoggedIn,
}: {
  shopName: string;
  terminalLetter: string;
  notice?: string | undefined;
  onLoggedIn: (login: Output<'auth.login'>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string | null>(null);

  const login = useCallback(
    async (pin: string) => {
      if (!chosen) return;
      setError(null);
      const outcome = await api.call('auth.login', { name: chosen.name, pin });
      if (outcome.ok) await onLoggedIn(outcome.result);
      else setError(outcome.error.message);
    },
    [chosen, onLoggedIn],
  );

  return (
    <AuthLayout shopName={shopName} terminalLetter={terminalLetter}>
      <section className="card login-card" aria-labelledby="login-title" data-testid="login-screen">
        {!chosen ? (
          <>
            <div className="card-heading">
              <h1 id="login-title">{t('login.title')}</h1>
              <p className="muted">{t('login.subtitle')}</p>
            </div>
            {notice && (
              <div className="alert alert-info" role="status" data-testid="login-notice">
                {notice}
              </div>
            )}
            <UserPicker onPick={(user) => setChosen(user)} />
          </>
        ) : (
          <PinStep
            name={chosen.name}
            heading={
              <h1 id="login-title" className="pin-step-name">
                {t('login.greeting', { name: chosen.name })}
              </h1>
            }
            subtitle={chosen.role && <p className="muted">{t(`roles.${chosen.role}`)}</p>}
            prompt={t('login.enterPin')}
            error={error}
            onSubmit={login}
            backLabel={t('login.otherUser')}
            onBack={() => {
              setChosen(null);
              setError(null);
            }}
            testId="pin-step"
            backTestId="login-back"
          />
        )}
      </section>
    </AuthLayout>
  );
}
