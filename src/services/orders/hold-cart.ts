import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';

export default defineScript('orders.hold', {
  roles: ['admin', 'manager', 'cashier'],
  // A resent hold must not bring back a cart recalled meanwhile; a recalled cart is held again under a new id.
  retry: { key: (input) => `held_cart:${input.id}`, conflict: { message: 'Este pedido em espera já foi guardado com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    // Recalled carts are kept only for a retry of the recall; a day later they go.
    sql(tx, 'DELETE FROM held_carts WHERE terminal_id = ? AND recalled_at < ?').run(ctx.terminal.id, ctx.now - 86_400_000);
    sql(
      tx,
      `INSERT INTO held_carts (id, terminal_id, label, cart, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, cart = excluded.cart, recalled_at = NULL`,
    ).run(input.id, ctx.terminal.id, input.label, JSON.stringify(input.cart), ctx.actor!.id, ctx.actor!.name, ctx.now);
    return { id: input.id };
  },
});
