import { setImmediate as yieldToSales } from 'node:timers/promises';
import type { Db } from '../database/connection.js';
import { readTerminalIdentity } from '../database/queries/meta.js';
import { readSettings } from '../database/queries/settings.js';
import { clearPublished, pendingOrders } from '../database/queries/shop-documents.js';
import { daySummaryDocument, orderDocument, type OrderDocument } from './shop-documents.js';
import type { SyncStore } from './sync-store.js';

/** Orders written per request: a sale waits at most for the reading of one batch. */
export const PUBLISH_BATCH = 50;

/**
 * Publishes this terminal's stale orders and the day summaries they belong to, a batch at a time,
 * and unqueues each batch once the server took it. A failure leaves the batch queued for the next
 * round; publishing it again rewrites the same documents. Returns how many orders went out.
 */
export async function publishPending(db: Db, store: SyncStore, batch = PUBLISH_BATCH): Promise<number> {
  let published = 0;
  for (;;) {
    const pending = pendingOrders(db, batch);
    if (pending.length === 0) return published;
    // Read in one go, with nothing awaited in between: the documents and the summaries agree.
    const { id: terminalId, letter } = readTerminalIdentity(db);
    const settings = readSettings(db);
    const orders = pending.map((p) => orderDocument(db, p.orderId)).filter((doc): doc is OrderDocument => doc !== null);
    const days = [...new Set(pending.map((p) => p.businessDay))].sort();
    const daySummaries = days.map((day) => daySummaryDocument(db, terminalId, letter, day, settings));
    await store.publish({ orders, daySummaries });
    clearPublished(db, pending);
    published += pending.length;
    await yieldToSales();
  }
}
