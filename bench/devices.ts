import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretsOf } from '../src/database/secret-store.js';
import { createHttpBridge } from '../src/ipc/http-server.js';
import { shopCertificate } from '../src/ipc/shop-certificate.js';
import { chromium } from '@playwright/test';
import { compare, median, plainFigure, ratioFigure, type Figures } from './lib.js';
import { call, counter, fiveLineSale } from './sale.js';

const SCREENS = 4;

/** A bench counter with its shop-network listener (HTTPS on loopback) and a way to pair kitchen screens. */
async function counterOnTheShopNetwork(dir: string) {
  const shop = await counter(dir);
  const admin = (await call(shop.app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token as string;
  const tls = await shopCertificate(secretsOf(shop.app.db), '127.0.0.1', 'bancada.local');
  const lan = createHttpBridge(shop.app, { tls, shopNetworkHosts: ['127.0.0.1'] });
  await new Promise<void>((resolve) => lan.listen(0, '127.0.0.1', resolve));
  const { port } = lan.address() as AddressInfo;
  /** Pairs a kitchen screen; returns its token. */
  const pairKitchen = async (label: string): Promise<string> => {
    const asked = await call(shop.app, 'devices.requestPairing', {});
    await call(shop.app, 'devices.confirmPairing', { code: asked.code, kind: 'kitchen', label }, admin);
    return asked.token as string;
  };
  const close = () => {
    lan.closeAllConnections();
    lan.close();
    shop.app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { shop, tls, port, pairKitchen, close };
}

/**
 * sale.with_screens_ratio: the five-line sale on a counter whose shop network has four paired kitchen
 * screens listening (each hears the sale's events over HTTPS), against the same sale on an identical
 * counter with none (its floor), in alternating rounds of one run. The goal is ≤ 1.1: the counter never
 * waits on its screens.
 */
export async function saleWithScreens(figures: Figures) {
  const lan = await counterOnTheShopNetwork(mkdtempSync(join(tmpdir(), 'balcao-bench-screens-')));
  const aloneDir = mkdtempSync(join(tmpdir(), 'balcao-bench-noscreens-'));
  const [withScreens, alone] = [lan.shop, await counter(aloneDir)];

  let heard = 0;
  const streams: IncomingMessage[] = [];
  for (let i = 0; i < SCREENS; i++) {
    const token = await lan.pairKitchen(`Tela ${i}`);
    streams.push(
      await new Promise<IncomingMessage>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: lan.port, path: `/api/events?token=${token}`, ca: lan.tls.ca, servername: 'bancada.local' }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`canal ao vivo recusado: HTTP ${res.statusCode}`));
          res.on('data', (chunk: Buffer) => (heard += (chunk.toString().match(/event: kitchen\.changed/g) ?? []).length));
          resolve(res);
        });
        req.on('error', reject);
        req.end();
      }),
    );
  }

  const samples = await compare(
    () => call(withScreens.app, 'orders.create', fiveLineSale(withScreens), withScreens.token),
    () => call(alone.app, 'orders.create', fiveLineSale(alone), alone.token),
    { rounds: 10, perRound: 100, warmup: 100 },
  );
  // Honesty check: the screens did hear the sales (they hear them after the counter's answers, so wait a little).
  for (let wait = 0; wait < 40 && heard < SCREENS * 1000; wait++) await new Promise((resolve) => setTimeout(resolve, 250));
  if (heard < SCREENS * 1000) throw new Error(`as telas ouviram só ${heard} vendas`);
  figures['sale.with_screens_ratio'] = ratioFigure(samples.subject, samples.floor);

  for (const stream of streams) stream.destroy();
  lan.close();
  alone.app.close();
  rmSync(aloneDir, { recursive: true, force: true });
}

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const LATENCY_SALES = 200;

/**
 * lan.event_latency_ms: from a sale's commit to its event reaching a paired kitchen screen in Chromium over
 * the shop network's HTTPS (median of 200 sales, a pause between them as at a real counter). Both ends read
 * the same wall clock in milliseconds since the epoch (high resolution on both sides). Goal: ≤ 100 ms.
 */
export async function lanEventLatency(figures: Figures) {
  const lan = await counterOnTheShopNetwork(mkdtempSync(join(tmpdir(), 'balcao-bench-lan-')));
  const { shop } = lan;
  const origin = `https://127.0.0.1:${lan.port}`;
  const token = await lan.pairKitchen('Tela');

  // The commit's moment: the first listener of the live channel runs right after the transaction commits.
  const committed: number[] = [];
  shop.app.events.subscribe((event) => {
    if (event.type === 'kitchen.changed') committed.push(performance.timeOrigin + performance.now());
  });
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
    await page.goto(`${origin}/api/contract`);
    await page.evaluate(`new Promise((resolve) => {
      window.heard = [];
      const source = new EventSource('/api/events?token=${token}');
      source.addEventListener('kitchen.changed', () => window.heard.push(performance.timeOrigin + performance.now()));
      source.onopen = () => resolve();
    })`);
    for (let i = 0; i < LATENCY_SALES; i++) {
      await call(shop.app, 'orders.create', fiveLineSale(shop), shop.token);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await page.waitForFunction(`window.heard.length >= ${LATENCY_SALES}`);
    const heard = (await page.evaluate('window.heard')) as number[];
    figures['lan.event_latency_ms'] = plainFigure(median(heard.map((at, i) => at - committed[i]!)), 'ms');
  } finally {
    await browser.close();
    lan.close();
  }
}

const LISTENERS = 10;

/**
 * sale.with_listeners_ratio: the five-line sale on a counter in browser mode with ten live streams open
 * (the screens of the shop's computers, in another process as browsers are, each hearing every sale),
 * against an identical counter with none. Each sale is its own turn of the event loop, as calls arriving
 * over HTTP or IPC are, so whatever the counter does for its listeners after answering is paid by the
 * next sale. The goal is ≤ 1.1.
 */
export async function saleWithListeners(figures: Figures) {
  const dirs = [mkdtempSync(join(tmpdir(), 'balcao-bench-listeners-')), mkdtempSync(join(tmpdir(), 'balcao-bench-nolisteners-'))];
  const [listened, alone] = [await counter(dirs[0]!), await counter(dirs[1]!)];
  const bridge = createHttpBridge(listened.app);
  await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve));
  const script = fileURLToPath(new URL('./live-listeners.js', import.meta.url));
  const child = spawn(process.execPath, [script, String((bridge.address() as AddressInfo).port), listened.token, String(LISTENERS), 'orders.changed'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  for (let open = 0; open < LISTENERS; ) if ((await lines.next()).value === 'open') open++;

  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const timed = async (sale: () => Promise<unknown>) => {
    await turn();
    const start = performance.now();
    await sale();
    return performance.now() - start;
  };
  // Sale by sale, alternating, so both meet the same moment of a busy machine.
  const samples = { subject: [] as number[], floor: [] as number[] };
  const sales = 1100;
  for (let i = 0; i < sales; i++) {
    const subject = await timed(() => call(listened.app, 'orders.create', fiveLineSale(listened), listened.token));
    const floor = await timed(() => call(alone.app, 'orders.create', fiveLineSale(alone), alone.token));
    if (i >= 100) samples.subject.push(subject), samples.floor.push(floor);
  }
  // Honesty check: every listener heard every sale.
  let heard = 0;
  for (let wait = 0; wait < 40 && heard < LISTENERS * sales; wait++) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    child.stdin!.write('?\n');
    heard = Number(String((await lines.next()).value).split(' ')[1]);
  }
  if (heard < LISTENERS * sales) throw new Error(`os ${LISTENERS} canais ouviram só ${heard} de ${LISTENERS * sales} vendas`);
  figures['sale.with_listeners_ratio'] = ratioFigure(samples.subject, samples.floor);

  child.kill();
  bridge.closeAllConnections();
  bridge.close();
  for (const shop of [listened, alone]) shop.app.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
