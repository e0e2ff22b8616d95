import { clearPinAttempts } from '../../database/queries/pin-attempts.js';
import { updateUser } from '../../database/queries/users.js';
import { hashPin } from '../../hashing/pin-hash.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { assertStrongPin } from '../pin-check.js';
import { defineScript } from '../script.js';
import { requireManageable, requireUser } from './user-guards.js';

export default defineScript('users.resetPin', {
  roles: MANAGER_ROLES,
  async prepare(input, ctx) {
    const user = requireUser(ctx.db, input.id);
    requireManageable(ctx.actor!, user.role, 'id');
    assertStrongPin(input.pin, user.role, 'pin');
    return { pinHash: await hashPin(input.pin) };
  },
  run(tx, input, ctx, { pinHash }) {
    const user = requireUser(tx, input.id);
    const hlc = ctx.stamp();
    updateUser(tx, user.id, { pinHash }, ctx.now, hlc);
    clearPinAttempts(tx, user.id);
    ctx.recordChange('user', user.id, 'update', { id: user.id, pinHash, updatedAt: ctx.now }, hlc);
    ctx.audit({ action: 'users.resetPin', recordType: 'user', recordId: user.id, details: { name: user.name } });
    // Whoever is signed in with the old PIN is signed out: it may be the person the reset is meant to stop.
    ctx.afterCommit(() => ctx.sessions.closeAllFor(user.id));
    return { id: user.id };
  },
});
