import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from './api';
import { LanguageSwitch } from './components/LanguageSwitch';
import { LazyScreens, lazyScreen } from './components/LazyScreen';
import { useIdleLock } from './hooks/useIdleLock';
import { idleLockApplies, isManagerRole } from './roles';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { Shell } from './screens/Shell';
import { DEFAULT_TIME_ZONE, SessionContext, type SessionContextValue, type SessionState } from './session';

// Once in a terminal's life (or never): fetched only when they show.
const RecoveryScreen = lazyScreen(() => import('./recovery/RecoveryScreen').then((module) => module.RecoveryScreen));
const SetupWizard = lazyScreen(() => import('./screens/SetupWizard').then((module) => module.SetupWizard));

type Phase =
  | { name: 'loading' }
  | { name: 'offline'; message: string }
  | { name: 'setup' }
  | { name: 'recovery' }
  | { name: 'login'; notice?: string }
  | { name: 'app' };

interface ShopInfo {
  shopName: string;
  terminalLetter: string;
}

export function App() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [shop, setShop] = useState<ShopInfo>({ shopName: '', terminalLetter: '' });
  const [session, setSession] = useState<SessionState | null>(null);
  const [locked, setLocked] = useState(false);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [toast, setToast] = useState<{ id: number; message: string } | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const applySession = useCallback((info: Output<'auth.session'>) => {
    setSession({ user: info.user, idleLockMinutes: info.idleLockMinutes, shopName: info.shopName, terminalLetter: info.terminalLetter });
    setShop({ shopName: info.shopName, terminalLetter: info.terminalLetter });
    setLocked(info.locked);
  }, []);

  const boot = useCallback(async () => {
    setPhase({ name: 'loading' });
    const status = await api.call('setup.status', {});
    if (!status.ok) return setPhase(status.error.code === 'DATABASE_DAMAGED' ? { name: 'recovery' } : { name: 'offline', message: status.error.message });
    if (!status.result.initialized) return setPhase({ name: 'setup' });
    setShop({ shopName: status.result.shopName ?? '', terminalLetter: status.result.terminalLetter ?? '' });
    if (api.sessionToken) {
      const current = await api.call('auth.session', {});
      if (current.ok) {
        applySession(current.result);
        return setPhase({ name: 'app' });
      }
      if (current.status === 0) return setPhase({ name: 'offline', message: current.error.message });
      api.setToken(null);
    }
    setPhase({ name: 'login' });
  }, [applySession]);

  useEffect(() => {
    void boot();
  }, [boot]);

  // Any call may learn that the session is locked or gone.
  useEffect(() => {
    api.setSignals({
      onLocked: () => setLocked(true),
      onUnauthenticated: () => {
        setSession(null);
        setLocked(false);
        setPhase({ name: 'login', notice: t('login.sessionEnded') });
      },
    });
  }, [t]);

  // The shop's time zone: readable by managers; everyone else shows the default zone.
  const userId = session?.user.id;
  const role = session?.user.role;
  useEffect(() => {
    if (!userId || !role || !isManagerRole(role)) return;
    let cancelled = false;
    void api.call('settings.get', {}).then((outcome) => {
      if (!cancelled && outcome.ok) setTimeZone(outcome.result.timezone);
    });
    return () => {
      cancelled = true;
    };
  }, [userId, role]);

  // Another screen of this session (or the core's own idle check) locked it.
  useEffect(() => {
    if (phase.name !== 'app' || !userId) return;
    return api.subscribe('session.locked', (event) => {
      if (event.userId !== userId) return;
      void api.call('auth.session', {}).then((outcome) => {
        if (outcome.ok && outcome.result.locked) setLocked(true);
      });
    });
  }, [phase.name, userId]);

  const lock = useCallback(() => {
    setLocked(true);
    void api.call('auth.lock', {});
  }, []);

  const heartbeat = useCallback(() => {
    void api.call('auth.session', {}).then((outcome) => {
      if (outcome.ok && outcome.result.locked) setLocked(true);
    });
  }, []);

  useIdleLock({
    enabled: phase.name === 'app' && !locked && Boolean(role && idleLockApplies(role)),
    idleMinutes: session?.idleLockMinutes ?? 5,
    onIdle: lock,
    onHeartbeat: heartbeat,
  });

  const logout = useCallback(async () => {
    await api.call('auth.logout', {});
    api.setToken(null);
    setSession(null);
    setLocked(false);
    setTimeZone(DEFAULT_TIME_ZONE);
    setPhase({ name: 'login' });
  }, []);

  const refresh = useCallback(async () => {
    const outcome = await api.call('auth.session', {});
    if (outcome.ok) applySession(outcome.result);
  }, [applySession]);

  const notify = useCallback((message: string) => {
    clearTimeout(toastTimer.current);
    setToast({ id: Date.now(), message });
    toastTimer.current = setTimeout(() => setToast(null), 4000);
  }, []);

  const onLoggedIn = useCallback(
    async (login: Output<'auth.login'>) => {
      api.setToken(login.token);
      const current = await api.call('auth.session', {});
      if (current.ok) applySession(current.result);
      else {
        setSession({ user: login.user, idleLockMinutes: login.idleLockMinutes, ...shop });
        setLocked(false);
      }
      setPhase({ name: 'app' });
    },
    [applySession, shop],
  );

  const onUnlocked = useCallback((unlock: Output<'auth.unlock'>) => {
    if (unlock.switched) api.setToken(unlock.token);
    setSession((current) => (current ? { ...current, user: unlock.user, idleLockMinutes: unlock.idleLockMinutes } : current));
    setLocked(false);
  }, []);

  const contextValue = useMemo<SessionContextValue | null>(
    () => (session ? { session, timeZone, lock, logout, refresh, notify } : null),
    [session, timeZone, lock, logout, refresh, notify],
  );

  const splash = (
    <div className="splash" role="status" aria-live="polite" data-testid="loading">
      <span className="brand-mark" aria-hidden="true">
        B
      </span>
      <p>{t('app.loading')}</p>
    </div>
  );
  let content: React.ReactNode;
  switch (phase.name) {
    case 'loading':
      content = splash;
      break;
    case 'offline':
      content = (
        <div className="splash">
          <div className="card card-narrow" role="alert" data-testid="offline">
            <h1>{t('app.offlineTitle')}</h1>
            <p>{phase.message}</p>
            <button type="button" className="button button-primary" onClick={() => void boot()}>
              {t('app.retry')}
            </button>
          </div>
        </div>
      );
      break;
    case 'recovery':
      content = <RecoveryScreen />;
      break;
    case 'setup':
      content = <SetupWizard onDone={() => void boot().then(() => setPhase({ name: 'login', notice: t('login.setupDone') }))} />;
      break;
    case 'login':
      content = <LoginScreen shopName={shop.shopName} terminalLetter={shop.terminalLetter} notice={phase.notice} onLoggedIn={onLoggedIn} />;
      break;
    case 'app':
      content = contextValue ? (
        <SessionContext.Provider value={contextValue}>
          <Shell />
          {locked && <LockScreen onUnlocked={onUnlocked} />}
        </SessionContext.Provider>
      ) : null;
      break;
  }

  return (
    <>
      <LazyScreens fallback={splash}>{content}</LazyScreens>
      {phase.name !== 'app' && phase.name !== 'login' && phase.name !== 'setup' && (
        <div className="floating-language">
          <LanguageSwitch />
        </div>
      )}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div key={toast.id} className="toast" data-testid="toast">
            {toast.message}
          </div>
        )}
      </div>
    </>
  );
}
