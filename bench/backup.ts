import { statSync } from 'node:fs';
import { openBusyYear, type BusyYearOptions } from './busy-year.js';
import { p99Figure, plainFigure, timeRuns, type Figures } from './lib.js';

/** A counter's pace at a rush: a sale every few tens of milliseconds, not back to back. */
const BETWEEN_SALES_MS = 20;

/**
 * backup.ms: "Fazer backup agora" on a busy year (2 GB; bench/busy-year.ts), from the click to the
 * copy checked and listed (backup.copy_ms: the online copy to its last percent, before the integrity check).
 * sale.during_backup_p99_ms: the counter selling all the while, against the same sale alone on the
 * same database just before and just after (its floor).
 */
export async function backupFigures(figures: Figures, options: BusyYearOptions = {}) {
  const shop = await openBusyYear('balcao-bench-backup-', options);
  try {
    await timeRuns(shop.sale, 20);
    const before = await timeRuns(shop.sale, 400);
    const started = performance.now();
    let copied = Number.NaN;
    const unsubscribe = shop.app.events.subscribe((event) => {
      // Shown at each whole percent: the last one is the copy's last step, then the check runs.
      if (event.type === 'backups.progress') copied = performance.now() - started;
    });
    let done = false;
    const backup = shop.app.backups.runManual().finally(() => (done = true));
    const during: number[] = [];
    while (!done) {
      during.push(...(await timeRuns(shop.sale, 1)));
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_SALES_MS));
    }
    const entry = await backup;
    const elapsed = performance.now() - started;
    unsubscribe();
    const after = await timeRuns(shop.sale, 400);
    // A whole copy: at least the size of the year it was taken from.
    const { size } = statSync(shop.year.file);
    if (entry.bytes < size * 0.9) throw new Error(`o backup tem ${entry.bytes} bytes de um banco de ${size}`);
    figures['backup.ms'] = plainFigure(elapsed, 'ms');
    figures['backup.copy_ms'] = plainFigure(copied, 'ms');
    figures['sale.during_backup_p99_ms'] = p99Figure(during, [...before, ...after]);
  } finally {
    shop.close();
  }
}
