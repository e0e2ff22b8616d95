import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';

export default defineScript('orders.held', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  run: (tx, _input, ctx) =>
    sql<[string], { id: string; label: string; createdAt: number; createdByName: string; cart: string }>(
      tx,
      'SELECT id, label, created_at AS createdAt, created_by_name AS createdByName, cart FROM held_carts WHERE terminal_id = ? AND recalled_at IS NULL ORDER BY created_at',
    )
      .all(ctx.terminal.id)
      .map((row) => ({ ...row, cart: JSON.parse(row.cart) as Record<string, unknown> })),
});
