import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { api, login } from './session.js';

// The shop network when the counter's server goes away: this spec runs its OWN browser-mode server (on
// BALCAO_E2E_PORT + 2, the shop network on + 3, 127.0.0.2 standing for the shop's Wi-Fi) over its own data
// folder, so it can kill it. A paired kitchen tablet shows "sem conexão" while the server is down, and once
// it is back (same folder: the tablet's token survives) reconnects by itself, without a reload, and shows
// the order sold while it was cut off. Then a kitchen tablet that asks for its cook's PIN guesses PINs as
// fast as it can while the counter sells: the tablet is slowed, then locked, and every sale goes through.

const PORT = Number(process.env.BALCAO_E2E_PORT ?? '5190') + 2;
const SHOP_PORT = PORT + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { name: 'Rita Admin', pin: '480135' };
const CASHIER = { name: 'Caio Caixa', pin: '7391' };
const COOK = { name: 'Kiko Cozinha', pin: '2468' };

const dataDir = mkdtempSync(join(tmpdir(), 'balcao-e2e-restart-'));
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  const child = spawn(process.execPath, ['build/src/web.js'], {
    env: { ...process.env, BALCAO_DATA_DIR: dataDir, BALCAO_PORT: String(PORT), BALCAO_SHOP_PORT: String(SHOP_PORT), BALCAO_SHOP_INTERFACES: 'lan-e2e=127.0.0.2' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = child;
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`o servidor parou (código ${child.exitCode})`);
        return fetch(`${BASE}/api/contract`).then((response) => response.status, () => 0);
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(200);
}

/** SIGKILL, as a power cut or a crash would: nothing is closed cleanly. */
async function killServer(): Promise<void> {
  const child = server!;
  server = null;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

test.afterAll(async () => {
  if (server) await killServer();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The shop set up through the API, with a cashier selling, a cook, a product for the grill and the network on. */
async function setUpShop(request: APIRequestContext) {
  await api(request, null, 'setup.initialize', { shopName: 'Lanchonete Reinício', terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
  const admin = await login(request, ADMIN);
  await api(request, admin, 'users.create', { id: uuidv7(), ...CASHIER, role: 'cashier' });
  await api(request, admin, 'users.create', { id: uuidv7(), ...COOK, role: 'kitchen' });
  const product = uuidv7();
  await api(request, admin, 'catalog.saveProduct', { id: product, name: 'Pastel Reinício', code: `REIN-${product.slice(-6)}`, price: 900, station: 'Chapa' });
  const cashier = await login(request, CASHIER);
  await api(request, cashier, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
  const network = await api<{ url: string }>(request, admin, 'devices.setNetwork', { enabled: true, interfaceName: 'lan-e2e' });
  return { admin, cashier, product, url: network.url };
}

/** A tablet's browser opens the shop address and shows a code; the manager confirms it at the counter. */
async function pairTablet(browser: Browser, request: APIRequestContext, admin: string, url: string, extra: { cookLogin?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ignoreHTTPSErrors: true });
  const tablet = await context.newPage();
  await tablet.goto(url);
  const code = (await tablet.getByTestId('pairing-code').textContent())!;
  await api(request, admin, 'devices.confirmPairing', { code, kind: 'kitchen', label: extra.cookLogin ? 'Tablet com PIN' : 'Tablet da chapa', ...extra });
  await expect(tablet.getByTestId('device-kitchen')).toBeVisible();
  return { context, tablet };
}

const sell = (request: APIRequestContext, cashier: string, product: string) =>
  api<{ id: string; number: string }>(request, cashier, 'orders.create', {
    id: uuidv7(),
    type: 'viagem',
    lines: [{ id: uuidv7(), productId: product, quantity: 1 }],
    payments: [{ id: uuidv7(), method: 'debit', amount: 900 }],
  });

test.describe.configure({ mode: 'serial' });

test('a paired kitchen tablet says it lost the server, and reconnects and catches up by itself after a restart', async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  await startServer();
  const request = await playwright.request.newContext({ baseURL: BASE });
  const { admin, cashier, product, url } = await setUpShop(request);
  const { context, tablet } = await pairTablet(browser, request, admin, url);
  await expect(tablet.getByTestId('kitchen-screen')).toBeVisible();
  const first = await sell(request, cashier, product);
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${first.number}"]`)).toBeVisible();
  // A mark on this very page: a reload would wipe it.
  await tablet.evaluate('window.samePage = true');
  const token = await tablet.evaluate("localStorage.getItem('balcao.deviceToken')");

  await killServer();
  const offline = tablet.getByTestId('live-offline');
  await expect(offline).toBeVisible({ timeout: 30_000 });
  await expect(offline).toContainText(/Sem conexão — última atualização às \d{2}:\d{2}:\d{2}/);
  // Held off the network while the counter comes back and sells, so the order is surely sold while it is cut off.
  await context.setOffline(true);

  await startServer();
  const again = await login(request, CASHIER); // sessions live in memory: the cashier logs in again
  const second = await sell(request, again, product);
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${second.number}"]`)).toHaveCount(0);

  await context.setOffline(false);
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${second.number}"]`)).toBeVisible({ timeout: 45_000 });
  await expect(offline).toBeHidden();
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${first.number}"]`)).toBeVisible();
  expect(await tablet.evaluate('window.samePage')).toBe(true);
  expect(await tablet.evaluate("localStorage.getItem('balcao.deviceToken')")).toBe(token);
  // Live again: the next sale shows by itself.
  const third = await sell(request, again, product);
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${third.number}"]`)).toBeVisible();
  await context.close();
});

test('a kitchen tablet guessing cooks’ PINs as fast as it can is slowed, then locked, while the counter keeps selling', async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const request = await playwright.request.newContext({ baseURL: BASE });
  const admin = await login(request, ADMIN);
  const cashier = await login(request, CASHIER);
  const { url } = await api<{ url: string }>(request, admin, 'devices.network', {});
  const product = uuidv7();
  await api(request, admin, 'catalog.saveProduct', { id: product, name: 'Coxinha Reinício', code: `COX-${product.slice(-6)}`, price: 900, station: 'Chapa' });
  const { context, tablet } = await pairTablet(browser, request, admin, url, { cookLogin: true });
  await expect(tablet.getByTestId('cook-sign-in')).toBeVisible();
  await expect(tablet.getByTestId('cook-tile')).toContainText([COOK.name, ADMIN.name]); // the kitchen's people only: not the cashier

  // The tablet's page itself sends wrong PINs for the cook with its own token, back to back, until it is locked.
  const guessing = tablet.evaluate(async (name) => {
    const token = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('balcao.deviceToken');
    const statuses: number[] = [];
    const started = Date.now();
    while (!statuses.includes(423) && Date.now() - started < 150_000) {
      const response = await fetch('/api/devices.cookLogin', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name, pin: '9753' }) });
      statuses.push(response.status);
      if (response.status === 429) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return statuses;
  }, COOK.name);

  // Meanwhile the counter sells, one sale after the other: every one goes through.
  const sold: string[] = [];
  let done = false;
  void guessing.finally(() => (done = true));
  while (!done) {
    sold.push((await sell(request, cashier, product)).number);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a busy lunch, not a flood
  }
  const statuses = await guessing;
  expect(sold.length).toBeGreaterThan(5);
  expect(statuses.filter((status) => status === 401)).toHaveLength(9);
  expect(statuses).toContain(429);
  expect(statuses.at(-1)).toBe(423);

  // The tablet is locked even for the right PIN; the cook still gets in at the counter; the manager sees it and unlocks.
  await tablet.getByTestId('cook-tile').filter({ hasText: COOK.name }).click();
  await tablet.keyboard.type(COOK.pin);
  await tablet.keyboard.press('Enter');
  await expect(tablet.getByTestId('pin-error')).toContainText('bloqueado');
  expect(await login(request, COOK)).toBeTruthy();
  const devices = await api<{ id: string; label: string; pinLocked: boolean }[]>(request, admin, 'devices.list', {});
  const locked = devices.find((device) => device.label === 'Tablet com PIN')!;
  expect(locked.pinLocked).toBe(true);
  const audit = await api<{ rows: { details: { source?: string } }[] }>(request, admin, 'audit.list', { action: 'devices.pinLock' });
  expect(audit.rows).toHaveLength(1);
  expect(audit.rows[0]!.details.source).toMatch(/^127\./);
  await api(request, admin, 'devices.unlock', { id: locked.id });
  await tablet.keyboard.type(COOK.pin);
  await tablet.keyboard.press('Enter');
  await expect(tablet.getByTestId('cook-bar')).toContainText(COOK.name);
  await expect(tablet.getByTestId('kitchen-screen')).toBeVisible({ timeout: 20_000 });
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${sold.at(-1)}"]`)).toBeVisible();
  await context.close();
});
