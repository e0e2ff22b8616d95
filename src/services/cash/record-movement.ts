import { expectedBySession, insertMovement, openSession } from '../../database/queries/cash.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { consumeOverride, type Approval } from '../overrides.js';
import { enqueuePrint } from '../printing/print-queue.js';
import { defineScript } from '../script.js';
import { sangriaNeedsManager } from '../user-policy.js';

const LABEL = { suprimento: 'Suprimento', sangria: 'Sangria' } as const;

export default defineScript('cash.movement', {
  roles: ['admin', 'manager', 'cashier'],
  retry: { key: (input) => `cash_movement:${input.id}`, conflict: { message: 'Esta movimentação já foi registrada com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    const session = openSession(tx, ctx.terminal.id);
    if (!session) throw new BusinessError('CASH_CLOSED', 'O caixa deste terminal está fechado.');
    const actor = ctx.actor!;
    let approval: Approval | null = null;
    if (input.kind === 'sangria') {
      // The drawer cannot give what it does not hold. The expected amount stays unsaid: the close is a blind count.
      if (input.amount > expectedBySession(tx, session).cash.expected) {
        throw new BusinessError('CASH_INSUFFICIENT', 'A sangria é maior que o dinheiro que deveria estar na gaveta. Confira o valor.', 'amount');
      }
      if (sangriaNeedsManager(actor.role, input.amount, ctx.settings.sangriaManagerLimit)) {
        approval = consumeOverride(tx, ctx, input.overrideToken, { operation: 'cash.movement', recordId: input.id });
      }
    }
    const hlc = ctx.stamp();
    const row = { id: input.id, sessionId: session.id, kind: input.kind, amount: input.amount, reason: input.reason, userId: actor.id, userName: actor.name, at: ctx.now, hlc };
    insertMovement(tx, row);
    ctx.recordChange('cash_movement', row.id, 'insert', row, hlc);
    ctx.audit({
      action: `cash.${input.kind}`,
      recordType: 'cash_movement',
      recordId: row.id,
      ...(approval ? { approverId: approval.approverId, approverName: approval.approverName } : {}),
      details: { amount: input.amount, reason: input.reason },
    });
    if (ctx.settings.printerAddress) enqueuePrint(tx, ctx, 'cash_slip', row.id, LABEL[input.kind]);
    ctx.emit('cash.changed', { sessionId: session.id });
    return { id: input.id };
  },
});
