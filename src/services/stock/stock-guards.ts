import type { Db } from '../../database/connection.js';
import { findItem } from '../../database/queries/stock.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { ItemView } from '../../models/stock.js';

export const STOCK_ROLES = ['admin', 'manager', 'stockroom'] as const;

export function requireItem(tx: Db, id: string, field = 'itemId'): ItemView {
  const item = findItem(tx, id);
  if (!item || !item.active) throw new BusinessError('NOT_FOUND', 'Insumo não encontrado ou inativo.', field);
  return item;
}
