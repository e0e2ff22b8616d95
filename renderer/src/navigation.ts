import type { Route } from './routes';
import { isManagerRole, type Role } from './roles';
import { STOCK_ROUTES } from './stock/routes';

/**
 * Which screens each role opens, which the top menu lists, and where each role starts. The core
 * enforces the roles anyway (a cashier's session cannot call a manager operation); this only keeps
 * the screens from offering what would be refused.
 */
const MANAGER_NAV: readonly Route[] = [
  'inicio',
  'painel-gerente',
  'relatorios',
  'caixa',
  'pedidos',
  'caixa/sessao',
  'cozinha',
  'painel',
  'catalogo',
  'estoque',
  'impressoes',
  'avaliacoes',
  'usuarios',
  'auditoria',
  'configuracoes',
];

export function navFor(role: Role): readonly Route[] {
  // Other shops' takings are the owner's alone.
  if (role === 'admin') return [...MANAGER_NAV, 'relatorios/lojas'];
  if (isManagerRole(role)) return MANAGER_NAV;
  if (role === 'cashier') return ['caixa', 'pedidos', 'caixa/sessao'];
  if (role === 'kitchen') return ['cozinha', 'painel'];
  // The stockroom: its screens only (no cash, no sales, no users).
  return STOCK_ROUTES;
}

/** Every screen a role may open: its menu, the start screen, the ready board and the print queue (anyone may retry a job). */
export function routesFor(role: Role): readonly Route[] {
  const nav = navFor(role);
  const extra: Route[] = ['inicio', 'painel', 'impressoes', ...(isManagerRole(role) ? [...STOCK_ROUTES, 'avaliacoes/relatorios' as const, 'dispositivos' as const] : [])];
  // Webhooks, the sync connection and backups are the admin's alone (the core allows no one else), reached from Configurações.
  if (role === 'admin') extra.push('webhooks', 'sincronizacao', 'backups');
  return [...nav, ...extra.filter((route) => !nav.includes(route))];
}

/** Where a role lands when the URL names no screen: the counter for cashiers, the queue for the kitchen. */
export function homeFor(role: Role): Route {
  if (role === 'cashier') return 'caixa';
  if (role === 'kitchen') return 'cozinha';
  if (role === 'stockroom') return 'estoque';
  return 'inicio';
}

/**
 * The screen to show: the one asked for when this role may open it; the role's home when the URL
 * names none; the start screen (which lists what this role can open) for a screen it cannot open.
 */
export function resolveRoute(role: Role, requested: Route | '' | 'unknown'): Route {
  if (requested === '') return homeFor(role);
  if (requested !== 'unknown' && routesFor(role).includes(requested)) return requested;
  return 'inicio';
}

type Dashed<R extends string> = R extends `${infer A}/${infer B}` ? `${A}-${B}` : R;
export type RouteKey = Dashed<Route>;

/** "caixa/sessao" → "caixa-sessao": a route as a test id and an i18n key. */
export const routeKey = (route: Route): RouteKey => route.replace('/', '-') as RouteKey;
