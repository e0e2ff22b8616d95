import { openBusyYear, type BusyYearOptions } from './busy-year.js';
import { median, p99Figure, plainFigure, saleBeside, timeRuns, type Figures } from './lib.js';

/**
 * dashboard.ms: the median of `reports.dashboard` through the dispatcher (and the read pool's
 * worker) on a busy year (bench/busy-year.ts). sale.during_dashboard_p99_ms: a sale asked for a
 * moment after the dashboard, while it is read, against the same sale alone in the same run (floor).
 */
export async function dashboardFigures(figures: Figures, options: BusyYearOptions & { rounds?: number; sales?: number } = {}) {
  const { rounds = 50, sales = 400, ...year } = options;
  const shop = await openBusyYear('balcao-bench-dashboard-', year);
  try {
    const dashboard = () => shop.ask('reports.dashboard', {}, shop.admin);
    const first = await dashboard(); // the worker started, statements compiled, pages in the cache
    if (first.today.orders < 300 || first.lastWeek.orders < 300) throw new Error(`o painel viu ${first.today.orders} pedidos hoje e ${first.lastWeek.orders} na semana passada`);
    const reads = await timeRuns(dashboard, rounds);
    await timeRuns(shop.sale, 20);
    const { alone, during } = await saleBeside(shop.sale, dashboard, sales);
    figures['dashboard.ms'] = plainFigure(median(reads), 'ms');
    figures['sale.during_dashboard_p99_ms'] = p99Figure(during, alone);
  } finally {
    shop.close();
  }
}
