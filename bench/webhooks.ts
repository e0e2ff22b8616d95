import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, plainFigure, ratioFigure, type Figures } from './lib.js';
import { call, counter, fiveLineSale } from './sale.js';

async function receiver() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => received,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * sale.webhook_overhead_ratio: the same five-line sale on a shop with three endpoints subscribed to
 * order.created and order.paid (the queued events written in the sale's transaction) vs a shop with none.
 * The worker turns them into deliveries after the sales, and every one of them is counted.
 */
export async function webhookOverhead(figures: Figures) {
  const dirs = [mkdtempSync(join(tmpdir(), 'balcao-bench-wh-')), mkdtempSync(join(tmpdir(), 'balcao-bench-wh0-'))];
  const subscribed = await counter(dirs[0]!, { webhooks: true });
  const plain = await counter(dirs[1]!, { webhooks: true });
  const admin = (await call(subscribed.app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token;
  for (let i = 0; i < 3; i++) {
    await call(subscribed.app, 'webhooks.create', { url: `https://integracao-${i}.example.com/balcao`, events: ['order.created', 'order.paid'] }, admin);
  }
  const samples = await compare(
    () => call(subscribed.app, 'orders.create', fiveLineSale(subscribed), subscribed.token),
    () => call(plain.app, 'orders.create', fiveLineSale(plain), plain.token),
    { rounds: 10, perRound: 100, warmup: 100 },
  );
  subscribed.app.webhooks.expandQueue();
  const queued = subscribed.app.db.prepare('SELECT count(*) FROM webhook_deliveries').pluck().get() as number;
  if (queued !== 6 * 1100) throw new Error(`esperava ${6 * 1100} entregas na fila, há ${queued}`);
  figures['sale.webhook_overhead_ratio'] = ratioFigure(samples.subject, samples.floor);
  for (const shop of [subscribed, plain]) shop.app.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** webhooks.deliveries_per_s: signed deliveries to a receiver on loopback, from a queue of 2,000. */
export async function webhookThroughput(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-whd-'));
  const shop = await counter(dir, { webhooks: true });
  const target = await receiver();
  const admin = (await call(shop.app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token;
  const { id } = await call(shop.app, 'webhooks.create', { url: `${target.url}/hook`, events: ['order.paid'] }, admin);
  for (let i = 0; i < 2000; i++) await call(shop.app, 'webhooks.test', { id }, admin);
  const start = performance.now();
  while (target.count() < 2000) await shop.app.webhooks.tick();
  const seconds = (performance.now() - start) / 1000;
  figures['webhooks.deliveries_per_s'] = plainFigure(2000 / seconds, 'deliveries/s');
  target.close();
  shop.app.close();
  rmSync(dir, { recursive: true, force: true });
}
