/**
 * The stockroom's screens (#/estoque…). The stockroom role has them all in its top menu; managers and
 * admins reach them through one "Estoque" entry and the tabs on top of each stock screen.
 */
export const STOCK_ROUTES = [
  'estoque',
  'estoque/insumos',
  'estoque/entrada',
  'estoque/perdas',
  'estoque/inventario',
  'estoque/movimentos',
  'estoque/fichas',
  'estoque/fornecedores',
] as const;
export type StockRoute = (typeof STOCK_ROUTES)[number];

export const isStockRoute = (route: string): route is StockRoute => (STOCK_ROUTES as readonly string[]).includes(route);

/**
 * A filter one stock screen hands to the next ("Movimentos" of an item from the items list): read
 * once by the screen that opens, so a later visit starts clean.
 */
let pendingMovementItem: string | null = null;

export function openMovementsOf(itemId: string): void {
  pendingMovementItem = itemId;
}

export function takePendingMovementItem(): string | null {
  const itemId = pendingMovementItem;
  pendingMovementItem = null;
  return itemId;
}
