import type { Db } from '../../database/connection.js';
import { findItem, largestReceipt } from '../../database/queries/stock.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { ItemView } from '../../models/stock.js';
import { formatStockQuantity } from '../../utils/format.js';
import { needsConfirmation } from './plausible-quantity.js';

export const STOCK_ROLES = ['admin', 'manager', 'stockroom'] as const;

export function requireItem(tx: Db, id: string, field = 'itemId'): ItemView {
  const item = findItem(tx, id);
  if (!item || !item.active) throw new BusinessError('NOT_FOUND', 'Insumo não encontrado ou inativo.', field);
  return item;
}

const MOVEMENT_NAMES = { perda: 'perda', saida: 'saída', entrada: 'entrada' } as const;

/**
 * Refuses, until the person confirms, a quantity far beyond the item's scale (a typo such as
 * 999.999.999 un of bread). The details carry the figures the screen shows in its question.
 */
export function requirePlausible(tx: Db, item: ItemView, quantity: number, confirmed: boolean | undefined, kind: keyof typeof MOVEMENT_NAMES, field = 'quantity'): void {
  if (confirmed) return;
  if (!needsConfirmation(quantity, { onHand: item.onHand, largestReceipt: largestReceipt(tx, item.id) })) return;
  const shown = formatStockQuantity(quantity, item.baseUnit);
  throw new BusinessError('CONFIRMATION_REQUIRED', `Confirmar ${MOVEMENT_NAMES[kind]} de ${shown}? O estoque de ${item.name} é ${formatStockQuantity(item.onHand, item.baseUnit)}.`, field, {
    kind,
    quantity,
    onHand: item.onHand,
    baseUnit: item.baseUnit,
    itemName: item.name,
  });
}
