import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';

/** The cart leaves the list but is kept, so a retry after a lost reply gets the same cart back. */
export default defineScript('orders.recall', {
  roles: ['admin', 'manager', 'cashier'],
  run(tx, input, ctx) {
    const held = sql<[string, string], { id: string; label: string; cart: string; recalledAt: number | null }>(
      tx,
      'SELECT id, label, cart, recalled_at AS recalledAt FROM held_carts WHERE id = ? AND terminal_id = ?',
    ).get(input.id, ctx.terminal.id);
    if (!held) throw new BusinessError('NOT_FOUND', 'Pedido em espera não encontrado.', 'id');
    if (held.recalledAt === null) sql(tx, 'UPDATE held_carts SET recalled_at = ? WHERE id = ?').run(ctx.now, input.id);
    return { id: held.id, label: held.label, cart: JSON.parse(held.cart) as Record<string, unknown> };
  },
});
