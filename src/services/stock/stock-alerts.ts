import type { Db } from '../../database/connection.js';
import { listItems, newestReceipts } from '../../database/queries/stock.js';
import { businessDay } from '../../utils/business-day.js';
import type { PrepareContext } from '../script.js';

/**
 * Items at or below their minimum, and received lots expiring within the set days that may still be
 * on the shelf: stock leaves oldest first, so the newest receipts that add up to what is on hand remain.
 */
export function stockAlerts(db: Db, ctx: Pick<PrepareContext, 'now' | 'settings'>) {
  const items = listItems(db, false);
  const limit = businessDay(ctx.now + ctx.settings.stockExpiryDays * 86_400_000, ctx.settings.timezone, '00:00');
  const expiring: { movementId: string; itemId: string; itemName: string; lot: string | null; expiry: string; remaining: number; baseUnit: 'un' | 'g' | 'ml' }[] = [];
  for (const item of items) {
    if (item.onHand <= 0) continue;
    let left = item.onHand;
    for (const receipt of newestReceipts(db, item.id)) {
      if (left <= 0) break;
      const remaining = Math.min(left, receipt.quantity);
      left -= remaining;
      if (receipt.expiry && receipt.expiry <= limit) {
        expiring.push({ movementId: receipt.id, itemId: item.id, itemName: item.name, lot: receipt.lot, expiry: receipt.expiry, remaining, baseUnit: item.baseUnit });
      }
    }
  }
  expiring.sort((a, b) => a.expiry.localeCompare(b.expiry));
  return { low: items.filter((item) => item.low), expiring, expiryDays: ctx.settings.stockExpiryDays };
}
