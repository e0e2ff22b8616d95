import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';

export default defineScript('orders.recall', {
  roles: ['admin', 'manager', 'cashier'],
  run(tx, input, ctx) {
    const held = sql<[string, string], { id: string; label: string; cart: string }>(tx, 'SELECT id, label, cart FROM held_carts WHERE id = ? AND terminal_id = ?').get(
      input.id,
      ctx.terminal.id,
    );
    if (!held) throw new BusinessError('NOT_FOUND', 'Pedido em espera não encontrado (já retomado?).', 'id');
    sql(tx, 'DELETE FROM held_carts WHERE id = ?').run(input.id);
    return { id: held.id, label: held.label, cart: JSON.parse(held.cart) as Record<string, unknown> };
  },
});
