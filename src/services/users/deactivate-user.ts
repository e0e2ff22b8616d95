import { countActiveAdmins, updateUser } from '../../database/queries/users.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireManageable, requireUser } from './user-guards.js';

export default defineScript('users.deactivate', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const user = requireUser(tx, input.id);
    requireManageable(ctx.actor!, user.role, 'id');
    if (!user.active) return { id: user.id };
    if (user.id === ctx.actor!.id) throw new BusinessError('CONFLICT', 'Você não pode desativar o próprio usuário.', 'id');
    if (user.role === 'admin' && countActiveAdmins(tx) <= 1) {
      throw new BusinessError('LAST_ADMIN', 'Este é o único administrador ativo; ele não pode ser desativado.', 'id');
    }
    const hlc = ctx.stamp();
    updateUser(tx, user.id, { active: false }, ctx.now, hlc);
    ctx.recordChange('user', user.id, 'update', { id: user.id, active: false, updatedAt: ctx.now }, hlc);
    ctx.audit({ action: 'users.deactivate', recordType: 'user', recordId: user.id, details: { name: user.name } });
    ctx.emit('users.changed', { userId: user.id });
    ctx.afterCommit(() => ctx.sessions.closeAllFor(user.id));
    return { id: user.id };
  },
});
