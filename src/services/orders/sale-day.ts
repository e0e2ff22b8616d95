import type { Db } from '../../database/connection.js';
import { lastNumberedDay } from '../../database/queries/orders.js';
import { businessDay } from '../../utils/business-day.js';
import type { PrepareContext } from '../script.js';

/**
 * The business day this terminal sells in: the clock's, but never a day before one it has already
 * numbered sales in. A terminal whose clock ran ahead and was then corrected keeps selling in the day
 * it reached, numbers going on from there, rather than reopening a day and repeating A-001 in the
 * same shift; a shop at lunch keeps selling and nothing has to be fixed by hand.
 */
export function terminalBusinessDay(db: Db, ctx: Pick<PrepareContext, 'now' | 'settings' | 'terminal'>): string {
  const byClock = businessDay(ctx.now, ctx.settings.timezone, ctx.settings.businessDayStartsAt);
  const reached = lastNumberedDay(db, ctx.terminal.id);
  return reached !== undefined && reached > byClock ? reached : byClock;
}
