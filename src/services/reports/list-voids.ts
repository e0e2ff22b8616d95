import { voidsOf } from '../../database/queries/reports.js';
import { defineScript } from '../script.js';
import { previousPeriod, resolvePeriod } from './period.js';
import { REPORT_READERS } from './report-rules.js';
import { voidTotals } from './report-totals.js';

/** Voids (paid orders undone, refunded) and cancellations (unpaid orders dropped) of the period's orders. */
export default defineScript('reports.voids', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(tx, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const before = previousPeriod(period);
    const rows = voidsOf(tx, period.from, period.to);
    return { period, previousPeriod: before, rows, totals: voidTotals(rows), previousTotals: voidTotals(voidsOf(tx, before.from, before.to)) };
  },
});
