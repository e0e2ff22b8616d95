import { lazyScreen } from './components/LazyScreen';
import { isFeedbackRoute } from './feedback/routes';
import { routeOfHash, type Route } from './hooks/useHashRoute';
import { isStockRoute } from './stock/routes';

/**
 * The staff screens, each its own chunk fetched the first time it opens (or preloaded), so the
 * counter never carries chart.js and the kitchen never carries the catalog admin.
 */
export const SCREENS = {
  dashboard: lazyScreen(() => import('./reports/dashboard/DashboardScreen').then((module) => module.DashboardScreen)),
  reports: lazyScreen(() => import('./reports/ReportsScreen').then((module) => module.ReportsScreen)),
  counter: lazyScreen(() => import('./counter/CounterScreen').then((module) => module.CounterScreen)),
  orders: lazyScreen(() => import('./orders/OrdersScreen').then((module) => module.OrdersScreen)),
  cash: lazyScreen(() => import('./cash/CashScreen').then((module) => module.CashScreen)),
  kitchen: lazyScreen(() => import('./kitchen/KitchenScreen').then((module) => module.KitchenScreen)),
  board: lazyScreen(() => import('./board/BoardScreen').then((module) => module.BoardScreen)),
  catalog: lazyScreen(() => import('./catalog/CatalogScreen').then((module) => module.CatalogScreen)),
  printJobs: lazyScreen(() => import('./printjobs/PrintJobsScreen').then((module) => module.PrintJobsScreen)),
  users: lazyScreen(() => import('./screens/UsersScreen').then((module) => module.UsersScreen)),
  audit: lazyScreen(() => import('./screens/AuditScreen').then((module) => module.AuditScreen)),
  settings: lazyScreen(() => import('./screens/SettingsScreen').then((module) => module.SettingsScreen)),
  stock: lazyScreen(() => import('./stock/StockScreens').then((module) => module.StockScreens)),
  feedback: lazyScreen(() => import('./feedback/FeedbackScreens').then((module) => module.FeedbackScreens)),
  webhooks: lazyScreen(() => import('./webhooks/WebhooksScreen').then((module) => module.WebhooksScreen)),
  sync: lazyScreen(() => import('./sync/SyncScreen').then((module) => module.SyncScreen)),
  chain: lazyScreen(() => import('./reports/chain/ChainScreen').then((module) => module.ChainScreen)),
  backups: lazyScreen(() => import('./backups/BackupsScreen').then((module) => module.BackupsScreen)),
  restore: lazyScreen(() => import('./backups/RestoreDialog').then((module) => module.RestoreDialog)),
  devices: lazyScreen(() => import('./devices/DevicesScreen').then((module) => module.DevicesScreen)),
};

const ROUTE_CHUNKS: Partial<Record<Route, keyof typeof SCREENS>> = {
  'painel-gerente': 'dashboard',
  relatorios: 'reports',
  caixa: 'counter',
  pedidos: 'orders',
  'caixa/sessao': 'cash',
  cozinha: 'kitchen',
  painel: 'board',
  catalogo: 'catalog',
  impressoes: 'printJobs',
  usuarios: 'users',
  auditoria: 'audit',
  configuracoes: 'settings',
  webhooks: 'webhooks',
  sincronizacao: 'sync',
  'relatorios/lojas': 'chain',
  backups: 'backups',
  dispositivos: 'devices',
};

/** The chunk of the screen a route shows (stock and feedback routes share their area's). */
export function screenChunkOf(route: Route): keyof typeof SCREENS | null {
  if (isStockRoute(route)) return 'stock';
  if (isFeedbackRoute(route)) return 'feedback';
  return ROUTE_CHUNKS[route] ?? null;
}

/**
 * Starts fetching the screen the address names while the app checks the session, instead of after it
 * (a reload of the counter fetches the counter's code and the login check at once).
 */
export function preloadScreen(hash: string): void {
  const route = routeOfHash(hash);
  const chunk = route === '' || route === 'unknown' ? null : screenChunkOf(route);
  // A failure shows where the screen would be (LazyScreens).
  if (chunk) SCREENS[chunk].preload();
}
