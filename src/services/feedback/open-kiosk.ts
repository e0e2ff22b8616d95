import { newSecretToken } from '../../utils/ids.js';
import { defineScript } from '../script.js';

/** The feedback screen gets its own session, tied to who opened it, that can only rate orders. */
export default defineScript('feedback.openKiosk', {
  roles: ['admin', 'manager', 'cashier'],
  run(_tx, _input, ctx) {
    const token = newSecretToken();
    ctx.audit({ action: 'feedback.openKiosk', recordType: 'session' });
    ctx.afterCommit(() => ctx.sessions.open(ctx.actor!.id, token, true));
    return { token };
  },
});
