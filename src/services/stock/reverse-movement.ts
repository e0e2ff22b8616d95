import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { reverseMovement } from '../stock-ledger.js';
import { STOCK_ROLES } from './stock-guards.js';

/** A mistaken entry is corrected by its exact opposite, pointing to it; sales are reversed only by voiding the order. */
export default defineScript('stock.reverse', {
  roles: STOCK_ROLES,
  retry: { key: (input) => `stock_movement:${input.id}`, conflict: { message: 'Este movimento de estoque já foi registrado com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    const movement = sql<[string], { id: string; itemId: string; quantity: number; value: number; kind: string; reversesId: string | null }>(
      tx,
      'SELECT id, item_id AS itemId, quantity, value, kind, reverses_id AS reversesId FROM stock_movements WHERE id = ?',
    ).get(input.movementId);
    if (!movement) throw new BusinessError('NOT_FOUND', 'Movimento não encontrado.', 'movementId');
    if (movement.kind === 'venda' || movement.reversesId) {
      throw new BusinessError('INVALID_STATE', 'Vendas voltam ao estoque pelo estorno do pedido; estornos não se estornam.', 'movementId');
    }
    if (sql(tx, 'SELECT 1 FROM stock_movements WHERE reverses_id = ?').get(movement.id)) {
      throw new BusinessError('CONFLICT', 'Este movimento já foi estornado.', 'movementId');
    }
    const { id } = reverseMovement(tx, ctx, movement, 'estorno', input.reason, input.id);
    ctx.audit({ action: 'stock.reverse', recordType: 'stock_movement', recordId: movement.id, details: { reason: input.reason, kind: movement.kind } });
    ctx.emit('stock.changed', { itemIds: [movement.itemId] });
    return { id };
  },
});
