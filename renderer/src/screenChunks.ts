import { isFeedbackRoute } from './feedback/routes';
import { routeOfHash, type Route } from './hooks/useHashRoute';
import { isStockRoute } from './stock/routes';

/**
 * Where each staff screen's code is: every screen is its own chunk, fetched the first time it opens,
 * so the counter never carries chart.js and the kitchen never carries the catalog admin.
 */
export const SCREEN_CHUNKS = {
  dashboard: () => import('./reports/dashboard/DashboardScreen').then((module) => module.DashboardScreen),
  reports: () => import('./reports/ReportsScreen').then((module) => module.ReportsScreen),
  counter: () => import('./counter/CounterScreen').then((module) => module.CounterScreen),
  orders: () => import('./orders/OrdersScreen').then((module) => module.OrdersScreen),
  cash: () => import('./cash/CashScreen').then((module) => module.CashScreen),
  kitchen: () => import('./kitchen/KitchenScreen').then((module) => module.KitchenScreen),
  board: () => import('./board/BoardScreen').then((module) => module.BoardScreen),
  catalog: () => import('./catalog/CatalogScreen').then((module) => module.CatalogScreen),
  printJobs: () => import('./printjobs/PrintJobsScreen').then((module) => module.PrintJobsScreen),
  users: () => import('./screens/UsersScreen').then((module) => module.UsersScreen),
  audit: () => import('./screens/AuditScreen').then((module) => module.AuditScreen),
  settings: () => import('./screens/SettingsScreen').then((module) => module.SettingsScreen),
  stock: () => import('./stock/StockScreens').then((module) => module.StockScreens),
  feedback: () => import('./feedback/FeedbackScreens').then((module) => module.FeedbackScreens),
  webhooks: () => import('./webhooks/WebhooksScreen').then((module) => module.WebhooksScreen),
  sync: () => import('./sync/SyncScreen').then((module) => module.SyncScreen),
  chain: () => import('./reports/chain/ChainScreen').then((module) => module.ChainScreen),
  backups: () => import('./backups/BackupsScreen').then((module) => module.BackupsScreen),
  restore: () => import('./backups/RestoreDialog').then((module) => module.RestoreDialog),
  devices: () => import('./devices/DevicesScreen').then((module) => module.DevicesScreen),
};

const ROUTE_CHUNKS: Partial<Record<Route, keyof typeof SCREEN_CHUNKS>> = {
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
export function screenChunkOf(route: Route): keyof typeof SCREEN_CHUNKS | null {
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
  // A failure shows where the screen would be (LazyScreens), when it is asked for again.
  if (chunk) SCREEN_CHUNKS[chunk]().catch(() => undefined);
}
