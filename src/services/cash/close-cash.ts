import { expectedBySession, findClosing, findSession, insertClosing } from '../../database/queries/cash.js';
import { readAuditHead } from '../../database/queries/audit.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { PaymentMethod } from '../../models/money.js';
import { defineScript } from '../script.js';
import { buildCashReport } from './cash-report.js';

/**
 * Closes with a blind count: the cashier types what is in the drawer per method without seeing what
 * is expected; the answer shows expected, counted and the difference. A closed caixa never changes.
 */
export default defineScript('cash.close', {
  roles: ['admin', 'manager', 'cashier'],
  run(tx, input, ctx) {
    const session = findSession(tx, input.sessionId);
    if (!session || session.terminalId !== ctx.terminal.id) throw new BusinessError('NOT_FOUND', 'Caixa não encontrado neste terminal.', 'sessionId');
    if (findClosing(tx, session.id)) return buildCashReport(tx, session);
    // Named, so the cashier finds them (F3 or Pedidos list open orders of any day).
    const open = tx
      .prepare<[string], string>(
        "SELECT o.display_number FROM orders o JOIN order_state s ON s.order_id = o.id WHERE o.cash_session_id = ? AND s.paid_at IS NULL AND s.status NOT IN ('cancelled', 'voided') ORDER BY o.created_at",
      )
      .pluck()
      .all(session.id);
    if (open.length > 0) {
      throw new BusinessError(
        'INVALID_STATE',
        `Há ${open.length} pedido(s) em aberto neste caixa (${open.join(', ')}): receba ou cancele em Pedidos ou no F3 antes de fechar.`,
        'sessionId',
        { openOrders: open.length, numbers: open },
      );
    }
    const { methods } = expectedBySession(tx, session);
    const expected = Object.fromEntries(methods.map((m) => [m.method, m.expected])) as Record<PaymentMethod, number>;
    // Audited before the closing is stored, so the audit head kept with the Z covers the close itself.
    ctx.audit({
      action: 'cash.close',
      recordType: 'cash_session',
      recordId: session.id,
      details: { differences: Object.fromEntries(methods.map((m) => [m.method, input.counted[m.method] - m.expected])) },
    });
    const head = readAuditHead(tx)!;
    const hlc = ctx.stamp();
    const closing = {
      sessionId: session.id,
      closedBy: ctx.actor!.id,
      closedByName: ctx.actor!.name,
      closedAt: ctx.now,
      counted: input.counted,
      expected,
      auditSeq: head.seq,
      auditHash: head.hash,
    };
    insertClosing(tx, { ...closing, hlc });
    ctx.recordChange('cash_closing', session.id, 'insert', closing, hlc);
    const report = buildCashReport(tx, session);
    ctx.emit('cash.changed', { sessionId: session.id });
    ctx.webhook('cash.closed', { sessionId: session.id, terminal: report.session.terminalLetter, closedBy: ctx.actor!.name, methods: report.methods, cash: report.cash, orders: report.orders });
    // The head printed on the Z is also kept beside the database.
    ctx.afterCommit(() => ctx.auditHeadFile?.checkpoint(ctx.db, ctx.now));
    // The day's takings are in: a copy of the database, taken once this close has committed.
    ctx.afterCommit(() => ctx.backups?.afterClose());
    return report;
  },
});
