import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { api, login } from './session.js';

// The kitchen and the call board at the rush: ticket keys that stay put while a ticket is on screen,
// buttons that say the action, the TV board on a read-only board link with pagers, and every live
// screen saying "sem conexão" when the server goes away, then catching up by itself once it is back.
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not,
// and the people and products made here are this spec's own ("Coz").

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const COOK = { name: 'Kika Coz', pin: '6284' };
const CASHIER = { name: 'Caco Coz', pin: '7395' };
const VIEWPORT = { width: 1366, height: 768 };

async function signIn(page: Page, who: { name: string; pin: string }) {
  await page.getByTestId('user-tile').filter({ hasText: who.name }).click();
  await expect(page.getByTestId('pin-step')).toContainText(who.name);
  await page.keyboard.type(who.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(who.name);
}

/** The shop with this spec's cook, cashier (caixa open) and a product made at the Chapa. */
async function prepareShop(request: APIRequestContext) {
  const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
  if (!status.initialized) await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
  const admin = await login(request, ADMIN);
  // An earlier test of this spec may have made them already.
  const roster = await api<{ name: string }[]>(request, null, 'auth.roster', {});
  for (const [who, role] of [
    [COOK, 'kitchen'],
    [CASHIER, 'cashier'],
  ] as const) {
    if (!roster.some((user) => user.name === who.name)) await api(request, admin, 'users.create', { id: uuidv7(), name: who.name, role, pin: who.pin });
  }
  const product = uuidv7();
  await api(request, admin, 'catalog.saveProduct', { id: product, name: 'Pastel Coz', code: `COZ-${product.slice(-6)}`, price: 900, station: 'Chapa' });
  const cashier = await login(request, CASHIER);
  const current = await api<{ session: unknown }>(request, cashier, 'cash.current', {});
  if (!current.session) await api(request, cashier, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
  return { admin, cashier, product };
}

const sell = (request: APIRequestContext, cashier: string, product: string, extra: Record<string, unknown> = {}) =>
  api<{ id: string; number: string }>(request, cashier, 'orders.create', {
    id: uuidv7(),
    type: 'viagem',
    lines: [{ id: uuidv7(), productId: product, quantity: 1 }],
    payments: [{ id: uuidv7(), method: 'debit', amount: 900 }],
    ...extra,
  });

const ticket = (page: Page, number: string) => page.locator(`[data-testid="ticket"][data-number="${number}"]`);

test.describe.serial('kitchen and board', () => {
  test('a ticket keeps its key while on screen; buttons say the action; the TV board runs on a board link', async ({ browser, playwright }, info) => {
    test.setTimeout(120_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const { admin, cashier, product } = await prepareShop(request);
    const cook = await login(request, COOK);
    const orders: { id: string; number: string }[] = [];
    for (let i = 0; i < 3; i += 1) orders.push(await sell(request, cashier, product, { customerName: `Cliente ${i}`, pager: String(40 + i) }));

    const context = await browser.newContext({ viewport: VIEWPORT });
    const kitchen = await context.newPage();
    await kitchen.goto('/#/cozinha');
    await signIn(kitchen, COOK);
    for (const order of orders) await expect(ticket(kitchen, order.number)).toBeVisible();
    const keys = new Map<string, string>();
    for (const order of orders) keys.set(order.number, (await ticket(kitchen, order.number).getAttribute('data-key'))!);
    await expect(ticket(kitchen, orders[0]!.number).getByTestId('ticket-advance')).toHaveText('Iniciar');

    // The first of them leaves (made at another screen): the others keep their keys.
    const queue = await api<{ id: string; number: string }[]>(request, cook, 'kitchen.queue', {});
    const first = queue.find((item) => item.number === orders[0]!.number)!;
    await api(request, cook, 'kitchen.ready', { ticketId: first.id });
    await expect(ticket(kitchen, orders[0]!.number)).toHaveCount(0);
    for (const order of orders.slice(1)) await expect(ticket(kitchen, order.number)).toHaveAttribute('data-key', keys.get(order.number)!);

    // The key still picks the same order, and Enter starts it; its button then says "Pronto".
    await kitchen.keyboard.press(keys.get(orders[1]!.number)!);
    await expect(ticket(kitchen, orders[1]!.number)).toHaveClass(/selected/);
    await kitchen.keyboard.press('Enter');
    await expect(ticket(kitchen, orders[1]!.number)).toHaveAttribute('data-status', 'preparing');
    await expect(ticket(kitchen, orders[1]!.number).getByTestId('ticket-advance')).toHaveText('Pronto');

    // The TV opens the board with a board link, no login: number, name and pager, nothing else.
    const link = await api<{ token: string }>(request, admin, 'board.createLink', { label: 'TV Coz' });
    const tv = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await tv.goto(`/#/painel-tv?token=${link.token}`);
    const ready = tv.getByTestId('board-ready').locator(`[data-testid="board-entry"][data-number="${orders[0]!.number}"]`);
    await expect(ready).toContainText('Cliente 0');
    await expect(ready.getByTestId('board-pager')).toHaveText('Pager 40');
    await expect(tv.getByTestId('board-exit')).toHaveCount(0);
    await expect(tv.getByTestId('current-user')).toHaveCount(0);

    // Live on the link too: the next ready order shows by itself, and every ready order is on the board.
    const second = (await api<{ id: string; number: string }[]>(request, cook, 'kitchen.queue', {})).find((item) => item.number === orders[2]!.number)!;
    await api(request, cook, 'kitchen.ready', { ticketId: second.id });
    await expect(tv.getByTestId('board-ready').locator(`[data-testid="board-entry"][data-number="${orders[2]!.number}"]`)).toBeVisible();
    const board = await api<{ ready: unknown[] }>(request, cook, 'kitchen.board', {});
    await expect(tv.getByTestId('board-ready').getByTestId('board-entry')).toHaveCount(board.ready.length);
    await request.dispose();
  });

  test("a combo asks its burger's required modifier, and each chosen product reaches its own station", async ({ browser, playwright }, info) => {
    test.setTimeout(120_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const { admin, cashier } = await prepareShop(request);
    const id = () => uuidv7();
    const ponto = { id: id(), mal: id(), bem: id() };
    await api(request, admin, 'catalog.saveModifierGroup', {
      id: ponto.id,
      name: 'Ponto Coz',
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: ponto.mal, name: 'Mal passado Coz', priceDelta: 0 },
        { id: ponto.bem, name: 'Bem passado Coz', priceDelta: 0 },
      ],
    });
    const p = { burger: id(), juice: id(), combo: id() };
    const slots = { lanche: id(), bebida: id() };
    await api(request, admin, 'catalog.saveProduct', { id: p.burger, name: 'Burger Coz', code: `COZB-${p.burger.slice(-6)}`, price: 1800, station: 'Chapa', modifierGroupIds: [ponto.id] });
    await api(request, admin, 'catalog.saveProduct', { id: p.juice, name: 'Suco Coz', code: `COZS-${p.juice.slice(-6)}`, price: 900, station: 'Bar' });
    await api(request, admin, 'catalog.saveProduct', {
      id: p.combo,
      name: 'Combo Coz',
      code: `COZC-${p.combo.slice(-6)}`,
      price: 2500,
      comboSlots: [
        { id: slots.lanche, name: 'Lanche', options: [{ productId: p.burger, priceDelta: 0 }] },
        { id: slots.bebida, name: 'Bebida', options: [{ productId: p.juice, priceDelta: 0 }] },
      ],
    });

    // At the counter: the burger inside the combo asks its "Ponto Coz" before the combo goes in the cart.
    const counter = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await counter.goto('/#/caixa');
    await signIn(counter, CASHIER);
    const search = counter.getByTestId('counter-search');
    await search.fill('Combo Coz');
    await expect(counter.getByTestId('search-result').first()).toHaveAttribute('data-product-name', 'Combo Coz');
    await search.press('Enter');
    const options = counter.getByTestId('options-dialog');
    await options.getByRole('button', { name: /Burger Coz/ }).click();
    await options.getByRole('button', { name: /Suco Coz/ }).click();
    await expect(options.locator('[data-testid="options-group"][data-product="Burger Coz"]')).toContainText('Ponto Coz');
    await counter.getByTestId('options-confirm').click();
    await expect(counter.getByTestId('options-problems')).toContainText('Burger Coz: Escolha "Ponto Coz".');
    await options.getByRole('button', { name: /Bem passado Coz/ }).click();
    await counter.getByTestId('options-confirm').click();
    await expect(options).toHaveCount(0);
    await expect(counter.getByTestId('cart-line').filter({ hasText: 'Combo Coz' })).toContainText('Burger Coz (Bem passado Coz)');

    // At the kitchen: the burger at the Chapa with its point, the juice at the Bar.
    const order = await api<{ number: string }>(request, cashier, 'orders.create', {
      id: id(),
      type: 'balcao',
      lines: [{ id: id(), productId: p.combo, quantity: 1, comboChoices: [{ slotId: slots.lanche, productId: p.burger, modifierOptionIds: [ponto.mal] }, { slotId: slots.bebida, productId: p.juice }] }],
      payments: [{ id: id(), method: 'debit', amount: 2500 }],
    });
    const kitchen = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await kitchen.goto('/#/cozinha');
    await signIn(kitchen, COOK);
    const at = (station: string) => kitchen.locator(`[data-testid="kitchen-column"][data-station="${station}"]`).locator(`[data-testid="ticket"][data-number="${order.number}"]`);
    await expect(at('Chapa')).toContainText('Burger Coz');
    await expect(at('Chapa')).toContainText('Mal passado Coz');
    await expect(at('Chapa')).not.toContainText('Suco Coz');
    await expect(at('Bar')).toContainText('Suco Coz');
    await expect(at('Bar')).toContainText('do Combo Coz');
    await request.dispose();
  });

  test('when the server restarts, the kitchen, the board and the feedback screen say "sem conexão", then catch up by themselves', async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    const port = 5395;
    const baseURL = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'balcao-e2e-restart-'));
    let server: ChildProcess | undefined;
    const start = async () => {
      server = spawn(process.execPath, ['build/src/web.js'], { env: { ...process.env, BALCAO_PORT: String(port), BALCAO_DATA_DIR: dataDir }, stdio: 'ignore' });
      await expect.poll(async () => (await fetch(`${baseURL}/api/contract`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
    };
    const stop = async () => {
      const child = server!;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    };
    try {
      await start();
      const request = await playwright.request.newContext({ baseURL });
      const { admin, cashier, product } = await prepareShop(request);
      const before = await sell(request, cashier, product);
      const link = await api<{ token: string }>(request, admin, 'board.createLink', { label: 'TV' });

      const kitchen = await (await browser.newContext({ viewport: VIEWPORT, baseURL })).newPage();
      await kitchen.goto('/#/cozinha');
      await signIn(kitchen, COOK);
      await expect(ticket(kitchen, before.number)).toBeVisible();
      const tv = await (await browser.newContext({ viewport: VIEWPORT, baseURL })).newPage();
      await tv.goto(`/#/painel-tv?token=${link.token}`);
      await expect(tv.locator(`[data-testid="board-entry"][data-number="${before.number}"]`)).toBeVisible();
      const kiosk = await (await browser.newContext({ viewport: VIEWPORT, baseURL })).newPage();
      const kioskToken = (await api<{ token: string }>(request, cashier, 'feedback.openKiosk', {})).token;
      await kiosk.goto(`/#/avaliacao?token=${encodeURIComponent(kioskToken)}`);
      await expect(kiosk.getByTestId('kiosk-start')).toBeVisible();

      await stop();
      for (const page of [kitchen, tv, kiosk]) {
        await expect(page.getByTestId('live-offline')).toBeVisible({ timeout: 15_000 });
        await expect(page.getByTestId('live-offline')).toContainText(/Sem conexão — última atualização às \d\d:\d\d:\d\d/);
      }

      await start();
      const again = await login(request, CASHIER); // sessions live in memory: the restart ended them
      const after = await sell(request, again, product);
      // The board comes back on its link and shows the new order without a reload.
      await expect(tv.locator(`[data-testid="board-entry"][data-number="${after.number}"]`)).toBeVisible({ timeout: 30_000 });
      await expect(tv.getByTestId('live-offline')).toHaveCount(0);
      // The kitchen's session is gone: it falls to the login clearly instead of keeping the stale queue.
      await expect(kitchen.getByTestId('login-screen')).toBeVisible({ timeout: 30_000 });
      await signIn(kitchen, COOK);
      await expect(ticket(kitchen, after.number)).toBeVisible();
      await expect(kitchen.getByTestId('live-offline')).toHaveCount(0);
      // The feedback screen's session is gone too: it says so (staff must open it again) instead of sitting stale.
      await expect(kiosk.getByTestId('kiosk-closed')).toBeVisible({ timeout: 30_000 });
      await expect(kiosk.getByTestId('live-offline')).toHaveCount(0);
      await request.dispose();
    } finally {
      if (server && server.exitCode === null) await stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
