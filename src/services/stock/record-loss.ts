import { defineScript } from '../script.js';
import { appendMovement } from '../stock-ledger.js';
import { requireItem, requirePlausible, STOCK_ROLES } from './stock-guards.js';

export default defineScript('stock.loss', {
  roles: STOCK_ROLES,
  retry: { key: (input) => `stock_movement:${input.id}`, conflict: { message: 'Este movimento de estoque já foi registrado com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    const item = requireItem(tx, input.itemId);
    requirePlausible(tx, item, input.quantity, input.confirmed, 'perda');
    const { value } = appendMovement(tx, ctx, { id: input.id, itemId: item.id, kind: 'perda', quantity: -input.quantity, reason: input.reason, note: input.note ?? null });
    ctx.audit({ action: 'stock.loss', recordType: 'stock_movement', recordId: input.id, details: { item: item.name, quantity: input.quantity, value: -value, reason: input.reason } });
    ctx.emit('stock.changed', { itemIds: [item.id] });
    return { id: input.id };
  },
});
