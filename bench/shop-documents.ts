import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pendingOrders } from '../src/database/queries/shop-documents.js';
import { readSettings } from '../src/database/queries/settings.js';
import { readTerminalIdentity } from '../src/database/queries/meta.js';
import { PUBLISH_BATCH } from '../src/sync/publish-documents.js';
import { daySummaryDocument, orderDocument } from '../src/sync/shop-documents.js';
import { compare, median, plainFigure, ratioFigure, type Figures } from './lib.js';
import { call, counter, fiveLineSale } from './sale.js';

const TRIGGERS = ['state_insert', 'state_update', 'order_lines', 'order_discounts', 'payments', 'refunds', 'order_events', 'renumbered'].map((t) => `publish_pending_${t}`);

/**
 * sale.publish_queue_overhead_ratio: what queueing a sale's order for its document on the shop's
 * server costs the sale: the five-line sale through the dispatcher with the queue's triggers against
 * the same counter without them (dropped), alternating in the same run.
 * sync.publish_batch_ms: the longest a sale can wait behind publishing — reading one batch (50
 * orders of a busy day and their day summary) into documents, with nothing awaited in between.
 */
export async function publishFigures(figures: Figures) {
  const dirs = [mkdtempSync(join(tmpdir(), 'balcao-bench-publish-')), mkdtempSync(join(tmpdir(), 'balcao-bench-nopublish-'))];
  const [queued, unqueued] = await Promise.all(dirs.map((dir) => counter(dir)));
  for (const trigger of TRIGGERS) unqueued!.app.db.exec(`DROP TRIGGER ${trigger}`);
  const sell = (shop: typeof queued) => () => call(shop!.app, 'orders.create', fiveLineSale(shop!), shop!.token);
  const samples = await compare(sell(queued), sell(unqueued), { rounds: 10, perRound: 50, warmup: 50 });
  const count = (shop: typeof queued) => shop!.app.db.prepare('SELECT count(*) FROM publish_pending').pluck().get() as number;
  if (count(queued) === 0 || count(unqueued) !== 0) throw new Error('a fila de publicação não foi mantida só de um lado');
  figures['sale.publish_queue_overhead_ratio'] = ratioFigure(samples.subject, samples.floor);

  const { db } = queued!.app;
  const { id, letter } = readTerminalIdentity(db);
  const settings = readSettings(db);
  const batch = () => {
    const pending = pendingOrders(db, PUBLISH_BATCH);
    const orders = pending.map((p) => orderDocument(db, p.orderId));
    const summaries = [...new Set(pending.map((p) => p.businessDay))].map((day) => daySummaryDocument(db, id, letter, day, settings));
    if (orders.length !== PUBLISH_BATCH || summaries.length === 0) throw new Error(`lote inesperado: ${orders.length} pedidos`);
  };
  const batches: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    batch();
    batches.push(performance.now() - start);
  }
  figures['sync.publish_batch_ms'] = plainFigure(median(batches.slice(5)), 'ms');
  for (const shop of [queued, unqueued]) shop!.app.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
