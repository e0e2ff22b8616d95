import { defineScript } from '../script.js';
import { previousPeriod, resolvePeriod } from './period.js';
import { REPORT_READERS } from './report-rules.js';
import { salesRows } from './sales-report.js';

/**
 * Sales of a period of business days grouped one way, beside the period before it. Only counted
 * sales (paid, not voided or cancelled) are summed; voids and cancellations have their own report.
 */
export default defineScript('reports.sales', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(db, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const before = previousPeriod(period);
    const current = salesRows(db, period, input.by, ctx.settings.timezone);
    const previous = salesRows(db, before, input.by, ctx.settings.timezone);
    const previousByKey = new Map(previous.rows.map(({ key, label: _label, ...figures }) => [key, figures]));
    return {
      period,
      previousPeriod: before,
      by: input.by,
      rows: current.rows.map((row) => ({ ...row, previous: previousByKey.get(row.key) ?? null })),
      totals: current.totals,
      previousTotals: previous.totals,
    };
  },
});
