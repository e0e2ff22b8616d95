import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, signIn } from './session.js';

// The lunch rush, end to end in browser mode: a menu made through the API, then the cashier's
// counter (search, modifiers, combo, notes, cash with change, cards, PIX with its QR, a split, a
// comanda paid later, a manager-approved discount, hold and recall), the kitchen moving tickets, the
// ready board, a void with the manager's PIN, a sangria and the blind close whose Z report must match
// the sums kept here. Then a second caixa closed R$ 5,00 short.
//
// The foundation spec may or may not have run first on this server: the shop is set up here when it
// is not, and every person this spec signs in is its own.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Rita Rush', pin: '3917' };
const MANAGER = { name: 'Gil Gerente', pin: '820461' };
const KITCHEN = { name: 'Kiko Chapa', pin: '5826' };
const VIEWPORT = { width: 1366, height: 768 };

type Method = 'cash' | 'debit' | 'credit' | 'voucher' | 'pix';
const METHODS: readonly Method[] = ['cash', 'debit', 'credit', 'voucher', 'pix'];

/** What the Z report must say, kept as the orders are taken: the amount each method took in. */
class Ledger {
  sales: Record<Method, number> = { cash: 0, debit: 0, credit: 0, voucher: 0, pix: 0 };
  refunds: Record<Method, number> = { cash: 0, debit: 0, credit: 0, voucher: 0, pix: 0 };
  payments = new Map<string, { method: Method; amount: number }[]>();
  sangrias = 0;
  orders = 0;

  paid(orderNumber: string, payments: { method: Method; amount: number }[]) {
    this.payments.set(orderNumber, payments);
    for (const p of payments) this.sales[p.method] += p.amount;
    this.orders += 1;
  }

  voided(orderNumber: string) {
    for (const p of this.payments.get(orderNumber) ?? []) this.refunds[p.method] += p.amount;
  }

  expected(openingFloat: number): Record<Method, number> {
    const result = {} as Record<Method, number>;
    for (const method of METHODS) result[method] = this.sales[method] - this.refunds[method];
    result.cash = openingFloat + this.sales.cash - this.refunds.cash - this.sangrias;
    return result;
  }
}

/** "R$ 1.234,56" as the screens write it (Intl's non-breaking space matches any space here). */
const brl = (centavos: number) => `R$ ${Math.floor(centavos / 100).toLocaleString('pt-BR')},${String(centavos % 100).padStart(2, '0')}`;
const typed = (centavos: number) => `${Math.floor(centavos / 100)},${String(centavos % 100).padStart(2, '0')}`;

const login = async (request: APIRequestContext, who: { name: string; pin: string }) =>
  (await api<{ token: string }>(request, null, 'auth.login', { name: who.name, pin: who.pin })).token;

/** The menu of a small lanchonete; returns the ids the API orders use. */
async function createMenu(request: APIRequestContext, token: string) {
  const id = () => uuidv7();
  const cat = { lanches: id(), porcoes: id(), bebidas: id() };
  await api(request, token, 'catalog.saveCategory', { id: cat.lanches, name: 'Lanches', color: '#ef4444', sortOrder: 1 });
  await api(request, token, 'catalog.saveCategory', { id: cat.porcoes, name: 'Porções', color: '#f59e0b', sortOrder: 2 });
  await api(request, token, 'catalog.saveCategory', { id: cat.bebidas, name: 'Bebidas', color: '#3b82f6', sortOrder: 3 });
  const ponto = { id: id(), mal: id(), aoPonto: id(), bem: id() };
  await api(request, token, 'catalog.saveModifierGroup', {
    id: ponto.id,
    name: 'Ponto',
    minChoices: 1,
    maxChoices: 1,
    options: [
      { id: ponto.mal, name: 'Mal passado', priceDelta: 0 },
      { id: ponto.aoPonto, name: 'Ao ponto', priceDelta: 0 },
      { id: ponto.bem, name: 'Bem passado', priceDelta: 0 },
    ],
  });
  const extras = { id: id(), bacon: id(), queijo: id(), ovo: id(), semCebola: id() };
  await api(request, token, 'catalog.saveModifierGroup', {
    id: extras.id,
    name: 'Adicionais',
    minChoices: 0,
    maxChoices: 3,
    options: [
      { id: extras.bacon, name: '+ Bacon', priceDelta: 400 },
      { id: extras.queijo, name: '+ Queijo', priceDelta: 300 },
      { id: extras.ovo, name: '+ Ovo', priceDelta: 250 },
      { id: extras.semCebola, name: 'Sem cebola', priceDelta: 0 },
    ],
  });
  const p = { burger: id(), salada: id(), fries: id(), soda: id(), juice: id(), pao: id(), combo: id() };
  const save = (input: Record<string, unknown>) => api(request, token, 'catalog.saveProduct', input);
  await save({ id: p.burger, name: 'X-Burger', code: 'XB', price: 1800, categoryId: cat.lanches, station: 'Chapa', modifierGroupIds: [ponto.id, extras.id] });
  await save({ id: p.salada, name: 'X-Salada', code: 'XS', barcode: '7891000100103', price: 2000, categoryId: cat.lanches, station: 'Chapa', modifierGroupIds: [extras.id] });
  await save({ id: p.fries, name: 'Batata frita', code: 'BAT', price: 1200, categoryId: cat.porcoes, station: 'Fritadeira' });
  await save({ id: p.pao, name: 'Pão de queijo', code: 'PQ', price: 500, categoryId: cat.porcoes });
  // Drinks have no station: they are handed over at the counter.
  await save({ id: p.soda, name: 'Refrigerante lata', code: 'REF', barcode: '7894900011517', price: 600, categoryId: cat.bebidas });
  await save({ id: p.juice, name: 'Suco de laranja', code: 'SUC', price: 900, categoryId: cat.bebidas });
  const slots = { lanche: id(), bebida: id() };
  await save({
    id: p.combo,
    name: 'Combo X-Burger',
    code: 'CXB',
    price: 2800,
    categoryId: cat.lanches,
    station: 'Chapa',
    comboSlots: [
      { id: slots.lanche, name: 'Lanche', options: [{ productId: p.burger, priceDelta: 0 }, { productId: p.salada, priceDelta: 200 }] },
      { id: slots.bebida, name: 'Bebida', options: [{ productId: p.soda, priceDelta: 0 }, { productId: p.juice, priceDelta: 200 }] },
    ],
  });
  return { cat, ponto, extras, p, slots };
}

type Menu = Awaited<ReturnType<typeof createMenu>>;

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  return { context, page: await context.newPage() };
}

/** Types in the counter's search and takes the first result with Enter. */
async function addBySearch(page: Page, query: string, expectFirst: string) {
  const search = page.getByTestId('counter-search');
  await search.fill(query);
  await expect(page.getByTestId('search-result').first()).toHaveAttribute('data-product-name', expectFirst);
  await search.press('Enter');
}

async function finishSale(page: Page): Promise<string> {
  const done = page.getByTestId('order-done');
  await expect(done).toBeVisible();
  const number = (await page.getByTestId('order-number').textContent())!.trim();
  expect(number).toMatch(/^A-\d{3}$/);
  return number;
}

async function newOrder(page: Page) {
  await page.getByTestId('new-order').click();
  await expect(page.getByTestId('order-done')).toBeHidden();
  await expect(page.getByTestId('cart-total')).toHaveText(brl(0));
}

/** Moves the first ticket of the kitchen to "Em preparo" and then to "Pronto" with clicks. */
async function advanceFirstTicket(kitchen: Page) {
  const ticket = kitchen.getByTestId('ticket').first();
  const number = (await ticket.getAttribute('data-number'))!;
  const status = await ticket.getAttribute('data-status');
  await ticket.getByTestId('ticket-advance').click();
  if (status === 'queued') {
    await expect(kitchen.locator(`[data-testid="ticket"][data-number="${number}"][data-status="preparing"]`).first()).toBeVisible();
  } else {
    await expect(kitchen.locator(`[data-testid="ticket"][data-number="${number}"][data-status="preparing"]`)).toHaveCount(0);
  }
}

test.describe.serial('lunch rush', () => {
  let menu: Menu;
  let adminToken: string;

  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    adminToken = await login(request, ADMIN);
    menu = await createMenu(request, adminToken);
    await api(request, adminToken, 'settings.update', {
      pixKey: '+5511912345678',
      pixMerchantName: 'Lanchonete Teste',
      pixMerchantCity: 'SAO PAULO',
      discountLimitBps: 1000,
    });
    for (const [who, role] of [
      [CASHIER, 'cashier'],
      [MANAGER, 'manager'],
      [KITCHEN, 'kitchen'],
    ] as const) {
      await api(request, adminToken, 'users.create', { id: uuidv7(), name: who.name, role, pin: who.pin });
    }
    await request.dispose();
  });

  test('lunch rush', async ({ browser, playwright }, info) => {
    // The whole rush, with some forty live kitchen moves watched on three screens: past two minutes on a busy machine.
    test.setTimeout(240_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const ledger = new Ledger();
    const { page } = await newPage(browser);
    const numbers: Record<string, string> = {};

    await test.step('the cashier signs in at the counter and opens the caixa with R$ 100,00', async () => {
      await signIn(page, CASHIER);
      await expect(page.getByTestId('open-caixa')).toBeVisible();
      await page.getByTestId('opening-float').fill('100,00');
      await page.getByTestId('open-caixa-submit').click();
      await expect(page.getByTestId('counter-ready')).toBeVisible();
      // The cashier's menu: the counter, the orders and the caixa; nothing of the managers'.
      await expect(page.getByTestId('nav-caixa')).toHaveAttribute('aria-current', 'page');
      await expect(page.getByTestId('nav-usuarios')).toHaveCount(0);
    });

    await test.step('cash with change: burger with "Ponto" and bacon and a note, pão de queijo found by "pao"', async () => {
      await addBySearch(page, 'x-bur', 'X-Burger');
      const options = page.getByTestId('options-dialog');
      await expect(options).toBeVisible();
      // "Ponto" is required: the dialog refuses to add without it.
      await page.getByTestId('options-confirm').click();
      await expect(page.getByTestId('options-problems')).toContainText('Ponto');
      await options.getByRole('button', { name: /Ao ponto/ }).click();
      await options.getByRole('button', { name: /\+ Bacon/ }).click();
      await page.getByTestId('options-notes').fill('sem cebola');
      await page.getByTestId('options-confirm').click();
      await expect(options).toBeHidden();

      await addBySearch(page, 'pao', 'Pão de queijo');
      await expect(page.getByTestId('cart-line')).toHaveCount(2);
      await expect(page.getByTestId('cart-line').first()).toContainText('sem cebola');
      await expect(page.getByTestId('cart-total')).toHaveText(brl(2700));
      // Accents and case do not matter: "X-" lists both burgers and the combo, best match first.
      await page.getByTestId('counter-search').fill('x-');
      await expect(page.getByTestId('search-result')).toHaveCount(3);
      await page.screenshot({ path: `${SHOTS}/counter.png` });
      await page.getByTestId('counter-search').press('Escape');
      await expect(page.getByTestId('counter-search')).toHaveValue('');

      await page.keyboard.press('F10');
      await expect(page.getByTestId('pay-dialog')).toBeVisible();
      await page.keyboard.press('1');
      await expect(page.getByTestId('pay-tendered')).toHaveValue('27,00');
      await page.getByTestId('pay-quick-5000').click();
      await expect(page.getByTestId('pay-change')).toHaveText(brl(2300));
      await page.getByTestId('pay-finish').click();
      numbers.cashChange = await finishSale(page);
      await expect(page.getByTestId('order-change')).toHaveText(brl(2300));
      await expect(page.frameLocator('[data-testid="receipt-preview"]').locator('body')).toContainText('NÃO É DOCUMENTO FISCAL');
      await expect(page.frameLocator('[data-testid="receipt-preview"]').locator('body')).toContainText('sem cebola');
      ledger.paid(numbers.cashChange, [{ method: 'cash', amount: 2700 }]);
      await newOrder(page);
    });

    await test.step('débito: the barcode reader adds the soda at once, fries from the category tile', async () => {
      await page.getByTestId('counter-search').click();
      await page.keyboard.type('7894900011517');
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await expect(page.getByTestId('counter-search')).toHaveValue('');
      await page.getByTestId('category-tile').filter({ hasText: 'Porções' }).click();
      await page.getByTestId('product-tile').filter({ hasText: 'Batata frita' }).click();
      await expect(page.getByTestId('cart-total')).toHaveText(brl(1800));
      await page.getByTestId('pay-button').click();
      await page.getByTestId('pay-method-debit').click();
      await expect(page.getByTestId('pay-amount-debit')).toHaveValue('18,00');
      await page.getByTestId('pay-finish').click();
      numbers.debit = await finishSale(page);
      ledger.paid(numbers.debit, [{ method: 'debit', amount: 1800 }]);
      await newOrder(page);
    });

    await test.step('crédito: a combo for takeaway with slot choices, customer and pager', async () => {
      await page.getByTestId('order-type-viagem').click();
      await addBySearch(page, 'combo', 'Combo X-Burger');
      const options = page.getByTestId('options-dialog');
      await options.getByRole('button', { name: /X-Salada/ }).click();
      await options.getByRole('button', { name: /Suco de laranja/ }).click();
      await page.getByTestId('options-confirm').click();
      await page.keyboard.press('F4');
      await page.getByTestId('customer-name').fill('Bia');
      await page.getByTestId('customer-pager').fill('12');
      await page.getByTestId('customer-save').click();
      await expect(page.getByTestId('customer-button')).toContainText('Bia');
      await expect(page.getByTestId('cart-total')).toHaveText(brl(3200));
      await page.keyboard.press('F10');
      await page.getByTestId('pay-method-credit').click();
      await page.getByTestId('pay-finish').click();
      numbers.credit = await finishSale(page);
      ledger.paid(numbers.credit, [{ method: 'credit', amount: 3200 }]);
      await newOrder(page);
    });

    await test.step('PIX: the QR and the copia e cola are shown, then "PIX recebido"', async () => {
      await addBySearch(page, 'salada', 'X-Salada');
      await page.getByTestId('options-dialog').getByRole('button', { name: /\+ Queijo/ }).click();
      await page.getByTestId('options-confirm').click();
      await addBySearch(page, 'batata', 'Batata frita');
      await expect(page.getByTestId('cart-total')).toHaveText(brl(3500));
      await page.keyboard.press('F10');
      await page.getByTestId('pay-method-pix').click();
      await page.getByTestId('pay-finish').click();
      await expect(page.getByTestId('pix-panel')).toBeVisible();
      await expect(page.getByTestId('pix-qr')).toBeVisible();
      const payload = await page.getByTestId('pix-payload').inputValue();
      expect(payload).toContain('br.gov.bcb.pix');
      expect(payload).toContain('540535.00');
      expect(payload).toContain('5303986');
      await page.screenshot({ path: `${SHOTS}/pix.png` });
      await page.getByTestId('pix-received').click();
      numbers.pix = await finishSale(page);
      ledger.paid(numbers.pix, [{ method: 'pix', amount: 3500 }]);
      await newOrder(page);
    });

    await test.step('split: débito R$ 20,00 and the rest in cash, with change', async () => {
      await addBySearch(page, 'XB', 'X-Burger');
      await page.getByTestId('options-dialog').getByRole('button', { name: /Bem passado/ }).click();
      await page.getByTestId('options-confirm').click();
      // "+" with an empty search adds one to the selected line.
      await page.getByTestId('counter-search').press('+');
      await expect(page.getByTestId('line-quantity')).toHaveText('2×');
      await expect(page.getByTestId('cart-total')).toHaveText(brl(3600));
      await page.keyboard.press('F10');
      await page.getByTestId('pay-method-debit').click();
      await page.getByTestId('pay-amount-debit').fill('20,00');
      await page.getByTestId('pay-method-cash').click();
      await expect(page.getByTestId('pay-tendered')).toHaveValue('16,00');
      await page.getByTestId('pay-quick-2000').click();
      await expect(page.getByTestId('pay-change')).toHaveText(brl(400));
      await expect(page.getByTestId('pay-remaining')).toHaveText(brl(0));
      await page.getByTestId('pay-finish').click();
      numbers.split = await finishSale(page);
      await expect(page.getByTestId('order-change')).toHaveText(brl(400));
      ledger.paid(numbers.split, [
        { method: 'debit', amount: 2000 },
        { method: 'cash', amount: 1600 },
      ]);
      await newOrder(page);
    });

    await test.step('a comanda is opened for "Mesa 4"; its items go to the kitchen', async () => {
      await page.getByTestId('order-type-comanda').click();
      await addBySearch(page, 'batata', 'Batata frita');
      await page.getByTestId('counter-search').fill('7894900011517');
      await expect(page.getByTestId('cart-line')).toHaveCount(2);
      await page.getByTestId('pay-button').click();
      // A comanda needs a name or a pager.
      await expect(page.getByTestId('customer-dialog')).toBeVisible();
      await page.getByTestId('customer-name').fill('Mesa 4');
      await page.getByTestId('customer-save').click();
      await expect(page.getByTestId('pay-button')).toContainText('Abrir comanda');
      await page.getByTestId('pay-button').click();
      numbers.comanda = await finishSale(page);
      await expect(page.getByTestId('order-done')).toContainText('Comanda aberta');
      await newOrder(page);
    });

    await test.step('a discount above the limit needs the manager: 20% off, approved with his PIN', async () => {
      await addBySearch(page, 'x-burger', 'X-Burger');
      await page.getByTestId('options-dialog').getByRole('button', { name: /Ao ponto/ }).click();
      await page.getByTestId('options-confirm').click();
      await page.keyboard.press('F6');
      await expect(page.getByTestId('discount-dialog')).toBeVisible();
      await page.getByTestId('discount-value').fill('20');
      await expect(page.getByTestId('discount-preview')).toHaveText(`− ${brl(360)}`);
      await page.getByTestId('discount-submit').click();
      await expect(page.getByTestId('cart-total')).toHaveText(brl(1440));
      await page.keyboard.press('F10');
      await page.keyboard.press('1');
      await page.getByTestId('pay-finish').click();
      const approval = page.getByTestId('override-dialog');
      await expect(approval).toBeVisible();
      await page.getByTestId('override-manager').selectOption(MANAGER.name);
      await page.getByTestId('override-pin').fill(MANAGER.pin);
      await page.getByTestId('override-submit').click();
      numbers.discount = await finishSale(page);
      ledger.paid(numbers.discount, [{ method: 'cash', amount: 1440 }]);
      await newOrder(page);
    });

    await test.step('hold (F8) and recall (F9), then paid with a meal voucher', async () => {
      await addBySearch(page, 'queijo', 'Pão de queijo');
      await page.keyboard.press('F8');
      await page.getByTestId('hold-label').fill('Moço do boné');
      await page.getByTestId('hold-submit').click();
      await expect(page.getByTestId('cart-line')).toHaveCount(0);
      await page.keyboard.press('F9');
      await page.getByTestId('held-row').filter({ hasText: 'Moço do boné' }).click();
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await expect(page.getByTestId('cart-total')).toHaveText(brl(500));
      await page.keyboard.press('F10');
      await page.getByTestId('pay-method-voucher').click();
      await page.getByTestId('pay-finish').click();
      numbers.voucher = await finishSale(page);
      ledger.paid(numbers.voucher, [{ method: 'voucher', amount: 500 }]);
      await newOrder(page);
    });

    await test.step('the comanda gets one more item and is paid in cash', async () => {
      await page.keyboard.press('F3');
      const row = page.locator(`[data-testid="open-order-row"][data-number="${numbers.comanda}"]`);
      await expect(row).toContainText('Mesa 4');
      await row.getByTestId('open-order-add').click();
      await expect(page.getByTestId('counter-target')).toHaveAttribute('data-number', numbers.comanda!);
      await addBySearch(page, 'pao de q', 'Pão de queijo');
      await expect(page.getByTestId('cart-total')).toHaveText(brl(2300));
      await page.getByTestId('pay-button').click();
      await expect(page.getByTestId('toast')).toContainText(`Itens lançados no pedido ${numbers.comanda}`);
      await expect(page.getByTestId('pay-button')).toContainText('Receber');
      await page.keyboard.press('F10');
      await page.keyboard.press('1');
      await page.getByTestId('pay-exact').click();
      await page.getByTestId('pay-finish').click();
      expect(await finishSale(page)).toBe(numbers.comanda);
      ledger.paid(numbers.comanda!, [{ method: 'cash', amount: 2300 }]);
      await newOrder(page);
    });

    await test.step('the rest of the rush (12 orders) comes from the cashier\'s token', async () => {
      const token = await login(request, CASHIER);
      const { p, ponto, extras, slots } = menu;
      const plans: { lines: Record<string, unknown>[]; total: number; method: Method }[] = [
        { lines: [{ productId: p.burger, quantity: 1, modifierOptionIds: [ponto.bem, extras.ovo], notes: 'sem picles' }], total: 2050, method: 'cash' },
        { lines: [{ productId: p.fries, quantity: 2 }], total: 2400, method: 'debit' },
        { lines: [{ productId: p.salada, quantity: 1, modifierOptionIds: [extras.semCebola] }, { productId: p.soda, quantity: 1 }], total: 2600, method: 'credit' },
        { lines: [{ productId: p.combo, quantity: 1, comboChoices: [{ slotId: slots.lanche, productId: p.burger, modifierOptionIds: [ponto.aoPonto] }, { slotId: slots.bebida, productId: p.soda }], notes: 'capricha' }], total: 2800, method: 'pix' },
        { lines: [{ productId: p.burger, quantity: 2, modifierOptionIds: [ponto.mal] }], total: 3600, method: 'cash' },
        { lines: [{ productId: p.fries, quantity: 1 }, { productId: p.juice, quantity: 1 }], total: 2100, method: 'voucher' },
        { lines: [{ productId: p.salada, quantity: 1, modifierOptionIds: [extras.bacon, extras.queijo] }], total: 2700, method: 'debit' },
        { lines: [{ productId: p.burger, quantity: 1, modifierOptionIds: [ponto.aoPonto], notes: 'pão sem gergelim' }, { productId: p.pao, quantity: 3 }], total: 3300, method: 'cash' },
        { lines: [{ productId: p.fries, quantity: 1, notes: 'bem sequinha' }], total: 1200, method: 'credit' },
        { lines: [{ productId: p.combo, quantity: 2, comboChoices: [{ slotId: slots.lanche, productId: p.salada }, { slotId: slots.bebida, productId: p.juice }] }], total: 6400, method: 'pix' },
        { lines: [{ productId: p.burger, quantity: 1, modifierOptionIds: [ponto.mal, extras.bacon] }, { productId: p.soda, quantity: 2 }], total: 3400, method: 'cash' },
        { lines: [{ productId: p.fries, quantity: 1 }], total: 1200, method: 'debit' },
      ];
      for (const [i, plan] of plans.entries()) {
        const payment =
          plan.method === 'cash' ? { id: uuidv7(), method: 'cash', tendered: Math.ceil(plan.total / 1000) * 1000 } : { id: uuidv7(), method: plan.method, amount: plan.total };
        const order = await api<{ number: string; total: number; change: number }>(request, token, 'orders.create', {
          id: uuidv7(),
          type: i % 3 === 0 ? 'viagem' : 'balcao',
          ...(i % 2 ? { customerName: `Cliente ${i + 1}` } : { pager: String(30 + i) }),
          lines: plan.lines.map((line) => ({ id: uuidv7(), ...line })),
          payments: [payment],
        });
        expect(order.total).toBe(plan.total);
        ledger.paid(order.number, [{ method: plan.method, amount: plan.total }]);
      }
      expect(ledger.orders).toBe(20);
    });

    const { page: kitchen } = await newPage(browser);
    const { page: board } = await newPage(browser);

    await test.step('the kitchen sees the queue by station, live, and moves tickets with keys and touches', async () => {
      await signIn(kitchen, KITCHEN);
      await expect(kitchen.getByTestId('kitchen-screen')).toBeVisible();
      await expect(kitchen.locator('[data-testid="kitchen-column"][data-station="Chapa"]')).toBeVisible();
      await expect(kitchen.locator('[data-testid="kitchen-column"][data-station="Fritadeira"]')).toBeVisible();
      // The first order: burger with its choices and the note, big.
      const first = kitchen.locator(`[data-testid="ticket"][data-number="${numbers.cashChange}"]`);
      await expect(first).toContainText('X-Burger');
      await expect(first).toContainText('Ao ponto');
      await expect(first).toContainText('OBS: sem cebola');
      // The combo's chosen burger reaches the Chapa by its own name (the juice has no station); the comanda's customer too.
      await expect(kitchen.locator(`[data-testid="ticket"][data-number="${numbers.credit}"]`)).toContainText('X-Salada');
      await expect(kitchen.locator(`[data-testid="ticket"][data-number="${numbers.credit}"]`)).toContainText('do Combo X-Burger');
      await expect(kitchen.locator(`[data-testid="ticket"][data-number="${numbers.comanda}"]`)).toContainText('Mesa 4');

      await signIn(board, MANAGER);
      await board.goto('/#/painel');
      await expect(board.getByTestId('ready-board')).toBeVisible();
      await expect(board.getByTestId('board-preparing').getByTestId('board-entry').first()).toBeVisible();

      // Keys: 1 picks the oldest ticket, Enter starts it, Enter again says it is ready.
      await kitchen.keyboard.press('1');
      await kitchen.keyboard.press('Enter');
      await expect(first.first()).toHaveAttribute('data-status', 'preparing');
      await kitchen.getByTestId('ticket').nth(2).getByTestId('ticket-advance').click();
      await kitchen.getByTestId('ticket').nth(3).getByTestId('ticket-advance').click();
      await expect(kitchen.locator('[data-testid="ticket"][data-status="preparing"]')).not.toHaveCount(0);
      await kitchen.keyboard.press('1');
      await expect(first).toHaveClass(/selected/);
      await kitchen.screenshot({ path: `${SHOTS}/kitchen.png` });
      await kitchen.keyboard.press('Enter');
      await expect(first).toHaveCount(0);
      await expect(board.getByTestId('board-ready').locator(`[data-number="${numbers.cashChange}"]`)).toBeVisible();

      // Touch through the rest of the queue, watching the board follow live.
      let moves = 0;
      while ((await kitchen.getByTestId('ticket').count()) > 0) {
        await advanceFirstTicket(kitchen);
        moves += 1;
        if (moves === 14) await board.screenshot({ path: `${SHOTS}/board.png` });
        expect(moves).toBeLessThan(80);
      }
      await expect(kitchen.getByTestId('kitchen-empty')).toBeVisible();
      for (const key of ['debit', 'credit', 'pix', 'split', 'comanda', 'discount'] as const) {
        await expect(board.getByTestId('board-ready').locator(`[data-number="${numbers[key]}"]`)).toBeVisible();
      }
      await expect(board.getByTestId('board-preparing').getByTestId('board-entry')).toHaveCount(0);
    });

    await test.step('the counter hands an order over: it leaves the board', async () => {
      const chip = page.locator(`[data-testid="ready-order"][data-number="${numbers.split}"]`);
      await expect(chip).toBeVisible();
      await chip.getByTestId('deliver-button').click();
      await expect(chip).toHaveCount(0);
      await expect(board.locator(`[data-testid="board-entry"][data-number="${numbers.split}"]`)).toHaveCount(0);
    });

    await test.step('a void from "Pedidos do dia" with the manager\'s PIN', async () => {
      await page.getByTestId('nav-pedidos').click();
      const row = page.locator(`[data-testid="order-row"][data-number="${numbers.cashChange}"]`);
      await row.getByTestId('order-receipt').click();
      await expect(page.frameLocator('[data-testid="receipt-preview"]').locator('body')).toContainText(numbers.cashChange!);
      await page.getByTestId('receipt-dialog').getByRole('button', { name: 'Fechar' }).first().click();
      await row.getByTestId('order-void').click();
      await page.getByTestId('reason-input').fill('Cliente desistiu');
      await page.getByTestId('reason-submit').click();
      await expect(page.getByTestId('override-dialog')).toBeVisible();
      await page.getByTestId('override-manager').selectOption(MANAGER.name);
      await page.getByTestId('override-pin').fill(MANAGER.pin);
      await page.getByTestId('override-submit').click();
      await expect(row.getByTestId('order-status')).toHaveText('Estornado');
      ledger.voided(numbers.cashChange!);
      await expect(board.locator(`[data-testid="board-entry"][data-number="${numbers.cashChange}"]`)).toHaveCount(0);
    });

    await test.step('a sangria of R$ 30,00', async () => {
      await page.getByTestId('nav-caixa-sessao').click();
      await page.getByTestId('cash-sangria').click();
      await page.getByTestId('movement-amount').fill('30,00');
      await page.getByTestId('movement-reason').fill('Depósito no cofre');
      await page.getByTestId('movement-submit').click();
      await expect(page.getByTestId('movement-done')).toContainText('Sangria de R$');
      await page.getByTestId('movement-close').click();
      ledger.sangrias += 3000;
    });

    await test.step('the blind close with counted = expected; the Z report matches the sums kept here', async () => {
      const expected = ledger.expected(10_000);
      await page.getByTestId('cash-close').click();
      const close = page.getByTestId('close-dialog');
      await expect(close).not.toContainText('Esperado');
      for (const method of METHODS) await page.getByTestId(`count-${method}`).fill(typed(expected[method]));
      await page.getByTestId('close-submit').click();
      await expect(page.getByTestId('close-confirm-text')).toBeVisible();
      await page.getByTestId('close-submit').click();
      const z = page.getByTestId('z-report');
      await expect(z).toBeVisible();
      for (const method of METHODS) {
        const row = z.locator(`[data-testid="report-method"][data-method="${method}"]`);
        await expect(row.getByTestId('report-expected')).toHaveAttribute('data-value', String(expected[method]));
        await expect(row.getByTestId('report-counted')).toHaveAttribute('data-value', String(expected[method]));
        await expect(row.getByTestId('report-difference')).toHaveAttribute('data-value', '0');
      }
      await expect(z.getByTestId('report-cash-expected')).toHaveText(brl(expected.cash));
      await expect(z.getByTestId('report-orders-count')).toHaveText('19');
      await expect(z.getByTestId('report-orders-voided')).toContainText('1');
      // The "Caixa fechado." toast goes away by itself; the picture is of the report alone.
      await expect(page.getByTestId('toast')).toBeHidden({ timeout: 8_000 });
      await page.screenshot({ path: `${SHOTS}/z-report.png` });
    });

    await request.dispose();
  });

  test('a second caixa closed R$ 5,00 short shows the shortage in red', async ({ browser }) => {
    const { page } = await newPage(browser);
    await signIn(page, CASHIER);
    await expect(page.getByTestId('open-caixa')).toBeVisible();
    await page.getByTestId('opening-float').fill('50,00');
    await page.getByTestId('open-caixa-submit').click();
    await expect(page.getByTestId('counter-ready')).toBeVisible();

    await addBySearch(page, 'pao', 'Pão de queijo');
    await page.keyboard.press('F10');
    await page.keyboard.press('1');
    await page.getByTestId('pay-finish').click();
    await finishSale(page);
    await newOrder(page);

    await page.getByTestId('counter-search').fill('7894900011517');
    await page.keyboard.press('F10');
    await page.getByTestId('pay-method-debit').click();
    await page.getByTestId('pay-finish').click();
    await finishSale(page);
    await newOrder(page);

    await page.getByTestId('nav-caixa-sessao').click();
    await page.getByTestId('cash-close').click();
    // Expected cash: 50,00 + 5,00 = 55,00; counted 50,00.
    await page.getByTestId('count-cash').fill('50,00');
    await page.getByTestId('count-debit').fill('6,00');
    await page.getByTestId('close-submit').click();
    await page.getByTestId('close-submit').click();
    const cash = page.getByTestId('z-report').locator('[data-testid="report-method"][data-method="cash"]');
    await expect(cash.getByTestId('report-expected')).toHaveAttribute('data-value', '5500');
    await expect(cash.getByTestId('report-difference')).toHaveAttribute('data-value', '-500');
    await expect(cash.getByTestId('report-difference')).toContainText(`− ${brl(500)}`);
    await expect(cash).toHaveClass(/diff-short/);
    await expect(page.getByTestId('z-report').locator('[data-testid="report-method"][data-method="debit"]').getByTestId('report-difference')).toHaveAttribute('data-value', '0');
  });

  test('a staff meal on a comanda, 100% off, closes with no payment', async ({ browser, playwright }, info) => {
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const { page } = await newPage(browser);
    await signIn(page, CASHIER);
    await expect(page.getByTestId('open-caixa')).toBeVisible();
    await page.getByTestId('opening-float').fill('0,00');
    await page.getByTestId('open-caixa-submit').click();
    await expect(page.getByTestId('counter-ready')).toBeVisible();
    // The manager puts the team's lunch on a comanda, all of it off.
    const managerToken = await login(request, MANAGER);
    const meal = await api<{ number: string }>(request, managerToken, 'orders.create', {
      id: uuidv7(),
      type: 'comanda',
      customerName: 'Equipe',
      lines: [{ id: uuidv7(), productId: menu.p.pao, quantity: 2 }],
      discount: { kind: 'percent', value: 10_000, reason: 'refeição da equipe' },
    });
    await page.keyboard.press('F3');
    await page.locator(`[data-testid="open-order-row"][data-number="${meal.number}"]`).getByTestId('open-order-pay').click();
    await expect(page.getByTestId('pay-dialog')).toBeVisible();
    await expect(page.getByTestId('pay-due')).toHaveText(brl(0));
    await expect(page.getByTestId('pay-nothing-due')).toContainText('Nada a pagar');
    // A payment method is not needed, and choosing one is pointed out.
    await page.getByTestId('pay-method-debit').click();
    await expect(page.getByTestId('pay-problem')).toContainText('Nada a pagar');
    await expect(page.getByTestId('pay-finish')).toBeDisabled();
    await page.getByRole('button', { name: 'Tirar Débito' }).click();
    await expect(page.getByTestId('pay-finish')).toContainText('Fechar sem pagamento');
    await page.getByTestId('pay-finish').click();
    expect(await finishSale(page)).toBe(meal.number);
    await request.dispose();
  });
});
