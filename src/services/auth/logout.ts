import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('auth.logout', {
  roles: ALL_ROLES,
  whileLocked: true,
  run(_tx, _input, ctx) {
    const token = ctx.session!.token;
    ctx.audit({ action: 'auth.logout', recordType: 'user', recordId: ctx.actor!.id });
    ctx.afterCommit(() => ctx.sessions.close(token));
    return { ok: true as const };
  },
});
