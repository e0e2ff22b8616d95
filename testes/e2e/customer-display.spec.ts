import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import jsQRModule from 'jsqr';
import { v7 as uuidv7 } from 'uuid';
import { parsePixPayload, parsePixTemplate, txidFromOrderNumber } from '../../src/utils/pix-brcode.js';
import { SHOTS } from './screenshots.js';
import { api, shopWithCashier, signIn } from './session.js';

// Three browsers on one counter: the cashier's counter on loopback, a kitchen tablet and the customer's
// display, both paired over the shop network's HTTPS on 127.0.0.2 (BALCAO_SHOP_INTERFACES in
// playwright.config.ts). A sale built at the counter shows line by line on the display, its PIX QR is
// read back from the display's pixels and is the order's BR Code, the kitchen gets the order, a cash
// payment shows the change and "Obrigado!", and revoking the display cuts it off at once.
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not, and
// the people and products made here are this spec's own ("Cli").

// jsqr is CommonJS: its function is the module's default export.
const jsQR = jsQRModule.default;

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Cida Cli', pin: '6284' };
const VIEWPORT = { width: 1366, height: 768 };
const brl = (centavos: number) => `R$\u00a0${(centavos / 100).toFixed(2).replace('.', ',')}`;

/** A device's browser on the shop network: pairs from the HTTPS address, confirmed at the counter as `kind`. */
async function pairedDevice(browser: Browser, url: string, confirm: (code: string) => Promise<unknown>) {
  // The shop's certificate is not trusted by this browser; shop-devices.spec.ts checks its fingerprint as a person would.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('pairing-screen')).toBeVisible();
  await confirm((await page.getByTestId('pairing-code').textContent())!);
  return { context, page };
}

/** The QR as the customer's phone sees it: the image's pixels drawn on a white canvas in the page, decoded here. */
async function readQr(page: Page): Promise<string | null> {
  const pixels = await page.evaluate<{ width: number; height: number; rgba: number[] }>(`(async () => {
    const picture = new Image();
    picture.src = document.querySelector('[data-testid="cd-pix-qr"]').src;
    await picture.decode();
    const size = 480, margin = 40;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size + 2 * margin;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(picture, margin, margin, size, size);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  })()`);
  return jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height)?.data ?? null;
}

async function addBySearch(counter: Page, product: { code: string; name: string }) {
  const search = counter.getByTestId('counter-search');
  await search.fill(product.code);
  await expect(counter.getByTestId('search-result').first()).toHaveAttribute('data-product-name', product.name);
  await search.press('Enter');
}

test('the customer display follows the counter: cart, PIX QR, change, thanks; the kitchen gets the order; revoked at once', async ({ browser, playwright }, info) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
  const { admin, cashier } = await shopWithCashier(request, { shopName: SHOP, admin: ADMIN, cashier: CASHIER });
  const suffix = uuidv7().slice(-4).toUpperCase();
  const coxinha = { id: uuidv7(), name: `Coxinha Cli ${suffix}`, code: `CXCLI${suffix}`, price: 650 };
  const suco = { id: uuidv7(), name: `Suco Cli ${suffix}`, code: `SCCLI${suffix}`, price: 900 };
  for (const product of [coxinha, suco]) await api(request, admin, 'catalog.saveProduct', { ...product, station: 'Chapa' });
  await api(request, admin, 'settings.update', { pixKey: '+5511912345678', pixMerchantName: 'Lanchonete Teste', pixMerchantCity: 'SAO PAULO', displayColor: '#1e8449' });
  const network = await api<{ url: string }>(request, admin, 'devices.setNetwork', { enabled: true, interfaceName: 'lan-e2e' });
  expect(network.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+\/$/);

  const kitchen = await pairedDevice(browser, network.url, (code) => api(request, admin, 'devices.confirmPairing', { code, kind: 'kitchen', label: 'Tablet da chapa Cli' }));
  await expect(kitchen.page.getByTestId('kitchen-screen')).toBeVisible();
  const display = await pairedDevice(browser, network.url, (code) => api(request, admin, 'devices.confirmPairing', { code, kind: 'display', label: 'Tela do cliente Cli' }));
  const screen = display.page.getByTestId('customer-display');
  // Another spec's last sale on this terminal may still be thanking its customer (12 s), then the display goes idle.
  await expect(screen).toHaveAttribute('data-phase', 'idle', { timeout: 20_000 });
  await expect(display.page.getByTestId('cd-shop-name')).toHaveText(SHOP);

  const counterContext = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  const counter = await counterContext.newPage();
  await signIn(counter, CASHIER);
  await expect(counter.getByTestId('counter-ready')).toBeVisible();

  await test.step('the sale shows on the display line by line as the cashier builds it', async () => {
    await addBySearch(counter, coxinha);
    await expect(display.page.getByTestId('cd-line')).toHaveCount(1);
    await expect(display.page.getByTestId('cd-line').first()).toContainText(coxinha.name);
    await expect(display.page.getByTestId('cd-total')).toHaveText(brl(650));
    await addBySearch(counter, suco);
    await expect(display.page.getByTestId('cd-line')).toHaveCount(2);
    await expect(display.page.getByTestId('cd-line').nth(1)).toContainText(suco.name);
    await expect(display.page.getByTestId('cd-total')).toHaveText(brl(1550));
  });

  await test.step('a second window on the counter computer (#/cliente) shows the same cart', async () => {
    const window = await counterContext.newPage();
    await window.goto('/#/cliente');
    await expect(window.getByTestId('cd-line')).toHaveCount(2);
    await expect(window.getByTestId('cd-total')).toHaveText(brl(1550));
    await window.close();
  });

  let pixOrder = '';
  await test.step("a PIX charge shows its QR on the display, and the QR read from its pixels is the order's BR Code", async () => {
    await counter.keyboard.press('F10');
    await counter.getByTestId('pay-method-pix').click();
    await counter.getByTestId('pay-finish').click();
    await expect(counter.getByTestId('pix-panel')).toBeVisible();
    const payload = await counter.getByTestId('pix-payload').inputValue();
    await expect(screen).toHaveAttribute('data-phase', 'pix');
    await expect(display.page.getByTestId('cd-pix-payload')).toHaveText(payload);
    await expect(display.page.getByTestId('cd-line')).toHaveCount(2);
    await display.page.screenshot({ path: `${SHOTS}/customer-display.png` });
    expect(await readQr(display.page)).toBe(payload);

    await counter.getByTestId('pix-received').click();
    await expect(counter.getByTestId('order-done')).toBeVisible();
    pixOrder = (await counter.getByTestId('order-number').textContent())!.trim();
    const orders = await api<{ number: string; businessDay: string; total: number }[]>(request, cashier, 'orders.list', {});
    const order = orders.find((o) => o.number === pixOrder)!;
    expect(order.total).toBe(1550);
    const fields = parsePixPayload(payload);
    expect(fields.get('54')).toBe('15.50');
    expect(parsePixTemplate(fields.get('62')!).get('05')).toBe(txidFromOrderNumber(order.number, order.businessDay));
    await expect(screen).toHaveAttribute('data-phase', 'paid');
  });

  await test.step('the kitchen tablet gets the order', async () => {
    await expect(kitchen.page.locator(`[data-testid="ticket"][data-number="${pixOrder}"]`)).toBeVisible();
  });

  await test.step('a cash payment shows the change, then "Obrigado!" with how to rate the order', async () => {
    await counter.getByTestId('new-order').click();
    await addBySearch(counter, coxinha);
    await expect(screen).toHaveAttribute('data-phase', 'cart');
    await expect(display.page.getByTestId('cd-total')).toHaveText(brl(650));
    await counter.keyboard.press('F10');
    await counter.getByTestId('pay-method-cash').click();
    await counter.getByTestId('pay-tendered').fill('20,00');
    await expect(counter.getByTestId('pay-change')).toHaveText(brl(1350));
    await counter.getByTestId('pay-finish').click();
    await expect(counter.getByTestId('order-done')).toBeVisible();
    await expect(display.page.getByTestId('cd-change')).toHaveText(`Troco: ${brl(1350)}`);
    await expect(display.page.getByTestId('cd-thanks')).toContainText('Obrigado!');
    await expect(display.page.getByTestId('cd-feedback-code')).toHaveText(/^A\d{3}-\d{4}-\d$/);
    // The next customer's first line takes the thanks away.
    await counter.getByTestId('new-order').click();
    await addBySearch(counter, suco);
    await expect(screen).toHaveAttribute('data-phase', 'cart');
    await expect(display.page.getByTestId('cd-line')).toHaveCount(1);
  });

  await test.step('revoking the display takes effect on its next call and its live channel', async () => {
    const token = String(await display.page.evaluate("localStorage.getItem('balcao.deviceToken')"));
    const devices = await api<{ id: string; label: string; revokedAt: number | null }[]>(request, admin, 'devices.list', {});
    const paired = devices.find((device) => device.label === 'Tela do cliente Cli' && device.revokedAt === null)!;
    await api(request, admin, 'devices.revoke', { id: paired.id });
    await expect(display.page.getByTestId('device-revoked')).toBeVisible({ timeout: 10_000 });
    const status = await display.page.evaluate(
      async (bearer) => (await fetch('/api/display.current', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: '{}' })).status,
      token,
    );
    expect(status).toBe(403);
    // The counter sells on, with no display listening.
    await counter.getByTestId('counter-search').press('F10');
    await counter.getByTestId('pay-method-debit').click();
    await counter.getByTestId('pay-finish').click();
    await expect(counter.getByTestId('order-done')).toBeVisible();
  });

  await api(request, admin, 'devices.setNetwork', { enabled: false });
  for (const context of [kitchen.context, display.context, counterContext]) await context.close();
  await request.dispose();
});
