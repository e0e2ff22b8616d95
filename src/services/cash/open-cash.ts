import { insertSession, openSession } from '../../database/queries/cash.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { sessionInfo } from './cash-report.js';

export default defineScript('cash.open', {
  roles: ['admin', 'manager', 'cashier'],
  retry: { key: (input) => `cash_session:${input.id}`, conflict: { message: 'Este caixa já foi aberto com outro fundo de troco.', field: 'openingFloat' } },
  run(tx, input, ctx) {
    const letter = ctx.terminal.letter ?? '';
    if (openSession(tx, ctx.terminal.id)) throw new BusinessError('CONFLICT', 'Já existe um caixa aberto neste terminal.', 'id');
    const hlc = ctx.stamp();
    const row = {
      id: input.id,
      terminalId: ctx.terminal.id,
      openedBy: ctx.actor!.id,
      openedByName: ctx.actor!.name,
      openedAt: ctx.now,
      openingFloat: input.openingFloat,
      hlc,
    };
    insertSession(tx, row);
    ctx.recordChange('cash_session', row.id, 'insert', row, hlc);
    ctx.audit({ action: 'cash.open', recordType: 'cash_session', recordId: row.id, details: { openingFloat: input.openingFloat } });
    ctx.emit('cash.changed', { sessionId: row.id });
    ctx.webhook('cash.opened', { sessionId: row.id, terminal: letter, openedBy: row.openedByName, openingFloat: row.openingFloat });
    return sessionInfo(tx, row);
  },
});
