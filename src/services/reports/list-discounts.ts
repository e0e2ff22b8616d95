import { discountsOf } from '../../database/queries/reports.js';
import { defineScript } from '../script.js';
import { previousPeriod, resolvePeriod } from './period.js';
import { REPORT_READERS } from './report-rules.js';
import { discountTotals } from './report-totals.js';

/**
 * Every discount given on the period's orders, with who gave it and who approved it. Discounts of
 * voided or cancelled orders are listed (with the order's status) but left out of the totals, as the
 * sales they were given on are. An order's % discount shows the amount it took when it was given.
 */
export default defineScript('reports.discounts', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(tx, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const before = previousPeriod(period);
    const rows = discountsOf(tx, period.from, period.to);
    return {
      period,
      previousPeriod: before,
      rows: rows.map(({ counted: _counted, ...row }) => row),
      totals: discountTotals(rows),
      previousTotals: discountTotals(discountsOf(tx, before.from, before.to)),
    };
  },
});
