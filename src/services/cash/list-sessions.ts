import { listSessions } from '../../database/queries/cash.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { sessionInfo } from './cash-report.js';

export default defineScript('cash.sessions', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run: (tx, input, ctx) => listSessions(tx, ctx.terminal.id, input.limit ?? 30).map((s) => sessionInfo(tx, s)),
});
