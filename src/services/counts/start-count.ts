import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';
import { countView, findCount } from './count-store.js';

export default defineScript('counts.start', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    const existing = findCount(tx, input.id);
    if (existing) return countView(tx, existing);
    const hlc = ctx.stamp();
    sql(tx, 'INSERT INTO counts (id, started_by, started_by_name, started_at, hlc) VALUES (?, ?, ?, ?, ?)').run(input.id, ctx.actor!.id, ctx.actor!.name, ctx.now, hlc);
    ctx.recordChange('count', input.id, 'insert', { id: input.id, startedBy: ctx.actor!.id, startedByName: ctx.actor!.name, startedAt: ctx.now }, hlc);
    ctx.audit({ action: 'counts.start', recordType: 'count', recordId: input.id });
    return countView(tx, findCount(tx, input.id)!);
  },
});
