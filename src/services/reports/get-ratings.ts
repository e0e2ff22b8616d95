import { ratingsByDay, salesByDay } from '../../database/queries/reports.js';
import type { Db } from '../../database/connection.js';
import { defineScript } from '../script.js';
import { previousPeriod, resolvePeriod, type Period } from './period.js';
import { REPORT_READERS } from './report-rules.js';

const average = (sum: number, count: number): number | null => (count ? Math.round((sum / count) * 100) / 100 : null);

function ratingDays(db: Db, period: Period) {
  const days = new Map<string, { orders: number; net: number; ratings: number; sum: number }>();
  const day = (key: string) => days.get(key) ?? days.set(key, { orders: 0, net: 0, ratings: 0, sum: 0 }).get(key)!;
  for (const sold of salesByDay(db, period.from, period.to)) Object.assign(day(sold.day), { orders: sold.orders, net: sold.gross - sold.discount });
  for (const rated of ratingsByDay(db, period.from, period.to)) Object.assign(day(rated.day), { ratings: rated.ratings, sum: rated.sum });
  return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, d]) => ({ day: key, ...d }));
}

function totalsOf(days: ReturnType<typeof ratingDays>) {
  const sum = (field: 'orders' | 'net' | 'ratings' | 'sum') => days.reduce((total, d) => total + d[field], 0);
  return { orders: sum('orders'), net: sum('net'), ratings: sum('ratings'), average: average(sum('sum'), sum('ratings')) };
}

/** Customers' ratings per business day of the orders they rated, next to that day's sales. */
export default defineScript('reports.ratings', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(tx, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const before = previousPeriod(period);
    const days = ratingDays(tx, period);
    return {
      period,
      previousPeriod: before,
      days: days.map(({ sum, ...d }) => ({ ...d, average: average(sum, d.ratings) })),
      totals: totalsOf(days),
      previousTotals: totalsOf(ratingDays(tx, before)),
    };
  },
});
