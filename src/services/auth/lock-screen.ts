import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('auth.lock', {
  roles: ALL_ROLES,
  whileLocked: true,
  readOnly: true,
  run(_tx, _input, ctx) {
    const session = ctx.session!;
    ctx.afterCommit(() => ctx.sessions.lock(session));
    ctx.emit('session.locked', { userId: ctx.actor!.id });
    return { locked: true as const };
  },
});
