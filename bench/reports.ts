import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { DATABASE_FILE } from '../src/database/data-dir.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { buildBusyYear, type BusyYearOptions } from './busy-year.js';
import { compare, median, percentile, plainFigure, ratioFigure, type Figures } from './lib.js';
import { call, counter, fiveLineSale } from './sale.js';

/**
 * Over a busy shop's year (250,000 orders, 1,000,000 lines, 3,000,000 stock movements):
 * reports.month_ms and reports.year_ms, the sales-by-product report of the last month and of the
 * whole year through the dispatcher (with the previous period beside it, as the screen asks);
 * sale.during_report_p99_ms, a sale asked for while a year report is running, to compare with
 * sale.p99_ms (the same shop's sales with nothing else going on: sale.busy_year_p99_ms).
 */
export async function reportFigures(figures: Figures, options: BusyYearOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-reports-'));
  const year = await buildBusyYear(join(dir, DATABASE_FILE), options);
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, webhooks: { autoStart: false } });
  const ask = (operation: string, input: unknown, token?: string) => call(app, operation, input, token);
  const admin = (await ask('auth.login', year.admin)).token as string;
  const lastMonth = { from: `${year.lastDay.slice(0, 7)}-01`, to: year.lastDay };
  const wholeYear = { from: year.firstDay, to: year.lastDay };
  const report = (period: { from: string; to: string }) => ask('reports.sales', { period, by: 'product' }, admin);

  const timed = async (fn: () => Promise<unknown>, runs: number) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    return samples;
  };
  await timed(() => report(lastMonth), 3);
  const month = await timed(() => report(lastMonth), 30);
  const yearSamples = await timed(() => report(wholeYear), 15);
  const yearTotals = (await report(wholeYear)).totals;
  if (yearTotals.orders < year.counts.orders! * 0.9) throw new Error(`o relatório do ano viu ${yearTotals.orders} pedidos de ${year.counts.orders}`);

  // Sales on this busy database, alone and while a year report runs.
  const cashier = (await ask('auth.login', year.cashier)).token as string;
  await ask('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  const lines = () => year.productIds.slice(0, 5).map((productId) => ({ id: newId(), productId, quantity: 1 }));
  // Priced once, so every sale pays its total in cash with change.
  const { total } = await ask('orders.create', { id: newId(), type: 'balcao', lines: lines() }, cashier);
  const fullSale = () => ask('orders.create', { id: newId(), type: 'balcao', lines: lines(), payments: [{ id: newId(), method: 'cash', tendered: total + 500 }] }, cashier);
  await timed(fullSale, 20);
  const alone = await timed(fullSale, 200);
  const during: number[] = [];
  for (let i = 0; i < 100; i++) {
    // The manager asks for the year; a moment later the counter sells.
    const running = report(wholeYear);
    const start = performance.now();
    await new Promise<void>((resolve) => setImmediate(resolve));
    await fullSale();
    during.push(performance.now() - start);
    await running;
  }
  figures['reports.month_ms'] = plainFigure(median(month), 'ms');
  figures['reports.year_ms'] = plainFigure(median(yearSamples), 'ms');
  figures['sale.busy_year_p99_ms'] = plainFigure(percentile(alone, 99), 'ms');
  figures['sale.during_report_p99_ms'] = plainFigure(percentile(during, 99), 'ms');
  app.close();
  rmSync(dir, { recursive: true, force: true });
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
