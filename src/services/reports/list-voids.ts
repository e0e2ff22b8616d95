import { voidsOf } from '../../database/queries/reports.js';
import { defineScript } from '../script.js';
import { previousPeriod, resolvePeriod } from './period.js';
import { REPORT_READERS } from './report-rules.js';

const totalsOf = (rows: ReturnType<typeof voidsOf>) => {
  const of = (kind: 'voided' | 'cancelled') => rows.filter((row) => row.kind === kind);
  const sum = (list: typeof rows) => list.reduce((total, row) => total + row.total, 0);
  return { voided: of('voided').length, voidedTotal: sum(of('voided')), cancelled: of('cancelled').length, cancelledTotal: sum(of('cancelled')) };
};

/** Voids (paid orders undone, refunded) and cancellations (unpaid orders dropped) of the period's orders. */
export default defineScript('reports.voids', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(tx, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const before = previousPeriod(period);
    const rows = voidsOf(tx, period.from, period.to);
    return { period, previousPeriod: before, rows, totals: totalsOf(rows), previousTotals: totalsOf(voidsOf(tx, before.from, before.to)) };
  },
});
