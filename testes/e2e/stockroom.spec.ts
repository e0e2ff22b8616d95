import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, signIn } from './session.js';

// A stockroom day, end to end in browser mode: the admin sets up a small menu with recipes through
// the API; the stockroom clerk imports two items from CSV and receives a supplier's invoice through
// the screens (packs, kilos and fardos, a lot with its expiry); sales made at the counter (API) take
// the ingredients, a void gives them back; a loss typed by mistake is reversed; a blind count finds
// two cans missing and closes with an ajuste; and selling enough drinks puts the cans on the
// stockroom's home as low, live.
//
// Other specs may or may not have run first on this server: the shop is set up here when it is not,
// and every person, product and item this spec uses is its own.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CLERK = { name: 'Sara Estoque', pin: '6284' };
const CASHIER = { name: 'Beto Estoque', pin: '4829' };
const VIEWPORT = { width: 1366, height: 768 };
const ZONE = 'America/Sao_Paulo';

const ITEMS = {
  pao: 'Pão brioche',
  carne: 'Blend bovino',
  queijo: 'Queijo cheddar fatiado',
  lata: 'Guaraná lata 350 ml',
};
const MEAT_BARCODE = '7891234500019';
const BURGER_PRICE = 2200;
const SODA_PRICE = 600;

const login = async (request: APIRequestContext, who: { name: string; pin: string }) => (await api<{ token: string }>(request, null, 'auth.login', { name: who.name, pin: who.pin })).token;

/** A date in the shop's zone, days from today, as a Brazilian types it (dd/mm/aaaa). */
const brDay = (plusDays: number) => new Intl.DateTimeFormat('pt-BR', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + plusDays * 86_400_000);

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: ZONE });
  return { context, page: await context.newPage() };
}

const row = (page: Page, testId: string, name: string): Locator => page.locator(`[data-testid="${testId}"][data-name="${name}"]`);
const onHand = (page: Page, name: string) => row(page, 'item-row', name).getByTestId('item-onhand');

/** The four on-hand figures of the items screen. */
async function expectOnHand(page: Page, figures: Record<keyof typeof ITEMS, string>) {
  for (const key of Object.keys(ITEMS) as (keyof typeof ITEMS)[]) await expect(onHand(page, ITEMS[key])).toHaveText(figures[key]);
}

test.describe.serial('stockroom day', () => {
  let request: APIRequestContext;
  let adminToken: string;
  let cashierToken: string;
  let product: { burger: string; soda: string };
  let item: Record<keyof typeof ITEMS, string>;
  let context: BrowserContext;
  let page: Page;
  const orders: { id: string; number: string }[] = [];

  /** A paid counter sale through the API, as the cashier. */
  async function sell(lines: { productId: string; quantity: number }[]) {
    const total = lines.reduce((sum, line) => sum + line.quantity * (line.productId === product.burger ? BURGER_PRICE : SODA_PRICE), 0);
    const order = await api<{ id: string; number: string; total: number }>(request, cashierToken, 'orders.create', {
      id: uuidv7(),
      type: 'balcao',
      customerName: 'Cliente Estoque',
      lines: lines.map((line) => ({ id: uuidv7(), ...line })),
      payments: [{ id: uuidv7(), method: 'debit', amount: total }],
    });
    expect(order.total).toBe(total);
    orders.push(order);
    return order;
  }

  test.beforeAll(async ({ playwright, browser }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    adminToken = await login(request, ADMIN);
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CLERK.name, role: 'stockroom', pin: CLERK.pin });
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });

    // The menu: a burger and a canned drink, in their own category.
    const category = uuidv7();
    await api(request, adminToken, 'catalog.saveCategory', { id: category, name: 'Estoque Lanches', color: '#0ea5e9', sortOrder: 90 });
    product = { burger: uuidv7(), soda: uuidv7() };
    await api(request, adminToken, 'catalog.saveProduct', { id: product.burger, name: 'X-Estoque', code: 'XEST', price: BURGER_PRICE, categoryId: category, station: 'Chapa' });
    await api(request, adminToken, 'catalog.saveProduct', { id: product.soda, name: 'Refri Estoque', code: 'REFEST', price: SODA_PRICE, categoryId: category });

    // The items, each with the unit its supplier sells it in, and the recipes.
    item = { pao: uuidv7(), carne: uuidv7(), queijo: uuidv7(), lata: uuidv7() };
    const save = (input: Record<string, unknown>) => api(request, adminToken, 'stock.saveItem', input);
    await save({ id: item.pao, name: ITEMS.pao, baseUnit: 'un', category: 'Padaria', minimum: 6000, units: [{ name: 'pct', factor: 6000 }] });
    await save({ id: item.carne, name: ITEMS.carne, baseUnit: 'g', category: 'Carnes', minimum: 500_000, barcode: MEAT_BARCODE, units: [{ name: 'kg', factor: 1_000_000 }] });
    await save({ id: item.queijo, name: ITEMS.queijo, baseUnit: 'g', category: 'Laticínios', minimum: 200_000, units: [{ name: 'kg', factor: 1_000_000 }] });
    await save({ id: item.lata, name: ITEMS.lata, baseUnit: 'un', category: 'Bebidas', minimum: 12_000, units: [{ name: 'fardo', factor: 12_000 }] });
    await api(request, adminToken, 'recipes.save', {
      productId: product.burger,
      items: [
        { itemId: item.pao, quantity: 1000 },
        { itemId: item.carne, quantity: 150_000 },
        { itemId: item.queijo, quantity: 30_000 },
      ],
    });
    await api(request, adminToken, 'recipes.save', { productId: product.soda, items: [{ itemId: item.lata, quantity: 1000 }] });

    // The counter needs an open caixa on this terminal to sell (another spec may have closed its own).
    cashierToken = await login(request, CASHIER);
    const current = await api<{ session: unknown }>(request, cashierToken, 'cash.current', {});
    if (!current.session) await api(request, cashierToken, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });

    ({ context, page } = await newPage(browser));
  });

  test.afterAll(async () => {
    await context?.close();
    await request?.dispose();
  });

  test('the stockroom clerk sees only the stock screens', async () => {
    await signIn(page, CLERK);
    await expect(page.getByTestId('stock-home')).toBeVisible();
    await expect(page.getByTestId('nav-estoque')).toHaveAttribute('aria-current', 'page');
    for (const route of ['estoque-insumos', 'estoque-entrada', 'estoque-perdas', 'estoque-inventario', 'estoque-movimentos', 'estoque-fichas', 'estoque-fornecedores']) {
      await expect(page.getByTestId(`nav-${route}`)).toBeVisible();
    }
    // No cash, no sales, no users, no settings.
    for (const route of ['caixa', 'pedidos', 'caixa-sessao', 'usuarios', 'auditoria', 'configuracoes', 'catalogo']) {
      await expect(page.getByTestId(`nav-${route}`)).toHaveCount(0);
    }
    // Typing a cash screen's address does not open it either.
    await page.goto('/#/caixa/sessao');
    await expect(page.getByTestId('home-screen')).toBeVisible();
    await page.getByTestId('nav-estoque-insumos').click();
    await expect(page.getByTestId('stock-items')).toBeVisible();
  });

  test('items come in from a CSV, with a preview of the rejected rows', async () => {
    await page.getByTestId('items-import').click();
    const dialog = page.getByTestId('items-import-dialog');
    await dialog.getByTestId('import-csv').fill('nome;unidade;categoria;minimo;codigo_barras\nAlface americana;g;Hortifruti;200;\nTomate italiano;g;Hortifruti;500;\nKetchup sachê;kg;Mercearia;1;\n');
    await dialog.getByTestId('import-check').click();
    await expect(dialog.getByTestId('import-created')).toHaveText('2');
    await expect(dialog.getByTestId('import-rejected')).toHaveText('1');
    await expect(dialog.getByTestId('import-rejected-row')).toContainText('un, g ou ml');
    // Nothing was written by the preview.
    await expect(row(page, 'item-row', 'Alface americana')).toHaveCount(0);
    await dialog.getByTestId('import-run').click();
    await expect(page.getByTestId('toast')).toContainText('2 criados');
    await dialog.getByRole('button', { name: 'Fechar' }).first().click();
    await expect(row(page, 'item-row', 'Alface americana')).toBeVisible();
    await expect(row(page, 'item-row', 'Tomate italiano').getByTestId('item-minimum')).toHaveText('500 g');
  });

  test('an invoice is received fast: packs, kilos by barcode, a lot with expiry, fardos', async () => {
    await page.getByTestId('nav-estoque-entrada').click();
    const screen = page.getByTestId('stock-receive');
    await expect(screen).toBeVisible();

    // A new supplier inline; the core checks the CNPJ's digits.
    await page.getByTestId('supplier-new').click();
    const form = page.getByTestId('supplier-form');
    await form.getByTestId('supplier-name').fill('Distribuidora Estoque Ltda');
    await form.getByTestId('supplier-cnpj').fill('11.222.333/0001-80');
    await form.getByTestId('supplier-contact').fill('Marcos (vendas)');
    await form.getByTestId('supplier-save').click();
    await expect(form.getByTestId('field-error-cnpj')).toContainText('CNPJ inválido');
    await form.getByTestId('supplier-cnpj').fill('11.222.333/0001-81');
    await form.getByTestId('supplier-save').click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('receive-supplier').locator('option:checked')).toHaveText('Distribuidora Estoque Ltda');
    await page.getByTestId('receive-invoice').fill('4471');

    const search = page.getByTestId('receive-search');
    const line = (name: string) => row(page, 'receive-line', name);

    // Bread by the pack of 6: name + Enter, then quantity, Enter to the cost, Enter back to the search.
    await search.fill('brioche');
    await search.press('Enter');
    await expect(line(ITEMS.pao).getByTestId('line-unit')).toHaveValue('pct');
    await expect(line(ITEMS.pao).getByTestId('line-quantity')).toBeFocused();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect(line(ITEMS.pao).getByTestId('line-cost')).toBeFocused();
    await page.keyboard.type('9,00');
    await page.keyboard.press('Enter');
    await expect(search).toBeFocused();

    // Meat by the kg, read by the barcode reader (digits + Enter).
    await page.keyboard.type(MEAT_BARCODE);
    await page.keyboard.press('Enter');
    await expect(line(ITEMS.carne).getByTestId('line-unit')).toHaveValue('kg');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('42,00');
    await page.keyboard.press('Enter');

    // Cheese by the kg, with its lot and expiry.
    await search.fill('cheddar');
    await search.press('Enter');
    await line(ITEMS.queijo).getByTestId('line-quantity').fill('1,5');
    await line(ITEMS.queijo).getByTestId('line-cost').fill('38,00');
    await line(ITEMS.queijo).getByTestId('line-lot').fill('L2611');
    await line(ITEMS.queijo).getByTestId('line-expiry').pressSequentially(brDay(5).replace(/\//g, ''));
    await expect(line(ITEMS.queijo).getByTestId('line-expiry')).toHaveValue(brDay(5));

    // Cans by the fardo of 12.
    await search.fill('guaraná');
    await search.press('Enter');
    await expect(line(ITEMS.lata).getByTestId('line-unit')).toHaveValue('fardo');
    await line(ITEMS.lata).getByTestId('line-quantity').fill('2');
    await line(ITEMS.lata).getByTestId('line-cost').fill('30,00');

    // What enters the stock, in the base unit, and the invoice's total.
    await expect(line(ITEMS.pao).getByTestId('line-base')).toHaveText('18 un');
    await expect(line(ITEMS.carne).getByTestId('line-base')).toHaveText('2 kg');
    await expect(line(ITEMS.queijo).getByTestId('line-base')).toHaveText('1,5 kg');
    await expect(line(ITEMS.lata).getByTestId('line-base')).toHaveText('24 un');
    await expect(line(ITEMS.queijo).getByTestId('line-total')).toHaveText('R$ 57,00');
    await expect(page.getByTestId('receive-total')).toHaveText('R$ 228,00');
    // Ready for the next scan.
    await search.focus();
    await page.mouse.move(0, 0);
    await page.mouse.wheel(0, -5000);
    await expect(page.getByTestId('toast')).toBeHidden({ timeout: 6000 });
    await page.screenshot({ path: `${SHOTS}/receive.png` });

    await page.getByTestId('receive-submit').click();
    await expect(page.getByTestId('receive-done')).toContainText('4 linhas');
    await expect(page.getByTestId('receive-line')).toHaveCount(0);

    await page.getByTestId('nav-estoque-insumos').click();
    await expectOnHand(page, { pao: '18 un', carne: '2 kg', queijo: '1,5 kg', lata: '24 un' });
    await expect(row(page, 'item-row', ITEMS.carne).getByTestId('item-average')).toHaveText('R$ 42,00/kg');
    await expect(row(page, 'item-row', ITEMS.lata).getByTestId('item-value')).toHaveText('R$ 60,00');
  });

  test('sales at the counter take the ingredients; a void gives them back', async () => {
    await expect(page.getByTestId('stock-items')).toBeVisible();
    const first = await sell([
      { productId: product.burger, quantity: 2 },
      { productId: product.soda, quantity: 2 },
    ]);
    const second = await sell([
      { productId: product.burger, quantity: 1 },
      { productId: product.soda, quantity: 1 },
    ]);
    // The screen follows the sales live: 3 burgers and 3 cans.
    await expectOnHand(page, { pao: '15 un', carne: '1,55 kg', queijo: '1,41 kg', lata: '21 un' });

    await api(request, adminToken, 'orders.void', { orderId: second.id, reason: 'Cliente desistiu' });
    await expectOnHand(page, { pao: '16 un', carne: '1,7 kg', queijo: '1,44 kg', lata: '22 un' });

    // The ledger shows the sale with its order number, and the estorno of the voided one.
    await page.getByTestId('nav-estoque-movimentos').click();
    await page.getByTestId('movements-item').selectOption({ label: ITEMS.carne });
    await page.getByTestId('movements-filter').click();
    const rows = page.getByTestId('movement-row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toHaveAttribute('data-kind', 'estorno');
    await expect(rows.nth(0).getByTestId('movement-quantity')).toHaveText('+150 g');
    await expect(page.locator('[data-testid="movement-row"][data-kind="venda"]').filter({ hasText: first.number }).getByTestId('movement-quantity')).toHaveText('-300 g');
    await expect(page.locator('[data-testid="movement-row"][data-kind="entrada"]')).toContainText('Distribuidora Estoque Ltda');
    await expect(page.locator('[data-testid="movement-row"][data-kind="entrada"]')).toContainText('NF 4471');
  });

  test('a loss typed by mistake is reversed in Movimentos', async () => {
    await page.getByTestId('nav-estoque-perdas').click();
    await page.getByTestId('loss-search').fill('brioche');
    await page.getByTestId('loss-search').press('Enter');
    await expect(page.getByTestId('loss-item')).toContainText('16 un');
    await page.getByTestId('loss-quantity').fill('2');
    await page.getByTestId('loss-reason-quebra').check();
    await page.getByTestId('loss-note').fill('Pacote rasgado');
    await page.getByTestId('loss-submit').click();
    await expect(page.getByTestId('toast')).toContainText('Perda registrada: 2 un');
    await expect(page.getByTestId('loss-recent')).toContainText(ITEMS.pao);

    await page.getByTestId('nav-estoque-movimentos').click();
    await page.getByTestId('movements-kind').selectOption('perda');
    await page.getByTestId('movements-filter').click();
    // The row of this loss by its note: the list may still show every kind while the filter's answer arrives.
    const loss = page.getByTestId('movement-row').filter({ hasText: ITEMS.pao }).filter({ hasText: 'Pacote rasgado' });
    await expect(loss.getByTestId('movement-quantity')).toHaveText('-2 un');
    await expect(page.getByTestId('movement-row').filter({ hasText: 'Estorno' })).toHaveCount(0);
    await expect(loss).toContainText('Quebra');
    await loss.getByTestId('movement-reverse').click();
    await page.getByTestId('reason-input').fill('Lançado no insumo errado');
    await page.getByTestId('reason-submit').click();
    await expect(loss).toContainText('Estornado');
    await expect(loss.getByTestId('movement-reverse')).toHaveCount(0);

    await page.getByTestId('nav-estoque-insumos').click();
    await expect(onHand(page, ITEMS.pao)).toHaveText('16 un');
  });

  test('a blind count with a variance closes with an ajuste', async () => {
    await page.getByTestId('nav-estoque-inventario').click();
    await page.getByTestId('count-start').click();
    const sheet = page.getByTestId('count-sheet');
    await expect(sheet).toBeVisible();
    const cans = row(page, 'count-row-item', ITEMS.lata);
    // Blind: the ledger's 22 cans are nowhere on the counting sheet.
    await expect(cans).not.toContainText('22');
    await expect(sheet).not.toContainText('22 un');
    await cans.getByTestId('count-input').fill('20');
    await cans.getByTestId('count-enter').click();
    await expect(cans.getByTestId('count-status')).toContainText('Lançado: 20 un');
    const bread = row(page, 'count-row-item', ITEMS.pao);
    await bread.getByTestId('count-input').fill('16');
    await bread.getByTestId('count-enter').click();
    await expect(bread.getByTestId('count-status')).toContainText('Lançado: 16 un');
    await expect(page.getByTestId('count-progress')).toContainText('2 de');

    await page.getByTestId('count-review-open').click();
    const review = page.getByTestId('count-review');
    const canLine = row(page, 'review-row', ITEMS.lata);
    await expect(canLine.getByTestId('review-variance')).toHaveText('-2 un');
    // 60,00 for 24 cans: R$ 2,50 each.
    await expect(canLine.getByTestId('review-value')).toHaveText(/^-R\$\s5,00$/);
    await expect(row(page, 'review-row', ITEMS.pao).getByTestId('review-variance')).toHaveText('Sem diferença');
    await expect(review.getByTestId('review-total')).toHaveText(/^-R\$\s5,00$/);
    await page.getByTestId('count-close').click();
    await page.getByTestId('count-confirm-submit').click();
    await expect(page.getByTestId('count-closed')).toContainText('1 ajuste');
    await expect(page.locator('[data-testid="count-row"][data-status="closed"]').first()).toBeVisible();

    await page.getByTestId('nav-estoque-movimentos').click();
    await page.getByTestId('movements-kind').selectOption('ajuste');
    await page.getByTestId('movements-item').selectOption({ label: ITEMS.lata });
    await page.getByTestId('movements-filter').click();
    const adjustment = page.getByTestId('movement-row');
    await expect(adjustment).toHaveCount(1);
    await expect(adjustment).toContainText('Ajuste');
    await expect(adjustment.getByTestId('movement-quantity')).toHaveText('-2 un');
    await expect(adjustment.getByTestId('movement-value')).toHaveText(/^-R\$\s5,00$/);
    await expect(adjustment).toContainText('inventário');

    await page.getByTestId('nav-estoque-insumos').click();
    await expect(onHand(page, ITEMS.lata)).toHaveText('20 un');
  });

  test('the recipes screen shows what a burger takes, and a modifier recipe is saved', async () => {
    // A modifier made through the API: "+ Cheddar" adds 20 g of cheese.
    const group = uuidv7();
    const extra = uuidv7();
    await api(request, adminToken, 'catalog.saveModifierGroup', { id: group, name: 'Extras Estoque', minChoices: 0, maxChoices: 2, options: [{ id: extra, name: '+ Cheddar Estoque', priceDelta: 300 }] });

    await page.getByTestId('nav-estoque-fichas').click();
    await page.getByTestId('recipes-search').fill('X-Estoque');
    await row(page, 'recipe-product', 'X-Estoque').click();
    const editor = page.getByTestId('recipe-editor');
    await expect(editor.getByTestId('recipe-line')).toHaveCount(3);
    await expect(row(page, 'recipe-line', ITEMS.carne).getByTestId('recipe-quantity')).toHaveValue('150');

    await page.getByTestId('recipes-tab-option').click();
    await page.getByTestId('recipes-search').fill('Cheddar Estoque');
    await row(page, 'recipe-option', '+ Cheddar Estoque').click();
    await editor.getByTestId('recipe-search').fill('cheddar');
    await editor.getByTestId('recipe-search').press('Enter');
    await row(page, 'recipe-line', ITEMS.queijo).getByTestId('recipe-quantity').fill('20');
    await editor.getByTestId('recipe-save').click();
    await expect(page.getByTestId('toast')).toContainText('salva');
    const recipes = await api<{ modifiers: { optionId: string; items: { itemId: string; quantity: number }[] }[] }>(request, adminToken, 'recipes.list', {});
    expect(recipes.modifiers.find((m) => m.optionId === extra)?.items).toEqual([{ itemId: item.queijo, quantity: 20_000 }]);
  });

  test('cans crossing their minimum show as low on the stockroom home, live', async () => {
    await page.getByTestId('nav-estoque').click();
    const home = page.getByTestId('stock-home');
    await expect(home).toBeVisible();
    await expect(row(page, 'low-row', ITEMS.lata)).toHaveCount(0);
    await expect(row(page, 'expiring-row', ITEMS.queijo)).toContainText('L2611');

    // 8 cans sold: 20 → 12, the minimum.
    await sell([{ productId: product.soda, quantity: 8 }]);
    const low = row(page, 'low-row', ITEMS.lata);
    await expect(low).toBeVisible();
    await expect(low.getByTestId('low-onhand')).toHaveText('12 un');
    await expect(low).toContainText('No mínimo');
    await expect(page.getByTestId('toast')).toContainText(`${ITEMS.lata} chegou ao estoque mínimo`);
    await expect(page.getByTestId('figure-low')).not.toContainText('0');
    await page.mouse.move(0, 0);
    await expect(page.getByTestId('toast')).toBeHidden({ timeout: 6000 });
    await page.screenshot({ path: `${SHOTS}/stockroom.png` });
  });

  test('a manager opens the same screens from one Estoque entry', async ({ browser }) => {
    const manager = await newPage(browser);
    try {
      await signIn(manager.page, ADMIN);
      await manager.page.getByTestId('nav-estoque').click();
      await expect(manager.page.getByTestId('stock-home')).toBeVisible();
      await manager.page.getByTestId('stock-tab-estoque-insumos').click();
      await expect(manager.page.getByTestId('nav-estoque')).toHaveAttribute('aria-current', 'page');
      await expect(onHand(manager.page, ITEMS.lata)).toHaveText('12 un');
      await expect(row(manager.page, 'item-row', ITEMS.lata).getByTestId('badge-low')).toBeVisible();
    } finally {
      await manager.context.close();
    }
  });
});
