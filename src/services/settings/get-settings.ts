import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('settings.get', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run: (_tx, _input, ctx) => ({ ...ctx.settings, shopName: ctx.terminal.shopName ?? '' }),
});
