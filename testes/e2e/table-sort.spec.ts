import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { api, login, signIn } from './session.js';

// A list's column headings sort it with a click: names in Brazilian order ("Água" with the A's,
// "Lanche 2" before "Lanche 10"), money by size and not as text, the heading saying which way
// (aria-sort) for screen readers. The shop is set up here when no other spec did it; the items are
// this spec's own ("Ordem …"), and the search keeps the table to them.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
// Each item's value is units × unit cost (centavos): R$ 0,00, R$ 3,00, R$ 100,00 and R$ 12,00.
const ITEMS = [
  { name: 'Ordem Lanche 10', units: 0, unitCost: 0 },
  { name: 'Ordem Banana', units: 3, unitCost: 100 },
  { name: 'Ordem Lanche 2', units: 1, unitCost: 10_000 },
  { name: 'Ordem água', units: 24, unitCost: 50 },
];

test.describe.serial('sorting a table by a column', () => {
  let request: APIRequestContext;
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ playwright, browser }, info) => {
    request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    const token = await login(request, ADMIN);
    for (const item of ITEMS) {
      const id = uuidv7();
      await api(request, token, 'stock.saveItem', { id, name: item.name, baseUnit: 'un', minimum: 0 });
      if (item.units) await api(request, token, 'stock.receive', { id: uuidv7(), lines: [{ id: uuidv7(), itemId: id, quantity: item.units * 1000, unitCost: item.unitCost }] });
    }
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    page = await context.newPage();
    await signIn(page, ADMIN);
  });

  test.afterAll(async () => {
    await context?.close();
    await request?.dispose();
  });

  const shownNames = () => page.getByTestId('item-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));

  test('Insumos: by name in Brazilian order, then by value as money, each way', async () => {
    await page.goto('/#/estoque/insumos');
    await page.getByTestId('items-search').fill('Ordem');
    await expect(page.getByTestId('item-row')).toHaveCount(ITEMS.length);
    const byName = page.getByTestId('items-table').getByRole('columnheader', { name: 'Insumo' });
    const byValue = page.getByTestId('items-table').getByRole('columnheader', { name: 'Valor' });
    await expect(byName).toHaveAttribute('aria-sort', 'none');

    await byName.getByRole('button').click();
    await expect(byName).toHaveAttribute('aria-sort', 'ascending');
    expect(await shownNames()).toEqual(['Ordem água', 'Ordem Banana', 'Ordem Lanche 2', 'Ordem Lanche 10']);

    await byName.getByRole('button').click();
    await expect(byName).toHaveAttribute('aria-sort', 'descending');
    expect(await shownNames()).toEqual(['Ordem Lanche 10', 'Ordem Lanche 2', 'Ordem Banana', 'Ordem água']);

    // R$ 100,00 > R$ 12,00 > R$ 3,00 > R$ 0,00: as text "R$ 3,00" would come first.
    await byValue.getByRole('button').click();
    await expect(byValue).toHaveAttribute('aria-sort', 'ascending');
    await expect(byName).toHaveAttribute('aria-sort', 'none');
    expect(await shownNames()).toEqual(['Ordem Lanche 10', 'Ordem Banana', 'Ordem água', 'Ordem Lanche 2']);
    await byValue.getByRole('button').click();
    expect(await shownNames()).toEqual(['Ordem Lanche 2', 'Ordem água', 'Ordem Banana', 'Ordem Lanche 10']);

    // The total under the table counts the same rows whatever their order.
    await expect(page.getByTestId('items-total-value')).toHaveText(/R\$\s*115,00/);
  });

  test('a heading that does not sort is plain text, with no aria-sort', async () => {
    const status = page.getByTestId('items-table').getByRole('columnheader', { name: 'Situação' });
    await expect(status).not.toHaveAttribute('aria-sort', /.*/);
    await expect(status.getByRole('button')).toHaveCount(0);
  });
});
