import { listUsers } from '../../database/queries/users.js';
import { defineScript } from '../script.js';

export default defineScript('auth.roster', {
  roles: 'public',
  readOnly: true,
  run: (tx, _input, ctx) => listUsers(tx, false, ctx.now).map(({ id, name, role }) => ({ id, name, role })),
});
