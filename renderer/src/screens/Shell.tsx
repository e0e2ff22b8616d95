import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Backup } from '../backups/BackupsScreen';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LazyScreens } from '../components/LazyScreen';
import { LiveIndicator } from '../components/LiveIndicator';
import { LockIcon } from '../components/Icon';
import { Avatar } from '../components/UserTile';
import { useHashRoute } from '../hooks/useHashRoute';
import type { Route } from '../routes';
import { useSessionProbe } from '../hooks/useLive';
import { homeFor, navFor, resolveRoute, routeKey } from '../navigation';
import { useFailedPrintJobs } from '../printjobs/useFailedPrintJobs';
import { useSession } from '../session';
import { isStockRoute } from '../stock/routes';
import { FeedbackAlerts } from '../feedback/FeedbackAlerts';
import { isFeedbackRoute } from '../feedback/routes';
import { isManagerRole } from '../roles';
import { SyncIndicator } from '../sync/SyncIndicator';
import { WhatsNewDialog } from '../updates/WhatsNewDialog';
import { WebhookDeadAlert } from '../webhooks/WebhookAlert';
import { HomeScreen } from './HomeScreen';
import { SCREENS } from '../screenChunks';

const {
  dashboard: DashboardScreen,
  reports: ReportsScreen,
  counter: CounterScreen,
  orders: OrdersScreen,
  cash: CashScreen,
  kitchen: KitchenScreen,
  board: BoardScreen,
  catalog: CatalogScreen,
  printJobs: PrintJobsScreen,
  users: UsersScreen,
  audit: AuditScreen,
  settings: SettingsScreen,
  stock: StockScreens,
  feedback: FeedbackScreens,
  webhooks: WebhooksScreen,
  sync: SyncScreen,
  chain: ChainScreen,
  backups: BackupsScreen,
  restore: RestoreDialog,
  devices: DevicesScreen,
} = SCREENS;

/** Screens that fill the window below the header and scroll inside (the counter and the kitchen). */
const FILL: readonly Route[] = ['caixa', 'cozinha'];

/** After login: the top bar (shop, terminal, who is here, language, lock, sign out) and the screen. */
export function Shell() {
  const { t } = useTranslation();
  const { session, lock, logout } = useSession();
  const [requested, navigate] = useHashRoute();
  const role = session.user.role;
  const route = resolveRoute(role, requested);
  const nav = navFor(role);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  // A stock screen the menu does not list lights up the menu's "Estoque" entry.
  const current: Route = !nav.includes(route) && isStockRoute(route) ? 'estoque' : route;
  // Likewise the feedback reports light up "Avaliações", and webhooks, sync and backups "Configurações" (where they are reached).
  const currentNav: Route = nav.includes(current) ? current : isFeedbackRoute(current) ? 'avaliacoes' : ['webhooks', 'sincronizacao', 'backups', 'dispositivos'].includes(current) ? 'configuracoes' : current;
  const failedPrints = useFailedPrintJobs();
  // A session the server forgot (it restarted) answers UNAUTHENTICATED, and the screen falls to the login.
  useSessionProbe(() => void api.call('auth.session', {}));

  // The ready board is for a TV: the whole screen, no menus.
  if (route === 'painel') {
    return (
      <div className="shell shell-board" data-testid="shell" key={session.user.id}>
        <LiveIndicator />
        <LazyScreens fallback={null}>
          <BoardScreen onExit={() => navigate(homeFor(role) === 'painel' ? 'inicio' : homeFor(role))} />
        </LazyScreens>
      </div>
    );
  }

  const fill = FILL.includes(route);
  return (
    <div className={`shell${fill ? ' shell-fill' : ''}`} data-testid="shell">
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
            {failedPrints > 0 && (
              <button type="button" className="print-alert" onClick={() => navigate('impressoes')} data-testid="print-alert">
                <span aria-hidden="true">!</span> {t('printJobs.alert', { count: failedPrints })}
              </button>
            )}
            {role === 'admin' && <WebhookDeadAlert key={session.user.id} onOpen={() => navigate('webhooks')} />}
          </div>
          <div className="topbar-actions">
            <SyncIndicator key={session.user.id} />
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
        {nav.length > 1 && (
          <nav className="subnav" aria-label={t('shell.navigation')}>
            {nav.map((item) => (
              <a
                key={item}
                href={`#/${item}`}
                className={`subnav-link${item === currentNav ? ' active' : ''}`}
                aria-current={item === currentNav ? 'page' : undefined}
                data-testid={`nav-${routeKey(item)}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(item);
                }}
              >
                {t(`shell.routes.${routeKey(item)}`)}
              </a>
            ))}
          </nav>
        )}
        {isManagerRole(role) && <FeedbackAlerts key={session.user.id} onOpen={() => navigate('avaliacoes')} />}
        {isManagerRole(role) && <WhatsNewDialog key={session.user.id} />}
        <LiveIndicator />
      </div>
      {/* A different user after "Trocar usuário" starts from fresh screens; the same user keeps them. */}
      <main className={`page${fill ? ' page-fill' : ''}`} key={session.user.id}>
        <LazyScreens
          fallback={
            <div className="page-content" role="status">
              <p className="muted">{t('common.loading')}</p>
            </div>
          }
        >
          {route === 'inicio' && <HomeScreen onNavigate={navigate} />}
          {route === 'painel-gerente' && <DashboardScreen />}
          {route === 'relatorios' && <ReportsScreen />}
          {route === 'caixa' && <CounterScreen />}
          {route === 'pedidos' && <OrdersScreen onNavigate={navigate} />}
          {route === 'caixa/sessao' && <CashScreen />}
          {route === 'cozinha' && <KitchenScreen />}
          {route === 'catalogo' && <CatalogScreen />}
          {route === 'impressoes' && <PrintJobsScreen />}
          {route === 'usuarios' && <UsersScreen />}
          {route === 'auditoria' && <AuditScreen />}
          {route === 'configuracoes' && <SettingsScreen />}
          {isStockRoute(route) && <StockScreens route={route} onNavigate={navigate} />}
          {isFeedbackRoute(route) && <FeedbackScreens route={route} onNavigate={navigate} />}
          {route === 'webhooks' && <WebhooksScreen />}
          {route === 'sincronizacao' && <SyncScreen />}
          {route === 'relatorios/lojas' && <ChainScreen />}
          {route === 'backups' && <BackupsScreen onRestore={setRestoring} />}
          {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
          {route === 'dispositivos' && <DevicesScreen />}
        </LazyScreens>
      </main>
    </div>
  );
}
