import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { PinPad } from '../components/PinPad';
import { UserPicker } from '../components/UserPicker';
import { LockIcon } from '../components/Icon';
import { Avatar } from '../components/UserTile';
import type { Role } from '../roles';
import { useSession } from '../session';

/**
 * Drawn over the screen in use, which stays mounted underneath (what was typed stays). The same
 * user's PIN unlocks; "Trocar usuário" lets someone else take the terminal with their own PIN.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: (unlock: Output<'auth.unlock'>) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [who, setWho] = useState<{ name: string; role?: Role } | null>({ name: session.user.name, role: session.user.role });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Where the person was typing, to put the cursor back there after unlocking.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Opened last, so it sits above any dialog that was open on the screen underneath.
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first button; the keyboard belongs to the PIN pad.
    dialog.querySelector<HTMLElement>('.pinpad-display')?.focus();
    const keepOpen = () => {
      if (dialog.isConnected && !dialog.open) dialog.showModal();
    };
    dialog.addEventListener('close', keepOpen);
    return () => {
      dialog.removeEventListener('close', keepOpen);
      dialog.close();
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, []);

  const unlock = useCallback(
    async (pin: string) => {
      if (!who) return;
      setError(null);
      const outcome = await api.call('auth.unlock', { name: who.name, pin });
      if (outcome.ok) onUnlocked(outcome.result);
      else setError(outcome.error.message);
    },
    [who, onUnlocked],
  );

  const isCurrent = who?.name === session.user.name;

  return (
    <dialog
      ref={ref}
      className="lock-screen"
      aria-labelledby={titleId}
      data-testid="lock-screen"
      onCancel={(event) => event.preventDefault()}
    >
      <div className="lock-card">
        <div className="lock-side">
          <span className="lock-icon">
            <LockIcon size={30} />
          </span>
          <h1 id={titleId}>{t('lock.title')}</h1>
          <p className="lock-subtitle">{t('lock.subtitle', { shop: session.shopName, letter: session.terminalLetter })}</p>
          {who && (
            <div className="lock-who">
              <Avatar name={who.name} size="large" />
              <div>
                <p className="lock-who-name" data-testid="lock-user">
                  {who.name}
                </p>
                {who.role && <p className="lock-who-role">{t(`roles.${who.role}`)}</p>}
              </div>
            </div>
          )}
          <div className="lock-actions">
            {who && isCurrent ? (
              <button
                type="button"
                className="button button-topbar"
                data-testid="lock-switch-user"
                onClick={() => {
                  setWho(null);
                  setError(null);
                }}
              >
                {t('lock.switchUser')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-topbar"
                data-testid="lock-back"
                onClick={() => {
                  setWho({ name: session.user.name, role: session.user.role });
                  setError(null);
                }}
              >
                ← {t('lock.backTo', { name: session.user.name })}
              </button>
            )}
          </div>
        </div>
        <div className="lock-main">
          {who ? (
            <PinPad
              key={who.name}
              prompt={isCurrent ? t('lock.enterPin') : t('lock.enterPinOther', { name: who.name })}
              submitLabel={t('lock.unlock')}
              error={error}
              onSubmit={unlock}
            />
          ) : (
            <div className="lock-picker">
              <h2 className="section-title">{t('lock.pickUser')}</h2>
              <UserPicker onPick={(user) => setWho(user)} />
            </div>
          )}
        </div>
      </div>
    </dialog>
  );
}
