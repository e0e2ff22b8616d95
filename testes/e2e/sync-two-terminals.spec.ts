import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { LOGS_DIR } from '../../src/database/data-dir.js';
import { freePort, freshDbName, startMongoTestServer, stopChild, type MongoTestServer } from '../helpers/mongo-test-server.js';
import { api, login, signIn, type Person } from './session.js';

// Two terminals of one shop, end to end: two data folders, two browser-mode servers, one shop's
// server (FerretDB, or the cluster in MONGODB_TEST_URI). A sale paid at A's counter reaches B's
// orders and kitchen screens by itself; a price changed in B's catalog reaches A's counter; A sells
// while its network is down and, once it is back, both terminals list the same orders, once each.
//
// This spec starts its own servers (the suite's shared one is not used): A reaches the shop's server
// through a TCP link the spec can cut, like a router switched off; B connects straight to it.

const SHOP = 'Lanchonete Sincronia';
const ADMIN: Person = { name: 'Sara Sync', pin: '604918' };
const CASHIER: Person = { name: 'Caio Sync', pin: '5172' };
const COOK: Person = { name: 'Cida Sync', pin: '8263' };
const VIEWPORT = { width: 1366, height: 768 };
/** How long a change may take to go A → server → B: B looks every 5 s while in use and every 30 s when quiet. */
const SYNC = { timeout: 90_000 };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = join(ROOT, 'build', 'src', 'web.js');

/** "R$ 1.234,56" as the screens write it. */
const brl = (centavos: number) => `R$ ${Math.floor(centavos / 100).toLocaleString('pt-BR')},${String(centavos % 100).padStart(2, '0')}`;

interface SyncTarget {
  uri: string;
  database: string;
}

/** One terminal: browser mode (`node build/src/web.js`) on its own data folder and port. */
class Terminal {
  private child: ChildProcess | null = null;
  private output = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'balcao-e2e-sync-'));

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly sync: SyncTarget,
  ) {}

  static async start(name: string, sync: SyncTarget): Promise<Terminal> {
    const terminal = new Terminal(name, await freePort(), sync);
    await terminal.run();
    return terminal;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Started in its data folder, so no `.env` of the checkout reaches it. */
  async run(): Promise<void> {
    this.output = '';
    const env = { ...process.env, BALCAO_DATA_DIR: this.dataDir, BALCAO_PORT: String(this.port), BALCAO_SYNC_URI: this.sync.uri, BALCAO_SYNC_DB: this.sync.database };
    const child = spawn(process.execPath, [WEB], { cwd: this.dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`O terminal ${this.name} parou ao iniciar (código ${child.exitCode}):\n${this.output}`);
          return fetch(`${this.url}/api/contract`).then((r) => r.ok, () => false);
        },
        { message: `terminal ${this.name} no ar`, timeout: 60_000 },
      )
      .toBe(true);
  }

  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child);
    this.child = null;
  }

  /** What the terminal wrote to its log file (warnings of the sync included). */
  log(): string {
    const file = join(this.dataDir, LOGS_DIR, 'balcao.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * The network between a terminal and the shop's server, as a TCP relay the test can cut: while cut,
 * open connections drop and new ones are closed at once, as when the shop's router is switched off.
 */
class NetworkLink {
  private up = true;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async open(target: { host: string; port: number }): Promise<NetworkLink> {
    const port = await freePort();
    const link: NetworkLink = new NetworkLink(
      createServer((client) => link.relay(client, target)),
      port,
    );
    await new Promise<void>((done, fail) => link.server.once('error', fail).listen(port, '127.0.0.1', done));
    return link;
  }

  private relay(client: Socket, target: { host: string; port: number }) {
    if (!this.up) return client.destroy();
    const upstream = connect(target.port, target.host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }

  cut(): void {
    this.up = false;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.up = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** A plain one-address `mongodb://` URI (FerretDB's), which a TCP relay can stand in front of. */
function throughLink(uri: string, link: (target: { host: string; port: number }) => Promise<NetworkLink>) {
  const plain = /^mongodb:\/\/([^@/?,]+@)?(\d+\.\d+\.\d+\.\d+|localhost):(\d+)(\/[^?]*)?(\?.*)?$/i.exec(uri);
  if (!plain || /\b(tls|ssl)=true\b/i.test(plain[5] ?? '')) return null;
  return async () => {
    const relay = await link({ host: plain[2]!, port: Number(plain[3]) });
    return { relay, uri: `mongodb://${plain[1] ?? ''}127.0.0.1:${relay.port}${plain[4] ?? '/'}${plain[5] ?? ''}` };
  };
}

test.describe.serial('two terminals of one shop', () => {
  let skipReason: string | null = null;
  let offlineSkipReason: string | null = null;
  let server: MongoTestServer | null = null;
  let link: NetworkLink | null = null;
  let a: Terminal | null = null;
  let b: Terminal | null = null;
  let c: Terminal | null = null;
  /** What an admin reads on A (Sincronização → "Mostrar código de conexão") to join another terminal. */
  let joinCode = '';
  const database = freshDbName();
  const contexts: BrowserContext[] = [];
  const products = { xTudo: uuidv7(), misto: uuidv7() };

  /** A new browser tab on a terminal, signed in as someone. */
  async function screen(browser: Browser, terminal: Terminal, who: Person): Promise<Page> {
    const context = await browser.newContext({ baseURL: terminal.url, viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, who);
    return page;
  }

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(240_000);
    const started = await startMongoTestServer();
    if ('skipReason' in started) {
      skipReason = `Sincronização entre dois terminais pulada: ${started.skipReason}.`;
      console.log(skipReason);
      return;
    }
    server = started;
    const linked = throughLink(server.uri, NetworkLink.open);
    let aUri = server.uri;
    if (linked) ({ relay: link, uri: aUri } = await linked());
    else offlineSkipReason = 'o servidor de MONGODB_TEST_URI não é um endereço só sem TLS: não há como cortar a rede do terminal A no meio';
    a = await Terminal.start('A', { uri: aUri, database });

    const request = await playwright.request.newContext({ baseURL: a.url });
    await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    const admin = await login(request, ADMIN);
    for (const [who, role] of [
      [CASHIER, 'cashier'],
      [COOK, 'kitchen'],
    ] as const) {
      await api(request, admin, 'users.create', { id: uuidv7(), name: who.name, role, pin: who.pin });
    }
    const lanches = uuidv7();
    await api(request, admin, 'catalog.saveCategory', { id: lanches, name: 'Lanches', color: '#ef4444', sortOrder: 1 });
    await api(request, admin, 'catalog.saveProduct', { id: products.xTudo, name: 'X-Tudo', code: 'XT', price: 2200, categoryId: lanches, station: 'Chapa' });
    await api(request, admin, 'catalog.saveProduct', { id: products.misto, name: 'Misto quente', code: 'MQ', price: 1200, categoryId: lanches, station: 'Chapa' });
    await api(request, await login(request, CASHIER), 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
    joinCode = (await api<{ code: string }>(request, admin, 'sync.joinCode', {})).code;
    // "Sincronizar agora" on A: the shop is on the server before anyone joins it.
    expect(await api(request, admin, 'sync.now', {})).toMatchObject({ mode: 'online', waiting: 0 });
    await request.dispose();

    // B joins with the join code; its connection comes from its environment (.env in browser mode).
    b = await Terminal.start('B', { uri: server.uri, database });
    const onB = await playwright.request.newContext({ baseURL: b.url });
    expect(await api(onB, null, 'setup.join', { joinCode })).toEqual({ shopName: SHOP, terminalLetter: 'B' });
    await onB.dispose();
  });

  test.beforeEach(() => {
    test.skip(skipReason !== null, skipReason ?? '');
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await a?.remove();
    await b?.remove();
    await c?.remove();
    await link?.close();
    if (server) {
      const client = new MongoClient(server.uri);
      await client.db(database).dropDatabase().finally(() => client.close());
      await server.stop();
    }
  });

  /** Takes a product from its tile on the counter and pays it by debit; returns the order's number. */
  async function sellAtCounter(counter: Page, product: string, price: number): Promise<string> {
    await counter.getByTestId('product-tile').filter({ hasText: product }).click();
    await expect(counter.getByTestId('cart-total')).toHaveText(brl(price));
    await counter.getByTestId('pay-button').click();
    await counter.getByTestId('pay-method-debit').click();
    await counter.getByTestId('pay-finish').click();
    await expect(counter.getByTestId('order-done')).toBeVisible();
    const number = (await counter.getByTestId('order-number').textContent())!.trim();
    expect(number).toMatch(/^A-\d{3}$/);
    await counter.getByTestId('new-order').click();
    await expect(counter.getByTestId('cart-total')).toHaveText(brl(0));
    return number;
  }

  const orderRow = (page: Page, number: string) => page.locator(`[data-testid="order-row"][data-number="${number}"]`);
  const listedNumbers = async (page: Page) => (await page.getByTestId('order-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number')))).sort();

  test("an order paid at A's counter shows in B's orders and kitchen by itself", async ({ browser }) => {
    test.setTimeout(240_000);
    expect(await (await fetch(`${b!.url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()).toMatchObject({
      initialized: true,
      shopName: SHOP,
      terminalLetter: 'B',
    });
    // B's screens are open before the sale, and never reloaded: a mark on each page must survive.
    const orders = await screen(browser, b!, ADMIN);
    await orders.getByTestId('nav-pedidos').click();
    await expect(orders.getByTestId('orders-screen')).toBeVisible();
    await expect(orders.getByTestId('order-row')).toHaveCount(0);
    const kitchen = await screen(browser, b!, COOK);
    await expect(kitchen.getByTestId('ticket')).toHaveCount(0);
    for (const page of [orders, kitchen]) await page.evaluate('window.sameDocument = true');

    const counter = await screen(browser, a!, CASHIER);
    await expect(counter.getByTestId('counter-ready')).toBeVisible();
    const number = await sellAtCounter(counter, 'X-Tudo', 2200);

    await expect(orderRow(orders, number), 'o pedido de A aparece nos Pedidos de B').toBeVisible(SYNC);
    await expect(orderRow(orders, number)).toContainText(brl(2200));
    const ticket = kitchen.locator(`[data-testid="ticket"][data-number="${number}"]`);
    await expect(ticket, 'o pedido de A aparece na Cozinha de B').toBeVisible(SYNC);
    await expect(ticket).toContainText('X-Tudo');
    for (const page of [orders, kitchen]) expect(await page.evaluate('window.sameDocument')).toBe(true);
  });

  test("a price changed in B's catalog reaches A's counter tile and total", async ({ browser }) => {
    test.setTimeout(240_000);
    const counter = await screen(browser, a!, CASHIER);
    const tile = counter.getByTestId('product-tile').filter({ hasText: 'Misto quente' });
    await expect(tile).toContainText(brl(1200));

    const catalog = await screen(browser, b!, ADMIN);
    await catalog.getByTestId('nav-catalogo').click();
    const row = catalog.locator('[data-testid="product-row"][data-name="Misto quente"]');
    await row.getByTestId('product-edit').click();
    const form = catalog.getByTestId('product-form');
    await form.getByLabel('Preço').fill('13,50');
    await catalog.getByTestId('product-save').click();
    await expect(form).toBeHidden();
    await expect(row).toContainText(brl(1350));

    await expect(tile, 'o preço novo chega ao caixa de A').toContainText(brl(1350), SYNC);
    const number = await sellAtCounter(counter, 'Misto quente', 1350);
    const admin = await login(counter.request, ADMIN);
    const [order] = await api<{ number: string; total: number }[]>(counter.request, admin, 'orders.list', { number });
    expect(order).toMatchObject({ number, total: 1350 });
  });

  test('A sells while its network is down; once back, both terminals list the same orders, once each', async ({ browser }) => {
    test.skip(offlineSkipReason !== null, offlineSkipReason ?? '');
    test.setTimeout(300_000);
    const aOrders = await screen(browser, a!, ADMIN);
    await aOrders.getByTestId('nav-pedidos').click();
    const bOrders = await screen(browser, b!, ADMIN);
    await bOrders.getByTestId('nav-pedidos').click();
    // Where both stand before: B caught up with A's earlier sales.
    const before = (await api<{ number: string }[]>(aOrders.request, await login(aOrders.request, ADMIN), 'orders.list', {})).map((o) => o.number).sort();
    await expect.poll(() => listedNumbers(aOrders)).toEqual(before);
    await expect.poll(() => listedNumbers(bOrders), SYNC).toEqual(before);
    const counter = await screen(browser, a!, CASHIER);

    link!.cut();
    const failuresBefore = a!.log().split('Sincronização falhou').length;
    const offline: string[] = [];
    for (let sale = 0; sale < 3; sale += 1) offline.push(await sellAtCounter(counter, 'X-Tudo', 2200));
    for (const number of offline) await expect(orderRow(aOrders, number)).toHaveCount(1);
    // A tried to reach the shop's server and could not; the server holds none of these sales.
    await expect.poll(() => a!.log().split('Sincronização falhou').length, { message: 'A percebe que está sem conexão', ...SYNC }).toBeGreaterThan(failuresBefore);
    const admin = await login(aOrders.request, ADMIN);
    const ids = (await api<{ id: string; number: string }[]>(aOrders.request, admin, 'orders.list', {})).filter((o) => offline.includes(o.number)).map((o) => o.id);
    expect(ids).toHaveLength(3);
    const client = new MongoClient(server!.uri);
    try {
      expect(await client.db(database).collection('changes').countDocuments({ entity: 'order', entityId: { $in: ids } })).toBe(0);
    } finally {
      await client.close();
    }
    for (const number of offline) await expect(orderRow(bOrders, number)).toHaveCount(0);

    link!.restore();
    for (const number of offline) await expect(orderRow(bOrders, number), `${number} chega a B`).toHaveCount(1, SYNC);
    const onA = await listedNumbers(aOrders);
    expect(new Set(onA).size).toBe(onA.length);
    expect(onA).toEqual(expect.arrayContaining(offline));
    await expect.poll(() => listedNumbers(bOrders), SYNC).toEqual(onA);
    // The same orders, down to their totals and states, on both terminals.
    const summary = async (page: Page) =>
      (await api<{ id: string; number: string; total: number; status: string }[]>(page.request, await login(page.request, ADMIN), 'orders.list', {}))
        .map(({ id, number, total, status }) => ({ id, number, total, status }))
        .sort((x, y) => x.number.localeCompare(y.number));
    expect(await summary(bOrders)).toEqual(await summary(aOrders));
  });

  test('a third terminal joins with the join code through the first-run wizard', async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    c = await Terminal.start('C', { uri: server!.uri, database });
    const context = await browser.newContext({ baseURL: c.url, viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('setup-path-join').click();
    const form = page.getByTestId('join-shop');
    await form.locator('input[name="uri"]').fill(server!.uri);
    await form.locator('input[name="database"]').fill(database);
    // A typo is refused naming the field, and nothing is joined.
    await form.locator('input[name="joinCode"]').fill(joinCode.slice(0, -1) + (joinCode.endsWith('X') ? 'Y' : 'X'));
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('field-error-joinCode')).toContainText('Código de conexão inválido');
    await form.locator('input[name="joinCode"]').fill(joinCode.toLowerCase());
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('join-done')).toContainText(`terminal C de ${SHOP}`, SYNC);
    await page.getByTestId('join-done').getByRole('button').click();
    // The shop's people sign in on C with their own PINs, and A's and B's orders are there.
    await signIn(page, ADMIN);
    const onC = await api<{ number: string }[]>(page.request, await login(page.request, ADMIN), 'orders.list', {});
    const aRequest = await playwright.request.newContext({ baseURL: a!.url });
    const onA = await api<{ number: string }[]>(aRequest, await login(aRequest, ADMIN), 'orders.list', {});
    await aRequest.dispose();
    expect(onC.length).toBeGreaterThan(0);
    expect(onC.map((o) => o.number).sort()).toEqual(onA.map((o) => o.number).sort());
  });
});
