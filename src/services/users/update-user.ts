import { countActiveAdmins, updateUser, type UserPatch } from '../../database/queries/users.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { minPinLength } from '../../hashing/pin-rules.js';
import { hashPin } from '../../hashing/pin-hash.js';
import { MANAGER_ROLES, ROLE_LABELS } from '../../models/roles.js';
import { foldText } from '../../utils/text.js';
import { assertStrongPin } from '../pin-check.js';
import { defineScript } from '../script.js';
import { requireFreeName, requireManageable, requireUser } from './user-guards.js';

export default defineScript('users.update', {
  roles: MANAGER_ROLES,
  async prepare(input, ctx) {
    const user = requireUser(ctx.db, input.id);
    requireManageable(ctx.actor!, user.role, 'id');
    const role = input.role ?? user.role;
    if (input.role) requireManageable(ctx.actor!, input.role, 'role');
    if (input.pin === undefined && minPinLength(role) > minPinLength(user.role)) {
      throw new BusinessError('PIN_WEAK', `Para o papel ${ROLE_LABELS[role]}, defina um PIN novo de ${minPinLength(role)} dígitos ou mais.`, 'pin');
    }
    if (input.pin !== undefined) assertStrongPin(input.pin, role, 'pin');
    return { pinHash: input.pin === undefined ? undefined : await hashPin(input.pin) };
  },
  run(tx, input, ctx, { pinHash }) {
    const user = requireUser(tx, input.id);
    const patch: UserPatch = {};
    if (input.name !== undefined && input.name !== user.name) {
      patch.name = input.name;
      patch.nameKey = foldText(input.name);
      requireFreeName(tx, patch.nameKey, user.id);
    }
    if (input.role !== undefined && input.role !== user.role) {
      if (user.role === 'admin' && user.active && countActiveAdmins(tx) <= 1) {
        throw new BusinessError('LAST_ADMIN', 'Este é o único administrador ativo; crie outro antes de mudar o papel dele.', 'role');
      }
      patch.role = input.role;
    }
    if (pinHash) patch.pinHash = pinHash;
    if (Object.keys(patch).length === 0) return { id: user.id };

    const hlc = ctx.stamp();
    updateUser(tx, user.id, patch, ctx.now, hlc);
    const { nameKey: _nameKey, ...changed } = patch;
    ctx.recordChange('user', user.id, 'update', { id: user.id, ...changed, updatedAt: ctx.now }, hlc);
    ctx.audit({
      action: 'users.update',
      recordType: 'user',
      recordId: user.id,
      details: {
        ...(patch.name ? { name: { from: user.name, to: patch.name } } : {}),
        ...(patch.role ? { role: { from: user.role, to: patch.role } } : {}),
        ...(patch.pinHash ? { pinChanged: true } : {}),
      },
    });
    ctx.emit('users.changed', { userId: user.id });
    return { id: user.id };
  },
});
