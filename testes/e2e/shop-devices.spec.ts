import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, login, shopWithCashier, signIn } from './session.js';

// A kitchen tablet on the shop network: the admin turns the network on at the counter, the tablet opens
// the HTTPS address and shows a pairing code and the certificate's fingerprint, the manager confirms the
// code as a kitchen screen, a sale shows on the tablet live, and revoking cuts the tablet off at once.
// 127.0.0.2 stands for the shop's Wi-Fi (BALCAO_SHOP_INTERFACES in playwright.config.ts).
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not,
// and the people and products made here are this spec's own ("Disp").

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Caco Disp', pin: '7391' };
const COOK = { name: 'Cida Disp', pin: '2468' };
const VIEWPORT = { width: 1366, height: 768 };

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function prepareShop(request: APIRequestContext) {
  const { admin, cashier } = await shopWithCashier(request, { shopName: SHOP, admin: ADMIN, cashier: CASHIER });
  const product = uuidv7();
  await api(request, admin, 'catalog.saveProduct', { id: product, name: 'Pastel Disp', code: `DISP-${product.slice(-6)}`, price: 900, station: 'Chapa' });
  return { admin, cashier, product };
}

test('pair a kitchen tablet over HTTPS, see a sale on it, revoke it', async ({ browser, playwright }, info) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
  const { admin, cashier, product } = await prepareShop(request);

  // The counter: the admin turns the shop network on and reads the address and the fingerprint.
  const counter = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(counter, ADMIN);
  await counter.goto('/#/configuracoes');
  await counter.getByTestId('settings-devices').click();
  await expect(counter.getByTestId('devices-screen')).toBeVisible();
  await counter.getByTestId('network-enabled').check();
  await counter.getByTestId('network-interface').selectOption('lan-e2e');
  await counter.getByTestId('network-apply').click();
  const url = (await counter.getByTestId('network-url').textContent())!;
  expect(url).toMatch(/^https:\/\/127\.0\.0\.2:\d+\/$/);
  const fingerprint = (await counter.getByTestId('network-fingerprint').textContent())!;
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  // The tablet: the shop's certificate is not trusted by this browser (docs/shop-network.md says how to
  // trust it on a real tablet), so the test compares the fingerprint as a person would.
  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, ignoreHTTPSErrors: true });
  const tablet = await tabletContext.newPage();
  await tablet.goto(url);
  await expect(tablet.getByTestId('pairing-screen')).toBeVisible();
  await expect(tablet.getByTestId('pairing-fingerprint')).toHaveText(fingerprint);
  const code = (await tablet.getByTestId('pairing-code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await tablet.screenshot({ path: `${SHOTS}/device-pairing.png` });
  // Unpaired, the tablet is refused anything else, the staff roster included.
  const refused = await tablet.evaluate(async () => (await fetch('/api/auth.roster', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
  expect(refused).toBe(403);

  // The manager confirms the code at the counter as the kitchen screen.
  await counter.getByTestId('device-code').fill(code.toLowerCase());
  await counter.getByTestId('device-kind').selectOption('kitchen');
  await counter.getByTestId('device-label').fill('Tablet da chapa');
  await counter.getByTestId('device-pair').click();
  const row = counter.getByTestId('device-row').filter({ hasText: 'Tablet da chapa' }).last();
  await expect(row).toBeVisible();
  await expect(tablet.getByTestId('device-kitchen')).toBeVisible();
  await expect(tablet.getByTestId('kitchen-screen')).toBeVisible();

  // A sale at the counter shows on the tablet by itself.
  const order = await api<{ id: string; number: string }>(request, cashier, 'orders.create', {
    id: uuidv7(),
    type: 'viagem',
    lines: [{ id: uuidv7(), productId: product, quantity: 1 }],
    payments: [{ id: uuidv7(), method: 'debit', amount: 900 }],
  });
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${order.number}"]`)).toBeVisible();
  await tablet.screenshot({ path: `${SHOTS}/device-kitchen.png` });
  const token = String(await tablet.evaluate("localStorage.getItem('balcao.deviceToken')"));
  expect(token).toBeTruthy();

  // Revoked at the counter: the tablet's live channel closes, it says so, and its token opens nothing.
  await row.getByTestId('device-revoke').click();
  await expect(tablet.getByTestId('device-revoked')).toBeVisible({ timeout: 10_000 });
  const after = await tablet.evaluate(
    async (bearer) => (await fetch('/api/kitchen.queue', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: '{}' })).status,
    token,
  );
  expect(after).toBe(403);
  await expect(row).toContainText('Revogado');

  // The switch goes off again: the address stops answering, the counter goes on.
  await api(request, admin, 'devices.setNetwork', { enabled: false });
  await expect(tablet.goto(url)).rejects.toThrow();
  await tabletContext.close();
});

test("pair a kitchen tablet that asks for the cook's PIN; the cook signs in and out; a manager unlocks it", async ({ browser, playwright }, info) => {
  test.setTimeout(300_000); // locking the tablet takes its real waits (1 s, 2 s … 64 s)
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
  const { admin, cashier, product } = await prepareShop(request);
  const roster = await api<{ name: string }[]>(request, null, 'auth.roster', {});
  if (!roster.some((user) => user.name === COOK.name)) await api(request, admin, 'users.create', { id: uuidv7(), ...COOK, role: 'kitchen' });
  const { url } = await api<{ url: string }>(request, admin, 'devices.setNetwork', { enabled: true, interfaceName: 'lan-e2e' });

  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, ignoreHTTPSErrors: true });
  const tablet = await tabletContext.newPage();
  await tablet.goto(url);
  const code = (await tablet.getByTestId('pairing-code').textContent())!;

  // At the counter: the kitchen, with "Exigir PIN do cozinheiro" ticked.
  const counter = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(counter, ADMIN);
  await counter.goto('/#/configuracoes');
  await counter.getByTestId('settings-devices').click();
  await counter.getByTestId('device-code').fill(code);
  await counter.getByTestId('device-kind').selectOption('kitchen');
  await counter.getByTestId('device-label').fill('Tablet da fritura');
  await counter.getByTestId('device-cook-login').check();
  await counter.getByTestId('devices-confirm').screenshot({ path: `${SHOTS}/device-confirm-cook.png` });
  await counter.getByTestId('device-pair').click();
  const row = counter.getByTestId('device-row').filter({ hasText: 'Tablet da fritura' }).last();
  await expect(row).toContainText('pede PIN');

  // The tablet asks who is in the kitchen: the kitchen's people only, never the counter's.
  await expect(tablet.getByTestId('cook-sign-in')).toBeVisible();
  await expect(tablet.getByTestId('cook-tile').filter({ hasText: COOK.name })).toBeVisible();
  await expect(tablet.getByTestId('cook-tile').filter({ hasText: CASHIER.name })).toHaveCount(0);
  await expect(tablet.getByTestId('kitchen-screen')).toHaveCount(0);
  await tablet.screenshot({ path: `${SHOTS}/device-cook-sign-in.png` });
  await tablet.getByTestId('cook-tile').filter({ hasText: COOK.name }).click();
  await tablet.keyboard.type('9999');
  await tablet.keyboard.press('Enter');
  await expect(tablet.getByTestId('pin-error')).toContainText('Nome ou PIN incorreto');
  await tablet.keyboard.type(COOK.pin);
  await tablet.keyboard.press('Enter');
  await expect(tablet.getByTestId('cook-bar')).toContainText(COOK.name);
  const order = await api<{ number: string }>(request, cashier, 'orders.create', {
    id: uuidv7(),
    type: 'viagem',
    lines: [{ id: uuidv7(), productId: product, quantity: 1 }],
    payments: [{ id: uuidv7(), method: 'debit', amount: 900 }],
  });
  await expect(tablet.locator(`[data-testid="ticket"][data-number="${order.number}"]`)).toBeVisible();
  await tablet.getByTestId('cook-sign-out').click();
  await expect(tablet.getByTestId('cook-sign-in')).toBeVisible();

  // Too many wrong PINs lock the tablet (its own page sends them); the device list says so and the manager unlocks it.
  await tablet.evaluate(async () => {
    const token = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('balcao.deviceToken');
    for (let status = 0; status !== 423; ) {
      const response = await fetch('/api/devices.cookLogin', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'Ninguém', pin: '9753' }) });
      status = response.status;
      if (status !== 429) continue;
      const wait = ((await response.json()) as { error: { details?: { retryAfterMs?: number } } }).error.details?.retryAfterMs ?? 250;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  });
  await expect(row.getByTestId('device-pin-locked')).toBeVisible({ timeout: 10_000 });
  await counter.getByTestId('devices-list').screenshot({ path: `${SHOTS}/device-list.png` });
  await row.getByTestId('device-unlock').click();
  await expect(row.getByTestId('device-pin-locked')).toHaveCount(0);
  expect(await login(request, COOK)).toBeTruthy();
  await tabletContext.close();
});
