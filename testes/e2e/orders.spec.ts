import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { api, login, signIn } from './session.js';

// Pedidos across days, end to end in browser mode: the day picker shows another business day's
// orders (an empty one here) and comes back to today; the search finds an order by its number on
// every day and shows it with its date; open orders are listed whatever their day.
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not,
// and the people and products made here are this spec's own ("Dia").

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Duda Dia', pin: '6284' };
const VIEWPORT = { width: 1366, height: 768 };

type Order = { id: string; number: string; createdAt: number };

test.describe.serial('orders across days', () => {
  let paid: Order;
  let comanda: Order;

  test.beforeAll(async ({ playwright }, info) => {
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    const adminToken = await login(request, ADMIN);
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
    const product = uuidv7();
    await api(request, adminToken, 'catalog.saveProduct', { id: product, name: 'Pastel Dia', code: 'DIA-PAS', price: 900 });
    const token = await login(request, CASHIER);
    const current = await api<{ session: unknown }>(request, token, 'cash.current', {});
    if (!current.session) await api(request, token, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
    const lines = () => [{ id: uuidv7(), productId: product, quantity: 1 }];
    paid = await api<Order>(request, token, 'orders.create', { id: uuidv7(), type: 'viagem', lines: lines(), payments: [{ id: uuidv7(), method: 'debit', amount: 900 }] });
    comanda = await api<Order>(request, token, 'orders.create', { id: uuidv7(), type: 'comanda', customerName: 'Mesa Dia', lines: lines() });
    await request.dispose();
  });

  test('the day picker and the search by number', async ({ browser }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await signIn(page, CASHIER);
    await page.getByTestId('nav-pedidos').click();
    const rows = page.getByTestId('order-row');
    const row = (order: Order) => page.locator(`[data-testid="order-row"][data-number="${order.number}"]`);

    await test.step("today's orders, the open comanda among them", async () => {
      await expect(row(paid)).toBeVisible();
      await expect(row(comanda)).toHaveAttribute('data-status', 'open');
    });

    await test.step('another business day shows its own orders (none here), then back to today', async () => {
      await page.getByTestId('orders-day').fill('2020-01-02');
      await expect(rows).toHaveCount(0);
      await expect(page.getByTestId('orders-table')).toContainText('Nenhum pedido.');
      await page.getByTestId('orders-today').click();
      await expect(page.getByTestId('orders-day')).toHaveValue('');
      await expect(row(comanda)).toBeVisible();
    });

    await test.step('a number is searched on every day and shown with its date', async () => {
      await page.getByTestId('orders-search').fill(comanda.number.toLowerCase());
      await expect(rows).toHaveCount(1);
      await expect(row(comanda)).toContainText('Mesa Dia');
      // A search spans days, so each order shows its date with the time.
      const date = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', day: '2-digit', month: '2-digit' }).format(comanda.createdAt);
      await expect(row(comanda)).toContainText(date);
      await expect(page.getByTestId('orders-day')).toBeDisabled();
      await page.getByTestId('orders-search').fill('');
      await expect(row(paid)).toBeVisible();
    });

    expect(errors).toEqual([]);
    await context.close();
  });
});
