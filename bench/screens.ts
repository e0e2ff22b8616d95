import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createApp } from '../src/app.js';
import { createHttpBridge } from '../src/ipc/http-server.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { openBusyYear } from './busy-year.js';
import { median, plainFigure, projectRoot, type Figures } from './lib.js';
import { call } from './sale.js';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const RENDERER = join(projectRoot(), 'build', 'renderer');
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'];
/** Loads per page: the first warms the server and is not counted. */
const LOADS = 8;
/** Orders on the kitchen's screen and the board while they load: a busy lunch. */
const OPEN_ORDERS = 30;

/** Serves the built renderer and the API of `app` on loopback; returns the address and a way to stop. */
async function serve(app: Parameters<typeof createHttpBridge>[0]) {
  const server = createHttpBridge(app, { staticDir: RENDERER });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () => {
    server.closeAllConnections();
    server.close();
  };
  return { origin, stop };
}

/**
 * Milliseconds from navigation start to `selector` on screen, each load in a fresh browser context
 * (nothing cached), with `storage` written before the page's own code runs (a session or device token).
 */
async function readyTimes(browser: Browser, url: string, selector: string, storage: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // In-page code is plain JavaScript text: this file compiles for Node, without the DOM types.
    await context.addInitScript({
      content: `${storage}
        new MutationObserver((_m, observer) => {
          if (document.querySelector(${JSON.stringify(selector)})) { window.readyAt = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });`,
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(selector, { timeout: 60_000 });
    if (i > 0) samples.push((await page.evaluate('window.readyAt')) as number);
    await context.close();
  }
  return samples;
}

const sessionStorageOf = (key: string, value: string) => `sessionStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});`;
const localStorageOf = (key: string, value: string) => `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});`;

/**
 * The small screens on a busy year's shop (with OPEN_ORDERS orders at the grill), each as it runs on
 * its own: board.ready_ms (the TV on a board link, to its first order on screen), kitchen.ready_ms (a
 * paired kitchen tablet, to its first ticket), kiosk.ready_ms (the rating screen, to its start step).
 */
async function smallScreens(browser: Browser, figures: Figures) {
  const shop = await openBusyYear('balcao-bench-screens-');
  const { origin, stop } = await serve(shop.app);
  try {
    const cashier = (await shop.ask('auth.login', shop.year.cashier)).token as string;
    const grill = newId();
    await shop.ask('catalog.saveProduct', { id: grill, name: 'X-Burger da chapa', code: 'CHAPA1', price: 2_500, station: 'Chapa' }, shop.admin);
    for (let i = 0; i < OPEN_ORDERS; i++) {
      await shop.ask('orders.create', { id: newId(), type: 'viagem', customerName: `Cliente ${i + 1}`, lines: [{ id: newId(), productId: grill, quantity: 1 }], payments: [{ id: newId(), method: 'debit', amount: 2_500 }] }, cashier);
    }
    const board = (await shop.ask('board.createLink', { label: 'TV do salão' }, shop.admin)).token as string;
    const pairing = await shop.ask('devices.requestPairing', {});
    await shop.ask('devices.confirmPairing', { code: pairing.code, kind: 'kitchen', label: 'Tablet da chapa', station: 'Chapa' }, shop.admin);
    const kiosk = (await shop.ask('feedback.openKiosk', {}, cashier)).token as string;

    const boardUrl = `${origin}/#/painel-tv?token=${encodeURIComponent(board)}`;
    figures['board.ready_ms'] = plainFigure(median(await readyTimes(browser, boardUrl, '[data-testid="board-entry"]', '')), 'ms');
    const kitchenStorage = localStorageOf('balcao.deviceToken', pairing.token as string);
    figures['kitchen.ready_ms'] = plainFigure(median(await readyTimes(browser, `${origin}/#/aparelho`, '[data-testid="ticket"]', kitchenStorage)), 'ms');
    const kioskStorage = sessionStorageOf('balcao.kioskToken', kiosk);
    figures['kiosk.ready_ms'] = plainFigure(median(await readyTimes(browser, `${origin}/#/avaliacao`, '[data-testid="kiosk-start"]', kioskStorage)), 'ms');
  } finally {
    stop();
    shop.close();
  }
}

/**
 * counter.ready_floor_ms: the counter page as counter.ready_ms measures it (bench/browser.ts: a
 * cashier's session, from navigation start to a usable counter), on a shop with an empty catalog: what
 * the page itself costs, the floor of counter.ready_ms.
 */
async function emptyCounter(browser: Browser, figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-empty-counter-'));
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, webhooks: { autoStart: false }, sync: { autoStart: false }, backups: { autoStart: false } });
  const { origin, stop } = await serve(app);
  try {
    await call(app, 'setup.initialize', { shopName: 'Lanchonete Vazia', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
    const admin = (await call(app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token as string;
    await call(app, 'users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, admin);
    const cashier = (await call(app, 'auth.login', { name: 'Caio Caixa', pin: '2580' })).token as string;
    await call(app, 'cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
    const storage = sessionStorageOf('balcao.sessionToken', cashier);
    figures['counter.ready_floor_ms'] = plainFigure(median(await readyTimes(browser, `${origin}/#/caixa`, '[data-testid="counter-ready"]', storage)), 'ms');
  } finally {
    stop();
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The screens part: how fast each page shows its data in Chromium, with the renderer split per screen. */
export async function screenFigures(figures: Figures) {
  if (!existsSync(CHROME) || !existsSync(join(RENDERER, 'index.html'))) {
    console.log(`Medidas das telas puladas: ${existsSync(CHROME) ? 'a interface não foi gerada (npm run build)' : `Chromium não encontrado em ${CHROME}`}.`);
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
  try {
    await emptyCounter(browser, figures);
    await smallScreens(browser, figures);
  } finally {
    await browser.close();
  }
}
