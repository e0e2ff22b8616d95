import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { appendMovement } from '../stock-ledger.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';
import { countVariances, findCount, requireOpenCount } from './count-store.js';

export default defineScript('counts.close', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    const closed = findCount(tx, input.countId);
    if (closed?.closedAt) {
      const adjustments = sql<[string], { n: number; v: number }>(tx, 'SELECT count(*) AS n, coalesce(sum(value), 0) AS v FROM stock_movements WHERE count_id = ?').get(input.countId)!;
      return { countId: input.countId, adjustments: adjustments.n, totalVarianceValue: adjustments.v };
    }
    requireOpenCount(tx, input.countId);
    const { lines } = countVariances(tx, input.countId);
    let adjustments = 0;
    let total = 0;
    for (const line of lines) {
      if (line.variance === 0) continue;
      const { value } = appendMovement(tx, ctx, { itemId: line.itemId, kind: 'ajuste', quantity: line.variance, countId: input.countId, reason: 'inventário' });
      adjustments += 1;
      total += value;
    }
    const hlc = ctx.stamp();
    sql(tx, 'INSERT INTO count_closings (count_id, closed_by, closed_by_name, closed_at, hlc) VALUES (?, ?, ?, ?, ?)').run(input.countId, ctx.actor!.id, ctx.actor!.name, ctx.now, hlc);
    ctx.recordChange('count_closing', input.countId, 'insert', { countId: input.countId, closedBy: ctx.actor!.id, closedByName: ctx.actor!.name, closedAt: ctx.now }, hlc);
    ctx.audit({ action: 'counts.close', recordType: 'count', recordId: input.countId, details: { adjustments, totalVarianceValue: total } });
    ctx.emit('stock.changed', { itemIds: lines.map((l) => l.itemId) });
    return { countId: input.countId, adjustments, totalVarianceValue: total };
  },
});
