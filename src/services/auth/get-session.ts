import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('auth.session', {
  roles: ALL_ROLES,
  whileLocked: true,
  readOnly: true,
  run: (_tx, _input, ctx) => ({
    user: ctx.actor!,
    locked: ctx.session!.locked,
    idleLockMinutes: ctx.settings.idleLockMinutes,
    shopName: ctx.terminal.shopName ?? '',
    terminalLetter: ctx.terminal.letter ?? '',
    timezone: ctx.settings.timezone,
  }),
});
