import { STOCK_ROUTES } from './stock/routes';

export const ROUTES = [
  'inicio',
  // The manager's dashboard (renderer/src/reports/dashboard).
  'painel-gerente',
  // Reports by period, export and print (renderer/src/reports).
  'relatorios',
  'caixa',
  'pedidos',
  'caixa/sessao',
  'cozinha',
  'painel',
  'catalogo',
  'impressoes',
  'usuarios',
  'auditoria',
  'configuracoes',
  // The stockroom (renderer/src/stock/routes.ts).
  ...STOCK_ROUTES,
  // Customer feedback and webhooks (renderer/src/feedback, renderer/src/webhooks).
  'avaliacoes',
  'avaliacoes/relatorios',
  'webhooks',
  // The sync connection (renderer/src/sync), the admin's, reached from Configurações.
  'sincronizacao',
  // The database's copies (renderer/src/backups), the admin's, reached from Configurações.
  'backups',
  // The chain of shops (renderer/src/reports/chain), the admin's.
  'relatorios/lojas',
  // Shop devices and the shop network (renderer/src/devices), the managers', reached from Configurações.
  'dispositivos',
] as const;
export type Route = (typeof ROUTES)[number];

/** The screen the URL names: a route, '' when it names none (#/ or no hash), 'unknown' for anything else. */
export type RequestedRoute = Route | '' | 'unknown';

/** The screen a URL hash names. */
export function routeOfHash(hash: string): RequestedRoute {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (!path) return '';
  return (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'unknown';
}
