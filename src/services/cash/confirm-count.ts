import { findClosing, findConfirmation, findSession, insertConfirmation } from '../../database/queries/cash.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { buildCashReport } from './cash-report.js';

export default defineScript('cash.confirm', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const session = findSession(tx, input.sessionId);
    if (!session) throw new BusinessError('NOT_FOUND', 'Caixa não encontrado.', 'sessionId');
    if (!findClosing(tx, session.id)) throw new BusinessError('INVALID_STATE', 'O caixa ainda está aberto.', 'sessionId');
    if (!findConfirmation(tx, session.id)) {
      const hlc = ctx.stamp();
      const confirmation = { sessionId: session.id, confirmedBy: ctx.actor!.id, confirmedByName: ctx.actor!.name, confirmedAt: ctx.now };
      insertConfirmation(tx, { ...confirmation, hlc });
      ctx.recordChange('cash_confirmation', session.id, 'insert', confirmation, hlc);
      ctx.audit({ action: 'cash.confirm', recordType: 'cash_session', recordId: session.id });
    }
    return buildCashReport(tx, session);
  },
});
