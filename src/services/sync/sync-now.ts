import { defineScript } from '../script.js';
import { requireSync } from './sync-link.js';

/** "Sincronizar agora": a whole round (network work, so before the transaction), then how it stands. */
export default defineScript('sync.now', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  prepare: (_input, ctx) => requireSync(ctx).syncNow(),
  run: (_tx, _input, _ctx, status) => status,
});
