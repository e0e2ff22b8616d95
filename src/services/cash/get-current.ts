import { openSession, sessionMovements } from '../../database/queries/cash.js';
import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { sessionInfo } from './cash-report.js';

export default defineScript('cash.current', {
  roles: ['admin', 'manager', 'cashier'],
  readOnly: true,
  run(tx, _input, ctx) {
    const session = openSession(tx, ctx.terminal.id);
    if (!session) return { session: null, orders: 0, movements: [] };
    const orders = sql<[string], { n: number }>(tx, 'SELECT count(*) AS n FROM orders WHERE cash_session_id = ?').get(session.id)!.n;
    return { session: sessionInfo(tx, session), orders, movements: sessionMovements(tx, session.id) };
  },
});
