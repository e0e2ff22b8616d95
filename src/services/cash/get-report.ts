import { findSession, openSession } from '../../database/queries/cash.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { buildCashReport } from './cash-report.js';

export default defineScript('cash.report', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run(tx, input, ctx) {
    const session = input.sessionId ? findSession(tx, input.sessionId) : openSession(tx, ctx.terminal.id);
    if (!session) throw new BusinessError('NOT_FOUND', input.sessionId ? 'Caixa não encontrado.' : 'Não há caixa aberto neste terminal.', 'sessionId');
    return buildCashReport(tx, session);
  },
});
