import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LockIcon } from '../components/Icon';
import { Avatar } from '../components/UserTile';
import { useHashRoute, type Route } from '../hooks/useHashRoute';
import { isManagerRole, type Role } from '../roles';
import { useSession } from '../session';
import { AuditScreen } from './AuditScreen';
import { HomeScreen } from './HomeScreen';
import { SettingsScreen } from './SettingsScreen';
import { UsersScreen } from './UsersScreen';

function routesFor(role: Role): Route[] {
  return isManagerRole(role) ? ['inicio', 'usuarios', 'auditoria', 'configuracoes'] : ['inicio'];
}

/** After login: the top bar (shop, terminal, who is here, language, lock, sign out) and the screen. */
export function Shell() {
  const { t } = useTranslation();
  const { session, lock, logout } = useSession();
  const [requested, navigate] = useHashRoute();
  const routes = routesFor(session.user.role);
  const route = routes.includes(requested) ? requested : 'inicio';

  return (
    <div className="shell" data-testid="shell">
      <div className="shell-header">
        <header className="topbar">
          <div className="topbar-brand">
            <span className="brand-mark" aria-hidden="true">
              B
            </span>
            <span className="brand-name" data-testid="shop-name">
              {session.shopName}
            </span>
            <span className="terminal-badge" data-testid="terminal-badge">
              {t('app.terminal', { letter: session.terminalLetter })}
            </span>
          </div>
          <div className="topbar-actions">
            <div className="topbar-user" data-testid="current-user">
              <Avatar name={session.user.name} size="small" />
              <span className="topbar-user-text">
                <span className="topbar-user-name">{session.user.name}</span>
                <span className="topbar-user-role">{t(`roles.${session.user.role}`)}</span>
              </span>
            </div>
            <LanguageSwitch />
            <button type="button" className="button button-topbar" onClick={lock} data-testid="lock-button">
              <LockIcon size={18} /> {t('shell.lock')}
            </button>
            <button type="button" className="button button-topbar" onClick={() => void logout()} data-testid="logout-button">
              {t('shell.logout')}
            </button>
          </div>
        </header>
        {routes.length > 1 && (
          <nav className="subnav" aria-label={t('shell.navigation')}>
            {routes.map((item) => (
              <a
                key={item}
                href={`#/${item}`}
                className={`subnav-link${item === route ? ' active' : ''}`}
                aria-current={item === route ? 'page' : undefined}
                data-testid={`nav-${item}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(item);
                }}
              >
                {t(`shell.routes.${item}`)}
              </a>
            ))}
          </nav>
        )}
      </div>
      {/* A different user after "Trocar usuário" starts from fresh screens; the same user keeps them. */}
      <main className="page" key={session.user.id}>
        {route === 'inicio' && <HomeScreen onNavigate={navigate} />}
        {route === 'usuarios' && <UsersScreen />}
        {route === 'auditoria' && <AuditScreen />}
        {route === 'configuracoes' && <SettingsScreen />}
      </main>
    </div>
  );
}
