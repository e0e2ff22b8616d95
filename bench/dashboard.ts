import { basename, dirname } from 'node:path';
import { createApp } from '../src/app.js';
import { DATABASE_FILE } from '../src/database/data-dir.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { median, percentile, plainFigure, type Figures } from './lib.js';

/** Who signs in on the measured database: the admin every bench and generator sets the shop up with. */
const ADMIN = { name: 'Ana Admin', pin: '480135' };

/**
 * dashboard.ms: the median of `reports.dashboard` through the dispatcher, on a database a shop has
 * filled (a busy year, from bench/busy-year.ts). dashboard.sale_p99_ms and dashboard.sale_alone_p99_ms:
 * a sale asked for at the moment the dashboard is (it waits behind the read on the one thread), and
 * the same sale alone, so the cost the dashboard adds to a sale reads as their difference.
 * `file` is the database file, named as the app names it (balcao.sqlite3); it gets one product, a
 * caixa if none is open, and the bench's sales.
 */
export async function dashboardFigures(figures: Figures, file: string, { rounds = 50, sales = 200 } = {}) {
  if (basename(file) !== DATABASE_FILE) throw new Error(`O banco medido deve se chamar ${DATABASE_FILE} (recebi ${file}).`);
  const app = await createApp({ dataDir: dirname(file), logger: new MemoryLogger().logger, webhooks: { autoStart: false }, sync: { autoStart: false } });
  const call = async (operation: string, input: unknown, token?: string) => {
    const outcome = await app.dispatcher.dispatch(operation, input, token);
    if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
    return outcome.result as any;
  };
  try {
    const { token } = await call('auth.login', ADMIN);
    const dashboard = () => call('reports.dashboard', {}, token);
    await dashboard(); // statements compiled, pages in the cache: what a manager's second look costs

    const reads: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      await dashboard();
      reads.push(performance.now() - start);
    }

    const product = newId();
    await call('catalog.saveProduct', { id: product, name: 'Bancada painel', code: `BP-${product.slice(-6)}`, price: 1500 }, token);
    if (!(await call('cash.current', {}, token)).session) await call('cash.open', { id: newId(), openingFloat: 10_000 }, token);
    const sale = () => call('orders.create', { id: newId(), type: 'balcao', lines: [{ id: newId(), productId: product, quantity: 1 }], payments: [{ id: newId(), method: 'debit', amount: 1500 }] }, token);
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const alone: number[] = [];
    const behind: number[] = [];
    for (let i = 0; i < sales; i++) {
      alone.push(await timed(sale));
      // Sale and dashboard asked at the same moment, the dashboard first: its read runs at once on the
      // one thread, and the sale's clock runs meanwhile. The worst moment for the sale.
      behind.push(await timed(() => Promise.all([dashboard(), sale()])));
    }
    figures['dashboard.ms'] = plainFigure(median(reads), 'ms');
    figures['dashboard.sale_p99_ms'] = plainFigure(percentile(behind, 99), 'ms');
    figures['dashboard.sale_alone_p99_ms'] = plainFigure(percentile(alone, 99), 'ms');
  } finally {
    app.close();
  }
}
