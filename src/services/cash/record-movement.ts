import { insertMovement, openSession } from '../../database/queries/cash.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { enqueuePrint } from '../printing/print-queue.js';
import { defineScript } from '../script.js';

const LABEL = { suprimento: 'Suprimento', sangria: 'Sangria' } as const;

export default defineScript('cash.movement', {
  roles: ['admin', 'manager', 'cashier'],
  retry: { key: (input) => `cash_movement:${input.id}`, conflict: { message: 'Esta movimentação já foi registrada com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    const session = openSession(tx, ctx.terminal.id);
    if (!session) throw new BusinessError('CASH_CLOSED', 'O caixa deste terminal está fechado.');
    const hlc = ctx.stamp();
    const row = { id: input.id, sessionId: session.id, kind: input.kind, amount: input.amount, reason: input.reason, userId: ctx.actor!.id, userName: ctx.actor!.name, at: ctx.now, hlc };
    insertMovement(tx, row);
    ctx.recordChange('cash_movement', row.id, 'insert', row, hlc);
    ctx.audit({ action: `cash.${input.kind}`, recordType: 'cash_movement', recordId: row.id, details: { amount: input.amount, reason: input.reason } });
    if (ctx.settings.printerAddress) enqueuePrint(tx, ctx, 'cash_slip', row.id, LABEL[input.kind]);
    ctx.emit('cash.changed', { sessionId: session.id });
    return { id: input.id };
  },
});
