import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';

/** Frame of the screens before login: dark bar with the shop and terminal, content centred below. */
export function AuthLayout({ shopName, terminalLetter, children }: { shopName?: string; terminalLetter?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-layout">
      <header className="topbar">
        <div className="topbar-brand">
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span className="brand-name">{shopName || t('app.name')}</span>
          {terminalLetter && (
            <span className="terminal-badge" data-testid="terminal-badge">
              {t('app.terminal', { letter: terminalLetter })}
            </span>
          )}
        </div>
        <div className="topbar-actions">
          <LanguageSwitch />
        </div>
      </header>
      <main className="auth-main">{children}</main>
    </div>
  );
}
