import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createApp, type App } from '../src/app.js';
import { createHttpBridge } from '../src/ipc/http-server.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { foldText } from '../src/utils/text.js';
import { median, plainFigure, projectRoot, type Figures } from './lib.js';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const RENDERER = join(projectRoot(), 'build', 'renderer');
const WORDS = ['X-Burger', 'X-Salada', 'Misto', 'Pão de queijo', 'Coxinha', 'Pastel', 'Suco', 'Refrigerante', 'Açaí', 'Tapioca', 'Cuscuz', 'Esfiha', 'Empada', 'Bolo', 'Café', 'Vitamina'];
const EXTRA = ['da casa', 'especial', 'duplo', 'grande', 'pequeno', 'de frango', 'de carne', 'de queijo', 'com bacon', 'light', 'integral', 'gelado'];

async function call(app: App, operation: string, input: unknown, token?: string) {
  const outcome = await app.dispatcher.dispatch(operation, input, token);
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
  return outcome.result as any;
}

/** A shop with 50,000 products and a year of orders (about 55,000), written straight to the file. */
async function bigShop(dir: string) {
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, webhooks: { autoStart: false } });
  await call(app, 'setup.initialize', { shopName: 'Lanchonete Grande', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
  const admin = (await call(app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token;
  await call(app, 'users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, admin);
  const token = (await call(app, 'auth.login', { name: 'Caio Caixa', pin: '2580' })).token as string;
  const { db } = app;
  const categories = Array.from({ length: 12 }, (_, i) => ({ id: newId(), name: `Categoria ${i + 1}` }));
  const products: string[] = [];
  db.transaction(() => {
    const category = db.prepare("INSERT INTO categories (id, name, color, sort_order, active, created_at, updated_at, hlc) VALUES (?, ?, '#64748b', ?, 1, 0, 0, '')");
    categories.forEach((c, i) => category.run(c.id, c.name, i));
    const product = db.prepare("INSERT INTO products (id, name, search_key, code, barcode, price, category_id, kind, station, active, sold_out, created_at, updated_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, 'simple', 'Chapa', 1, 0, 0, 0, '')");
    for (let i = 0; i < 50_000; i++) {
      const id = newId();
      const name = `${WORDS[i % WORDS.length]} ${EXTRA[Math.floor(i / WORDS.length) % EXTRA.length]} ${i}`;
      const code = `P${i}`;
      product.run(id, name, foldText(`${name} ${code}`), code, null, 500 + (i % 40) * 50, categories[i % categories.length]!.id);
      products.push(id);
    }
    const session = newId();
    db.prepare("INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES (?, 't', 'u', 'Caio', 0, 0, '')").run(session);
    db.prepare("INSERT INTO cash_closings (session_id, closed_by, closed_by_name, closed_at, counted, expected, hlc) VALUES (?, 'u', 'Caio', 1, '{}', '{}', '')").run(session);
    const order = db.prepare("INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, customer_name, pager, created_by, created_by_name, created_at, cash_session_id, hlc) VALUES (?, 't', ?, ?, ?, 'balcao', NULL, NULL, 'u', 'Caio', ?, ?, '')");
    const line = db.prepare("INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, notes, station, discount, total, added_by, added_at, hlc) VALUES (?, ?, ?, ?, 'Produto', 1, 1000, '[]', '[]', NULL, NULL, 0, 1000, 'u', ?, '')");
    const payment = db.prepare("INSERT INTO payments (id, order_id, cash_session_id, method, amount, tendered, change, received_by, at, hlc) VALUES (?, ?, ?, 'debit', 3000, NULL, NULL, 'u', ?, '')");
    const state = db.prepare("INSERT INTO order_state (order_id, status, subtotal, discount, total, paid, paid_at, status_at) VALUES (?, 'delivered', 3000, 0, 3000, 3000, ?, ?)");
    const start = Date.UTC(2025, 10, 29);
    for (let day = 0; day < 365; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      for (let n = 1; n <= 150; n++) {
        const id = newId();
        const at = start + day * 86_400_000 + n * 300_000;
        order.run(id, date, n, `A-${String(n).padStart(3, '0')}`, at, session);
        for (let l = 0; l < 3; l++) line.run(newId(), id, l, products[(day * 150 + n * 3 + l) % products.length], at);
        payment.run(newId(), id, session, at);
        state.run(id, at, at);
      }
    }
  }).immediate();
  await call(app, 'cash.open', { id: newId(), openingFloat: 10_000 }, token);
  return { app, token };
}

/** Types queries letter by letter into the counter search and times each keystroke until the new list is laid out. */
const KEYSTROKES = `(async () => {
  const input = document.querySelector('[data-testid="counter-search"]');
  const root = document.querySelector('[data-testid="counter-ready"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const samples = [];
  for (const query of ['pao de queijo', 'x-burger duplo', 'cafe gelado', 'acai especial', 'p4999', 'coxinha de frango']) {
    setValue.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 1; i <= query.length; i++) {
      const start = performance.now();
      setValue.call(input, query.slice(0, i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // React renders a typed key synchronously, in a microtask queued by the event: wait for it, then lay out.
      await new Promise((r) => queueMicrotask(r));
      root.getBoundingClientRect();
      samples.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return { samples, results: document.querySelectorAll('[data-testid="search-result"]').length };
})()`;

/**
 * counter.ready_ms: browser mode with 50,000 products and a year of orders, from navigation start to a
 * usable counter (the catalog loaded and searchable), in a fresh browser context (nothing kept).
 * counter.ready_warm_ms: the same page reloaded in that context, the catalog unchanged (kept in IndexedDB).
 * search.keystroke_ms: from a keystroke in the counter search to the updated, laid-out result list.
 */
export async function browserFigures(figures: Figures) {
  if (!existsSync(CHROME) || !existsSync(join(RENDERER, 'index.html'))) {
    console.log(`Medidas no navegador puladas: ${existsSync(CHROME) ? 'a interface não foi gerada (npm run build)' : `Chromium não encontrado em ${CHROME}`}.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-browser-'));
  const { app, token } = await bigShop(dir);
  const server = createHttpBridge(app, { staticDir: RENDERER });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/#/caixa`;
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    const ready: number[] = [];
    const warm: number[] = [];
    // From navigation start to the counter on screen; with BALCAO_BENCH_DEBUG, where the time went.
    const readyAfter = async (page: Page, what: string) => {
      await page.waitForSelector('[data-testid="counter-ready"]', { timeout: 60_000 }).catch(async (error: unknown) => {
        await page.screenshot({ path: join(tmpdir(), 'balcao-bench-counter.png') });
        throw error;
      });
      if (process.env.BALCAO_BENCH_DEBUG) {
        console.log(
          what,
          await page.evaluate(`JSON.stringify({ ready: Math.round(window.readyAt),
            marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('balcao.')).map((m) => [m.name.slice(7), Math.round(m.startTime)]),
            resources: performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') || r.name.includes('/assets/')).map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseStart), Math.round(r.responseEnd), r.transferSize]) })`),
        );
      }
      return (await page.evaluate('window.readyAt')) as number;
    };
    for (let i = 0; i < 6; i++) {
      // A fresh context: an empty browser cache and IndexedDB, as on a terminal's first visit.
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      // In-page code is plain JavaScript text: this file compiles for Node, without the DOM types.
      await context.addInitScript({
        content: `sessionStorage.setItem('balcao.sessionToken', ${JSON.stringify(token)});
          new MutationObserver((_m, observer) => {
            if (document.querySelector('[data-testid="counter-ready"]')) { window.readyAt = performance.now(); observer.disconnect(); }
          }).observe(document, { childList: true, subtree: true });`,
      });
      const page = await context.newPage();
      await page.goto(url);
      const cold = await readyAfter(page, 'frio');
      if (i > 0) ready.push(cold); // the first load warms the server
      // The same terminal opening the counter again, the catalog unchanged: what it kept is used.
      // Polled from here: a predicate evaluated in the page would need 'unsafe-eval', which the page's CSP refuses.
      while (!(await page.evaluate(`localStorage.getItem('balcao.catalogStore') !== null`))) await new Promise((r) => setTimeout(r, 20));
      await page.reload();
      const again = await readyAfter(page, 'quente');
      if (i > 0) warm.push(again);
      if (i === 5) {
        const keystrokes = (await page.evaluate(KEYSTROKES)) as { samples: number[]; results: number };
        if (keystrokes.results === 0) throw new Error('a busca não mostrou resultados');
        figures['search.keystroke_ms'] = plainFigure(median(keystrokes.samples), 'ms');
      }
      await context.close();
    }
    figures['counter.ready_warm_ms'] = plainFigure(median(warm), 'ms');
    figures['counter.ready_ms'] = plainFigure(median(ready), 'ms');
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
