import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBusyYear, type BusyYearOptions } from './busy-year.js';
import { compare, median, p99Figure, plainFigure, ratioFigure, saleBeside, timeRuns, type Figures } from './lib.js';
import { call, counter, fiveLineSale } from './sale.js';

/**
 * Over a busy shop's year (250,000 orders, 1,000,000 lines, 3,000,000 stock movements):
 * reports.month_ms and reports.year_ms, the sales-by-product report of the last month and of the
 * whole year through the dispatcher (with the previous period beside it, as the screen asks), read
 * in the read pool's worker; sale.during_report_p99_ms, a sale asked for a moment after a year
 * report, while it runs, against the same sale alone in the same run (its floor).
 */
export async function reportFigures(figures: Figures, options: BusyYearOptions = {}) {
  const shop = await openBusyYear('balcao-bench-reports-', options);
  try {
    const { year } = shop;
    const lastMonth = { from: `${year.lastDay.slice(0, 7)}-01`, to: year.lastDay };
    const wholeYear = { from: year.firstDay, to: year.lastDay };
    const report = (period: { from: string; to: string }) => shop.ask('reports.sales', { period, by: 'product' }, shop.admin);
    await timeRuns(() => report(lastMonth), 3);
    const month = await timeRuns(() => report(lastMonth), 30);
    const yearSamples = await timeRuns(() => report(wholeYear), 15);
    const yearTotals = (await report(wholeYear)).totals;
    if (yearTotals.orders < year.counts.orders! * 0.9) throw new Error(`o relatório do ano viu ${yearTotals.orders} pedidos de ${year.counts.orders}`);
    await timeRuns(shop.sale, 20);
    const { alone, during } = await saleBeside(shop.sale, () => report(wholeYear), 400);
    figures['reports.month_ms'] = plainFigure(median(month), 'ms');
    figures['reports.year_ms'] = plainFigure(median(yearSamples), 'ms');
    figures['sale.during_report_p99_ms'] = p99Figure(during, alone);
  } finally {
    shop.close();
  }
}

/**
 * sale.summary_overhead_ratio: what keeping the sales summaries costs a sale. The five-line sale with
 * recipes through the dispatcher, on a counter with the summary triggers against the same counter
 * without them (dropped), alternating in the same run.
 */
export async function summaryOverhead(figures: Figures) {
  const dirs = [mkdtempSync(join(tmpdir(), 'balcao-bench-summary-')), mkdtempSync(join(tmpdir(), 'balcao-bench-nosummary-'))];
  const [withSummary, without] = await Promise.all(dirs.map((dir) => counter(dir, { recipes: true })));
  for (const trigger of ['sold_products_state_insert', 'sold_products_state_update', 'sold_products_late_line']) without!.app.db.exec(`DROP TRIGGER ${trigger}`);
  const sell = (shop: typeof withSummary) => async () => {
    const sale = await call(shop!.app, 'orders.create', fiveLineSale(shop!), shop!.token);
    if (sale.change !== 700) throw new Error(`troco inesperado: ${sale.change}`);
  };
  const samples = await compare(sell(withSummary), sell(without), { rounds: 10, perRound: 50, warmup: 50 });
  const summed = withSummary!.app.db.prepare('SELECT count(*) FROM sold_products').pluck().get() as number;
  if (summed === 0 || (without!.app.db.prepare('SELECT count(*) FROM sold_products').pluck().get() as number) !== 0) throw new Error('os resumos não foram mantidos só de um lado');
  figures['sale.summary_overhead_ratio'] = ratioFigure(samples.subject, samples.floor);
  for (const shop of [withSummary, without]) shop!.app.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
