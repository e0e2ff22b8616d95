import { lossesBetween, stockValuation } from '../../database/queries/reports.js';
import { defineScript } from '../script.js';
import { periodBounds, previousPeriod, resolvePeriod } from './period.js';
import { REPORT_READERS } from './report-rules.js';

const NO_REASON = 'sem motivo';

/** The stock's value now (at the moving average) and the period's losses by reason, beside the period before. */
export default defineScript('reports.stock', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(tx, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const before = previousPeriod(period);
    const losses = lossesBetween(tx, ...periodBounds(period, ctx.settings));
    const previous = lossesBetween(tx, ...periodBounds(before, ctx.settings));
    const previousByReason = new Map(previous.map((loss) => [loss.reason, loss.value]));
    const items = stockValuation(tx);
    const totalOf = (list: typeof losses) => ({ count: list.reduce((sum, l) => sum + l.count, 0), value: list.reduce((sum, l) => sum + l.value, 0) });
    return {
      period,
      previousPeriod: before,
      stockValue: items.reduce((sum, item) => sum + item.value, 0),
      items,
      losses: losses.map((loss) => ({ ...loss, reason: loss.reason || NO_REASON, previousValue: previousByReason.get(loss.reason) ?? 0 })),
      lossTotals: totalOf(losses),
      previousLossTotals: totalOf(previous),
    };
  },
});
