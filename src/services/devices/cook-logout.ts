import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';

/** The cook leaves the kitchen device: their session ends and the device shows its sign-in screen again. */
export default defineScript('devices.cookLogout', {
  roles: ['kitchenScreen'],
  run(_tx, _input, ctx) {
    const session = ctx.session!;
    if (!session.cook) throw new BusinessError('FORBIDDEN', 'Este aparelho não tem ninguém para sair: ele não pede PIN.');
    ctx.audit({ action: 'devices.cookLogout', recordType: 'user', recordId: ctx.actor!.id, details: { deviceId: session.device!.id, source: ctx.source } });
    ctx.afterCommit(() => ctx.sessions.close(session.token));
    // Every live stream checks its session on this event: the cook's own closes at once.
    ctx.emit('devices.changed', { deviceId: session.device!.id });
    return { ok: true as const };
  },
});
