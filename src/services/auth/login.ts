import { Rejection } from '../../exceptions/business-error.js';
import { newSecretToken } from '../../utils/ids.js';
import { comparePin, settlePinCheck } from '../pin-check.js';
import { defineScript } from '../script.js';

export default defineScript('auth.login', {
  roles: 'public',
  prepare: (input, ctx) => comparePin(ctx, input.name, input.pin),
  run(tx, _input, ctx, check) {
    const user = settlePinCheck(tx, ctx, check, 'auth.login');
    if (user instanceof Rejection) return user;
    ctx.audit({ action: 'auth.login', userId: user.id, userName: user.name, recordType: 'user', recordId: user.id, details: { source: ctx.source } });
    const token = newSecretToken();
    // The session opens only once the login is on record.
    ctx.afterCommit(() => ctx.sessions.open(user.id, token));
    return {
      token,
      user: { id: user.id, name: user.name, role: user.role },
      idleLockMinutes: ctx.settings.idleLockMinutes,
    };
  },
});
