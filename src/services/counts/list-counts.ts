import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';

export default defineScript('counts.list', {
  roles: STOCK_ROLES,
  readOnly: true,
  run: (tx) =>
    sql<[], { id: string; startedAt: number; startedByName: string; closedAt: number | null }>(
      tx,
      `SELECT c.id, c.started_at AS startedAt, c.started_by_name AS startedByName, k.closed_at AS closedAt
       FROM counts c LEFT JOIN count_closings k ON k.count_id = c.id ORDER BY c.started_at DESC LIMIT 50`,
    )
      .all()
      .map((c) => ({ ...c, status: c.closedAt === null ? ('open' as const) : ('closed' as const) })),
});
