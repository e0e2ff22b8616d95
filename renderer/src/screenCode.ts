import { isFeedbackRoute } from './feedback/routes';
import { routeOfHash, type Route } from './routes';
import { isStockRoute } from './stock/routes';

/** A load that runs once: every later call gets the same promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
}

/**
 * The staff screens' code, each its own chunk, fetched once. Nothing here imports React, so the entry
 * can start fetching the screen the address names before React has loaded (screenChunks.ts makes them
 * screens).
 */
export const SCREEN_CODE = {
  dashboard: once(() => import('./reports/dashboard/DashboardScreen').then((module) => module.DashboardScreen)),
  reports: once(() => import('./reports/ReportsScreen').then((module) => module.ReportsScreen)),
  counter: once(() => import('./counter/CounterScreen').then((module) => module.CounterScreen)),
  orders: once(() => import('./orders/OrdersScreen').then((module) => module.OrdersScreen)),
  cash: once(() => import('./cash/CashScreen').then((module) => module.CashScreen)),
  kitchen: once(() => import('./kitchen/KitchenScreen').then((module) => module.KitchenScreen)),
  board: once(() => import('./board/BoardScreen').then((module) => module.BoardScreen)),
  catalog: once(() => import('./catalog/CatalogScreen').then((module) => module.CatalogScreen)),
  printJobs: once(() => import('./printjobs/PrintJobsScreen').then((module) => module.PrintJobsScreen)),
  users: once(() => import('./screens/UsersScreen').then((module) => module.UsersScreen)),
  audit: once(() => import('./screens/AuditScreen').then((module) => module.AuditScreen)),
  settings: once(() => import('./screens/SettingsScreen').then((module) => module.SettingsScreen)),
  stock: once(() => import('./stock/StockScreens').then((module) => module.StockScreens)),
  feedback: once(() => import('./feedback/FeedbackScreens').then((module) => module.FeedbackScreens)),
  webhooks: once(() => import('./webhooks/WebhooksScreen').then((module) => module.WebhooksScreen)),
  sync: once(() => import('./sync/SyncScreen').then((module) => module.SyncScreen)),
  chain: once(() => import('./reports/chain/ChainScreen').then((module) => module.ChainScreen)),
  backups: once(() => import('./backups/BackupsScreen').then((module) => module.BackupsScreen)),
  restore: once(() => import('./backups/RestoreDialog').then((module) => module.RestoreDialog)),
  devices: once(() => import('./devices/DevicesScreen').then((module) => module.DevicesScreen)),
};

const ROUTE_CHUNKS: Partial<Record<Route, keyof typeof SCREEN_CODE>> = {
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
export function screenChunkOf(route: Route): keyof typeof SCREEN_CODE | null {
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
  if (chunk) preloadCode(chunk);
}

/** Starts fetching these screens' code; a failure shows where the screen would be (LazyScreens), when it renders. */
export function preloadCode(...chunks: (keyof typeof SCREEN_CODE)[]): void {
  for (const chunk of chunks) void SCREEN_CODE[chunk]().catch(() => {});
}
