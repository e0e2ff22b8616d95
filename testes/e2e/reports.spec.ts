import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { escposText } from '../helpers/cp860.js';
import { listeningPrinter } from '../helpers/printer-listener.js';
import { SHOTS } from './screenshots.js';
import { api, login, signIn } from './session.js';

// The reports by period: a cashier sells three orders with three methods; the manager opens the
// reports, finds those figures, sorts a table, downloads the CSV and reads it back, sees the page
// print on A4 (as a PDF), and prints the day's summary on a printer listening on loopback.
//
// Other specs share this server and may have sold today already: figures are checked against what
// the reports said before this spec's sales, plus these sales, and row by row on products only this
// spec sells. The caixa this spec opens is closed again, and the printer setting is put back.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const MANAGER = { name: 'Rita Relatórios', pin: '591738' };
const CASHIER = { name: 'Rui Relatórios', pin: '7391' };
const VIEWPORT = { width: 1366, height: 900 };

const brl = (centavos: number) => `R$ ${Math.floor(centavos / 100).toLocaleString('pt-BR')},${String(centavos % 100).padStart(2, '0')}`;
const csvMoney = (centavos: number) => `${Math.floor(centavos / 100).toLocaleString('pt-BR')},${String(centavos % 100).padStart(2, '0')}`;

interface SalesReport {
  rows: { key: string; label: string; orders: number; quantity: number; net: number }[];
  totals: { orders: number; net: number };
}

async function prepareShop(request: APIRequestContext) {
  const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
  if (!status.initialized) await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
  const admin = await login(request, ADMIN);
  const roster = await api<{ name: string }[]>(request, null, 'auth.roster', {});
  if (!roster.some((user) => user.name === MANAGER.name)) await api(request, admin, 'users.create', { id: uuidv7(), name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
  if (!roster.some((user) => user.name === CASHIER.name)) await api(request, admin, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
  const suffix = uuidv7().slice(-4);
  const category = uuidv7();
  await api(request, admin, 'catalog.saveCategory', { id: category, name: `Relatório ${suffix}`, color: '#7c4dcc', sortOrder: 90 });
  const pastel = { id: uuidv7(), name: `Pastel Relatório ${suffix}`, price: 850 };
  const coco = { id: uuidv7(), name: `Água de coco Relatório ${suffix}`, price: 1200 };
  for (const product of [pastel, coco]) {
    await api(request, admin, 'catalog.saveProduct', { ...product, code: `REL-${product.id.slice(-6)}`, categoryId: category });
  }
  const cashier = await login(request, CASHIER);
  const current = await api<{ session: unknown }>(request, cashier, 'cash.current', {});
  const opened = current.session ? null : (await api<{ id: string }>(request, cashier, 'cash.open', { id: uuidv7(), openingFloat: 10_000 })).id;
  return { admin, manager: await login(request, MANAGER), cashier, pastel, coco, categoryName: `Relatório ${suffix}`, opened };
}

/** The cells of the table's body, row by row, as the screen shows them (the non-breaking space after "R$" as a plain one). */
const tableRows = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from({ length: row.children.length }, (_, i) => (row.children.item(i)?.textContent ?? '').replace(/\s/g, ' '))));

test('the reports show what was sold, sort, export a pt-BR CSV, print on A4 and send the day summary to the counter printer', async ({ browser, request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const shop = await prepareShop(request);
  const { pastel, coco } = shop;
  const today = { preset: 'today' };
  const before = await api<SalesReport>(request, shop.manager, 'reports.sales', { period: today, by: 'payment' });
  const paidBefore = (method: string) => before.rows.find((r) => r.key === method)?.net ?? 0;
  const sell = (lines: [typeof pastel, number][], payment: Record<string, unknown>) =>
    api(request, shop.cashier, 'orders.create', {
      id: uuidv7(),
      type: 'balcao',
      lines: lines.map(([product, quantity]) => ({ id: uuidv7(), productId: product.id, quantity })),
      payments: [{ id: uuidv7(), ...payment }],
    });

  // 2 pastéis in cash (20,00 handed over, 3,00 change), a coconut water by PIX, one of each by debit.
  await sell([[pastel, 2]], { method: 'cash', tendered: 2000 });
  await sell([[coco, 1]], { method: 'pix', amount: 1200 });
  await sell([[pastel, 1], [coco, 1]], { method: 'debit', amount: 2050 });
  const sold = 1700 + 1200 + 2050;

  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', acceptDownloads: true });
  const page = await context.newPage();
  const printer = await listeningPrinter();
  const settings = await api<{ printerAddress: string }>(request, shop.admin, 'settings.get', {});
  try {
    await test.step('the manager opens Relatórios from the menu: today, by product, against the previous day', async () => {
      await signIn(page, MANAGER);
      await page.getByTestId('nav-relatorios').click();
      await expect(page.getByTestId('reports-screen')).toBeVisible();
      await expect(page.getByTestId('rep-preset-today')).toHaveAttribute('aria-checked', 'true');
      await expect(page.getByTestId('figure-net')).toHaveAttribute('data-value', String(before.totals.net + sold));
      await expect(page.getByTestId('figure-orders')).toHaveAttribute('data-value', String(before.totals.orders + 3));
      await expect(page.getByTestId('figure-net').locator('.rep-figure-value')).toHaveText(brl(before.totals.net + sold));
      const rows = await tableRows(page, 'rep-table-sales-product');
      const row = (name: string) => rows.find((cells) => cells[0] === name);
      // Produto, Pedidos, Itens, Vendas brutas, Descontos, Vendas líquidas, …
      expect(row(pastel.name)?.slice(0, 6)).toEqual([pastel.name, '2', '3', brl(2550), brl(0), brl(2550)]);
      expect(row(coco.name)?.slice(0, 6)).toEqual([coco.name, '2', '2', brl(2400), brl(0), brl(2400)]);
    });

    await test.step('by payment method: what stayed in the till per method; by category: the products together', async () => {
      await page.getByTestId('rep-by-payment').click();
      const byMethod = async () => Object.fromEntries((await tableRows(page, 'rep-table-sales-payment')).map((cells) => [cells[0], cells[4]]));
      // Forma de pagamento, Pedidos, Vendas brutas, Troco, Vendas líquidas, …
      await expect.poll(async () => (await byMethod())['Dinheiro']).toBe(brl(paidBefore('cash') + 1700));
      expect((await byMethod())['PIX']).toBe(brl(paidBefore('pix') + 1200));
      expect((await byMethod())['Débito']).toBe(brl(paidBefore('debit') + 2050));
      await page.getByTestId('rep-by-category').click();
      await expect(page.getByTestId('rep-table-sales-category').locator('tbody tr', { hasText: shop.categoryName })).toContainText(brl(sold));
      await page.getByTestId('rep-by-product').click();
      await expect(page.getByTestId('rep-table-sales-product')).toBeVisible();
    });

    await test.step('a table sorts by any column from its header: names in pt-BR order, numbers as numbers', async () => {
      const table = page.getByTestId('rep-table-sales-product');
      const nameHeader = table.locator('th', { has: page.getByTestId('sort-label') });
      await table.getByTestId('sort-label').click();
      await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
      const names = (await tableRows(page, 'rep-table-sales-product')).map((cells) => cells[0]!);
      expect(names).toEqual([...names].sort(new Intl.Collator('pt-BR', { numeric: true }).compare));
      // "Água de coco" sorts among the A's, not after the Z's as a plain text sort would put it.
      expect(names.indexOf(coco.name)).toBeLessThan(names.indexOf(pastel.name));
      // The keyboard reaches the headers: Enter on "Vendas líquidas" sorts biggest first.
      await table.getByTestId('sort-net').focus();
      await page.keyboard.press('Enter');
      const netHeader = table.locator('th', { has: page.getByTestId('sort-net') });
      await expect(netHeader).toHaveAttribute('aria-sort', 'descending');
      await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
      const nets = (await context.request.post('/api/reports.sales', { data: { period: today, by: 'product' }, headers: { authorization: `Bearer ${shop.manager}` } }).then((r) => r.json())) as SalesReport;
      const expected = [...nets.rows].sort((a, b) => b.net - a.net).map((r) => r.label);
      expect((await tableRows(page, 'rep-table-sales-product')).map((cells) => cells[0])).toEqual(expected);
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: `${SHOTS}/relatorios.png`, fullPage: true });
    });

    await test.step('the CSV: UTF-8 with BOM, ";" between fields, pt-BR numbers, the period in its name', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rep-csv').click()]);
      const day = await page.getByTestId('rep-period').getAttribute('data-from');
      expect(download.suggestedFilename()).toBe(`vendas-por-produto_${day}.csv`);
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('Produto;Pedidos;Itens;Vendas brutas (R$);Descontos (R$);Vendas líquidas (R$);Período anterior (R$);Variação (%);CMV (R$);Margem (R$);Margem (%)');
      const rows = lines.slice(1).filter(Boolean).map((line) => line.split(';'));
      expect(rows.find((cells) => cells[0] === pastel.name)?.slice(0, 6)).toEqual([pastel.name, '2', '3', '25,50', '0,00', '25,50']);
      expect(rows.find((cells) => cells[0] === coco.name)?.slice(0, 6)).toEqual([coco.name, '2', '2', '24,00', '0,00', '24,00']);
      expect(rows.at(-1)?.slice(0, 2)).toEqual(['Total', String(before.totals.orders + 3)]);
      expect(rows.at(-1)?.[5]).toBe(csvMoney(before.totals.net + sold));
    });

    await test.step('every report opens with its figures beside the previous period; custom dates give the same day', async () => {
      await page.getByTestId('rep-tab-voids').click();
      await expect(page.getByTestId('figure-voided')).toBeVisible();
      await expect(page.getByTestId('figure-voided-total-change')).toBeVisible();
      await page.getByTestId('rep-tab-discounts').click();
      await expect(page.getByTestId('figure-discount-amount')).toBeVisible();
      await page.getByTestId('rep-tab-caixas').click();
      // Today's caixas include the one these sales went through, with their takings.
      await expect(page.getByTestId('rep-table-caixas').locator('tbody tr', { hasText: 'X (aberto)' })).not.toHaveCount(0);
      await page.getByTestId('rep-tab-stock').click();
      await expect(page.getByTestId('figure-stock-value')).toBeVisible();
      await expect(page.getByTestId('rep-table-sales-category').locator('tbody tr', { hasText: shop.categoryName })).toContainText(brl(sold));
      await page.getByTestId('rep-tab-ratings').click();
      await expect(page.getByTestId('figure-rating-net')).toHaveAttribute('data-value', String(before.totals.net + sold));
      await page.getByTestId('rep-tab-sales').click();
      const day = (await page.getByTestId('rep-period').getAttribute('data-from'))!;
      await page.getByTestId('rep-preset-custom').click();
      await expect(page.getByTestId('rep-from')).toHaveValue(day);
      // The last day before the first: the core refuses it, naming the field, and nothing loads.
      const dayBefore = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      await page.getByTestId('rep-to').fill(dayBefore);
      await page.getByTestId('rep-apply').click();
      await expect(page.getByTestId('rep-sales').getByTestId('form-error')).toContainText('A data inicial não pode ser depois da data final.');
      await expect(page.getByTestId('figure-net')).toHaveCount(0);
      await page.getByTestId('rep-to').fill(day);
      await page.getByTestId('rep-apply').click();
      await expect(page.getByTestId('figure-net')).toHaveAttribute('data-value', String(before.totals.net + sold));
      await expect(page.getByTestId('rep-period')).toHaveAttribute('data-to', day);
    });

    await test.step('printing shows the report alone on A4, and the same page saves as a PDF', async () => {
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByTestId('shell').locator('.shell-header')).toBeHidden();
      await expect(page.getByTestId('rep-csv')).toBeHidden();
      await expect(page.getByTestId('rep-preset-today')).toBeHidden();
      await expect(page.getByTestId('rep-table-sales-product')).toBeVisible();
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
    });

    await test.step('"Imprimir resumo do dia" sends the 80 mm summary to the counter printer through the print queue', async () => {
      await api(request, shop.admin, 'settings.update', { printerAddress: `127.0.0.1:${printer.port}` });
      await page.getByTestId('rep-day-summary').click();
      await expect(page.getByText(/Resumo do dia .* enviado à impressora do balcão/)).toBeVisible();
      await expect.poll(() => printer.received.length, { timeout: 10_000 }).toBe(1);
      const text = escposText(new Uint8Array(printer.received[0]!));
      expect(text).toContain('RESUMO DO DIA');
      expect(text).toMatch(new RegExp(`Pedidos +${before.totals.orders + 3}\\n`));
      expect(text).toMatch(new RegExp(`Vendas líquidas +${brl(before.totals.net + sold).replace('$', '\\$')}`));
      expect(text).toMatch(new RegExp(`Dinheiro \\(\\d+\\) +${brl(paidBefore('cash') + 1700).replace('$', '\\$')}`));
      const jobs = await api<{ kind: string; status: string }[]>(request, shop.manager, 'printing.jobs', {});
      expect(jobs[0]).toMatchObject({ kind: 'day_summary', status: 'printed' });
    });
  } finally {
    await api(request, shop.admin, 'settings.update', { printerAddress: settings.printerAddress });
    await printer.close();
    await context.close();
    // The caixa this spec opened is closed, so the specs after it find the counter as they expect.
    if (shop.opened) {
      await api(request, shop.cashier, 'cash.close', { sessionId: shop.opened, counted: { cash: 10_000 + 1700, debit: 2050, credit: 0, voucher: 0, pix: 1200 } });
    }
  }
});
