import { clearPinAttempts, readPinAttempts } from '../../database/queries/pin-attempts.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireManageable, requireUser } from './user-guards.js';

export default defineScript('users.unlock', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const user = requireUser(tx, input.id);
    requireManageable(ctx.actor!, user.role, 'id');
    const { lockedUntil, failures } = readPinAttempts(tx, user.id);
    if (lockedUntil === null && failures === 0) return { id: user.id };
    clearPinAttempts(tx, user.id);
    ctx.audit({ action: 'users.unlock', recordType: 'user', recordId: user.id, details: { name: user.name, lockedUntil } });
    ctx.emit('users.changed', { userId: user.id });
    return { id: user.id };
  },
});
