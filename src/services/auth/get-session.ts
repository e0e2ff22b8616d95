import { ALL_ROLES, type Role } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('auth.session', {
  roles: ALL_ROLES,
  whileLocked: true,
  readOnly: true,
  run: (_tx, _input, ctx) => ({
    // auth.session is for staff sessions only (its roles leave the kiosk out).
    user: { ...ctx.actor!, role: ctx.actor!.role as Role },
    locked: ctx.session!.locked,
    idleLockMinutes: ctx.settings.idleLockMinutes,
    shopName: ctx.terminal.shopName ?? '',
    terminalLetter: ctx.terminal.letter ?? '',
    timezone: ctx.settings.timezone,
  }),
});
