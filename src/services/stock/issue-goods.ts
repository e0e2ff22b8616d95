import { defineScript } from '../script.js';
import { appendMovement } from '../stock-ledger.js';
import { requireItem, requirePlausible, STOCK_ROLES } from './stock-guards.js';

export default defineScript('stock.issue', {
  roles: STOCK_ROLES,
  retry: { key: (input) => `stock_movement:${input.id}`, conflict: { message: 'Este movimento de estoque já foi registrado com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    const item = requireItem(tx, input.itemId);
    requirePlausible(tx, item, input.quantity, input.confirmed, 'saida');
    appendMovement(tx, ctx, { id: input.id, itemId: item.id, kind: 'saida', quantity: -input.quantity, reason: input.reason });
    ctx.emit('stock.changed', { itemIds: [item.id] });
    return { id: input.id };
  },
});
