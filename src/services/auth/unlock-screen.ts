import { Rejection } from '../../exceptions/business-error.js';
import { ALL_ROLES } from '../../models/roles.js';
import { newSecretToken } from '../../utils/ids.js';
import { comparePin, settlePinCheck } from '../pin-check.js';
import { defineScript } from '../script.js';

/** The same user's PIN unlocks the session; another user's PIN takes the screen over with a new session. */
export default defineScript('auth.unlock', {
  roles: ALL_ROLES,
  whileLocked: true,
  prepare: (input, ctx) => comparePin(ctx, input.name, input.pin),
  run(tx, _input, ctx, check) {
    const session = ctx.session!;
    const user = settlePinCheck(tx, ctx, check, 'auth.unlock');
    if (user instanceof Rejection) return user;
    const info = { user: { id: user.id, name: user.name, role: user.role }, idleLockMinutes: ctx.settings.idleLockMinutes };
    if (user.id === session.userId) {
      ctx.audit({ action: 'auth.unlock', recordType: 'user', recordId: user.id });
      ctx.afterCommit(() => ctx.sessions.unlock(session));
      return { ...info, token: session.token, switched: false };
    }
    const token = newSecretToken();
    ctx.audit({
      action: 'auth.switch',
      userId: user.id,
      userName: user.name,
      recordType: 'user',
      recordId: user.id,
      details: { fromUserId: ctx.actor!.id, fromUserName: ctx.actor!.name },
    });
    ctx.afterCommit(() => {
      ctx.sessions.close(session.token);
      ctx.sessions.open(user.id, token);
    });
    return { ...info, token, switched: true };
  },
});
