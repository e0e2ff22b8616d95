import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, login } from './session.js';

// The manager's dashboard, live: two sales and it shows them; a cashier sells on another page and the
// dashboard follows without a reload. A cashier has no dashboard in the menu.
//
// Other specs may have sold today on this server already: the figures are checked against what the
// dashboard said before this spec's sales, plus these sales.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Dani Painel', pin: '8264' };
const VIEWPORT = { width: 1366, height: 900 };
const PRICE = 750;

const brl = (centavos: number) => `R$ ${Math.floor(centavos / 100).toLocaleString('pt-BR')},${String(centavos % 100).padStart(2, '0')}`;

interface Dashboard {
  today: { orders: number; netSales: number };
  payments: { method: string; amount: number }[];
}

async function prepareShop(request: APIRequestContext) {
  const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
  if (!status.initialized) await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
  const admin = await login(request, ADMIN);
  const roster = await api<{ name: string }[]>(request, null, 'auth.roster', {});
  if (!roster.some((user) => user.name === CASHIER.name)) await api(request, admin, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
  const product = uuidv7();
  const name = `Coxinha Painel ${product.slice(-4)}`;
  await api(request, admin, 'catalog.saveProduct', { id: product, name, code: `PNL-${product.slice(-6)}`, price: PRICE });
  const cashier = await login(request, CASHIER);
  const current = await api<{ session: unknown }>(request, cashier, 'cash.current', {});
  if (!current.session) await api(request, cashier, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
  return { admin, cashier, product, name };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  return context.newPage();
}

async function signIn(page: Page, who: { name: string; pin: string }) {
  await page.goto('/');
  await page.getByTestId('user-tile').filter({ hasText: who.name }).click();
  await expect(page.getByTestId('pin-step')).toContainText(who.name);
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(who.name);
}

test("the manager's dashboard shows the day's sales and follows a sale made on another page, live", async ({ browser, request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const { admin, cashier, product, name } = await prepareShop(request);
  const before = await api<Dashboard>(request, admin, 'reports.dashboard', {});
  const paidBefore = (method: string) => before.payments.find((p) => p.method === method)?.amount ?? 0;
  const sell = (quantity: number, payments: unknown[]) =>
    api(request, cashier, 'orders.create', { id: uuidv7(), type: 'balcao', lines: [{ id: uuidv7(), productId: product, quantity }], payments });

  await test.step('two sales, one with change: the dashboard shows them', async () => {
    await sell(1, [{ id: uuidv7(), method: 'debit', amount: PRICE }]);
    await sell(2, [{ id: uuidv7(), method: 'cash', tendered: 2000 }]); // 15,00 paid with 20,00
    const manager = await newPage(browser);
    await signIn(manager, ADMIN);
    await manager.getByTestId('nav-painel-gerente').click();
    await expect(manager.getByTestId('dashboard-screen')).toBeVisible();
    await expect(manager.getByTestId('dash-orders')).toHaveText(String(before.today.orders + 2));
    await expect(manager.getByTestId('dash-net-sales')).toHaveText(brl(before.today.netSales + 3 * PRICE));
    // Cash is what stayed in the drawer, not what was handed over.
    await expect(manager.getByTestId('dash-payment-cash')).toContainText(brl(paidBefore('cash') + 2 * PRICE));
    await expect(manager.getByTestId('dash-products').getByTestId('dash-product').filter({ hasText: name })).toContainText(brl(3 * PRICE));
    await expect(manager.getByTestId('dash-health-printers')).toBeVisible();
    // The terminal's one open caixa: this spec's cashier's, or the one an earlier spec left open.
    await expect(manager.getByTestId('dash-caixas').getByTestId('dash-caixa')).toHaveCount(1);

    await test.step('a cashier sells at the counter on another page; the dashboard follows without a reload', async () => {
      const counter = await newPage(browser);
      await signIn(counter, CASHIER);
      // The cashier's menu has no dashboard, and the core refuses it anyway.
      await expect(counter.getByTestId('nav-caixa')).toBeVisible();
      await expect(counter.getByTestId('nav-painel-gerente')).toHaveCount(0);
      const refused = await request.post('/api/reports.dashboard', { data: {}, headers: { authorization: `Bearer ${cashier}` } });
      expect(refused.status()).toBe(403);

      await counter.getByTestId('nav-caixa').click();
      const search = counter.getByTestId('counter-search');
      await search.fill(name);
      await expect(counter.getByTestId('search-result').first()).toHaveAttribute('data-product-name', name);
      await search.press('Enter');
      await counter.getByTestId('pay-button').click();
      await counter.getByTestId('pay-method-debit').click();
      await counter.getByTestId('pay-finish').click();
      await expect(counter.getByTestId('order-done')).toBeVisible();

      await expect(manager.getByTestId('dash-orders')).toHaveText(String(before.today.orders + 3));
      await expect(manager.getByTestId('dash-net-sales')).toHaveText(brl(before.today.netSales + 4 * PRICE));
      await expect(manager.getByTestId('dash-payment-debit')).toContainText(brl(paidBefore('debit') + 2 * PRICE));
      await manager.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });
      await counter.context().close();
    });
    await manager.context().close();
  });
});
