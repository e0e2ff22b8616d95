import { listUsers } from '../../database/queries/users.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('users.list', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run: (tx, input, ctx) => listUsers(tx, input.includeInactive ?? false, ctx.now),
});
