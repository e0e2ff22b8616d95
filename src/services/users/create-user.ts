import { findUserById, insertUser } from '../../database/queries/users.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { hashPin } from '../../hashing/pin-hash.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { foldText } from '../../utils/text.js';
import { assertStrongPin } from '../pin-check.js';
import { defineScript } from '../script.js';
import { requireFreeName, requireManageable } from './user-guards.js';

export default defineScript('users.create', {
  roles: MANAGER_ROLES,
  async prepare(input, ctx) {
    requireManageable(ctx.actor!, input.role, 'role');
    assertStrongPin(input.pin, input.role, 'pin');
    return { pinHash: await hashPin(input.pin) };
  },
  run(tx, input, ctx, { pinHash }) {
    const id = input.id ?? ctx.newId();
    // A retried request (double click, timeout) finds its user already there.
    const existing = input.id ? findUserById(tx, input.id) : undefined;
    if (existing) {
      if (existing.name === input.name && existing.role === input.role) return { id };
      throw new BusinessError('CONFLICT', 'Este id já pertence a outro usuário.', 'id');
    }
    const nameKey = foldText(input.name);
    requireFreeName(tx, nameKey);
    const hlc = ctx.stamp();
    insertUser(tx, { id, name: input.name, nameKey, role: input.role, pinHash, at: ctx.now, hlc });
    ctx.recordChange('user', id, 'insert', { id, name: input.name, role: input.role, pinHash, active: true, createdAt: ctx.now, updatedAt: ctx.now }, hlc);
    ctx.audit({ action: 'users.create', recordType: 'user', recordId: id, details: { name: input.name, role: input.role } });
    ctx.emit('users.changed', { userId: id });
    return { id };
  },
});
