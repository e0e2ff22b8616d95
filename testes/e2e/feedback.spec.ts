import { expect, test, type APIRequestContext } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { NetworkLink } from './network-link.js';
import { SHOTS } from './screenshots.js';
import { api, login, signIn } from './session.js';

// The feedback loop, end to end in browser mode: a manager opens the customers' feedback screen (a
// second window on its own restricted session); a customer finds a paid order by its number and rates
// it 2 with a tag and a comment; the manager, on another screen, gets the alert, opens it in the inbox
// and marks it handled with a note; the next sale is offered on the feedback screen by itself (the
// `feedback.prompt` live event) once the thank-you screen resets; the day's report shows the new
// average; the admin exports and erases one customer's contact (LGPD).
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not,
// and the people and products made here are this spec's own ("Aval").

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const MANAGER = { name: 'Gabi Aval', pin: '730518' };
const CASHIER = { name: 'Cris Aval', pin: '5173' };
const VIEWPORT = { width: 1366, height: 768 };
const PHONE = '(11) 98765-4321';

interface Report {
  count: number;
  average: number;
  distribution: number[];
}

/** 3.8 → "3,8"; 4 → "4,0"; 3.33 → "3,33" (as the report shows it). */
const average = (value: number) => new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
const sumOf = (report: Report) => report.distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);

test.describe.serial('feedback', () => {
  let adminToken: string;
  let cashierToken: string;
  const products = { coxinha: uuidv7(), suco: uuidv7(), salada: uuidv7() };
  let tags: string[] = [];

  /** A paid order at the counter, by the cashier (card, exact amount). */
  const sale = async (request: APIRequestContext, lines: [string, number, number][]) => {
    const total = lines.reduce((sum, [, quantity, price]) => sum + quantity * price, 0);
    return api<{ id: string; number: string; businessDay: string }>(request, cashierToken, 'orders.create', {
      id: uuidv7(),
      type: 'balcao',
      lines: lines.map(([productId, quantity]) => ({ id: uuidv7(), productId, quantity })),
      payments: [{ id: uuidv7(), method: 'debit', amount: total }],
    });
  };

  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    adminToken = await login(request, ADMIN);
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: MANAGER.name, role: 'manager', pin: MANAGER.pin });
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
    await api(request, adminToken, 'catalog.saveProduct', { id: products.coxinha, name: 'Coxinha Aval', code: 'AVAL-COX', price: 750 });
    await api(request, adminToken, 'catalog.saveProduct', { id: products.suco, name: 'Suco de caju Aval', code: 'AVAL-SUC', price: 800 });
    await api(request, adminToken, 'catalog.saveProduct', { id: products.salada, name: 'X-Salada Aval', code: 'AVAL-XS', price: 2200 });
    cashierToken = await login(request, CASHIER);
    const current = await api<{ session: unknown }>(request, cashierToken, 'cash.current', {});
    if (!current.session) await api(request, cashierToken, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });

    // Earlier customers of the day, rated on the feedback screen's session, so the report has a shape.
    const kiosk = (await api<{ token: string }>(request, cashierToken, 'feedback.openKiosk', {})).token;
    tags = (await api<{ tags: string[] }>(request, kiosk, 'feedback.kiosk', {})).tags;
    const tag = (i: number) => tags[i % tags.length]!;
    const seeds: [[string, number, number][], number, string[]][] = [
      [[[products.salada, 1, 2200], [products.suco, 1, 800]], 5, [tag(0)]],
      [[[products.coxinha, 3, 750]], 4, [...new Set([tag(0), tag(2)])]],
      [[[products.salada, 1, 2200]], 3, [tag(1)]],
      [[[products.suco, 2, 800]], 5, [tag(2)]],
      [[[products.coxinha, 1, 750], [products.salada, 1, 2200]], 4, [tag(3)]],
    ];
    for (const [lines, rating, chosen] of seeds) {
      const order = await sale(request, lines);
      await api(request, kiosk, 'feedback.submit', { id: uuidv7(), orderId: order.id, rating, tags: chosen });
    }
    await request.dispose();
  });

  test('feedback loop', async ({ browser, playwright }, info) => {
    test.setTimeout(120_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', acceptDownloads: true });
    // Fake timers that run in real time: the thank-you screen's reset can be skipped ahead.
    await context.clock.install();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const waitTag = tags.includes('tempo de espera') ? 'tempo de espera' : tags[tags.length - 1]!;
    const tasteTag = tags.includes('sabor') ? 'sabor' : tags[0]!;

    const first = await sale(request, [
      [products.coxinha, 2, 750],
      [products.suco, 1, 800],
    ]);
    const before = await api<Report>(request, adminToken, 'feedback.report', { from: first.businessDay, to: first.businessDay });

    await test.step('the manager opens the feedback screen from the inbox, in a new window on its own session', async () => {
      await signIn(page, MANAGER);
      await page.getByTestId('nav-avaliacoes').click();
      await expect(page.getByTestId('feedback-inbox')).toBeVisible();
    });
    const [kiosk] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('open-kiosk').click()]);
    kiosk.on('pageerror', (error) => errors.push(`kiosk: ${String(error)}`));

    await test.step('the kiosk keeps only its own token: not in the address bar, no staff session', async () => {
      await expect(kiosk.getByTestId('kiosk-start')).toBeVisible();
      await expect(kiosk.getByTestId('kiosk')).toContainText(SHOP);
      expect(kiosk.url()).toMatch(/#\/avaliacao$/);
      const stored = (await kiosk.evaluate("({ staff: sessionStorage.getItem('balcao.sessionToken'), kiosk: sessionStorage.getItem('balcao.kioskToken') })")) as { staff: string | null; kiosk: string | null };
      expect(stored.staff).toBeNull();
      expect(stored.kiosk).toMatch(/.{20,}/);
      // The kiosk's session rates orders and reads nothing else.
      const denied = await request.post('/api/orders.list', { data: {}, headers: { authorization: `Bearer ${stored.kiosk}` } });
      expect(denied.status()).toBe(403);
      // The manager goes on with something else: the alert must find them anywhere.
      await page.getByTestId('nav-inicio').click();
      await expect(page.getByTestId('home-screen')).toBeVisible();
    });

    await test.step('a customer finds the order by its number and rates it 2 with a tag and a comment', async () => {
      await kiosk.getByTestId('kiosk-code').fill('A-999');
      await kiosk.getByTestId('kiosk-find').click();
      await expect(kiosk.getByTestId('kiosk-error')).toContainText('não encontrado');
      await kiosk.getByTestId('kiosk-code').fill(first.number);
      await kiosk.getByTestId('kiosk-find').click();
      const order = kiosk.getByTestId('kiosk-order');
      await expect(order).toHaveAttribute('data-number', first.number);
      await expect(order).toContainText('2 × Coxinha Aval');
      // Submitting without a face asks for one.
      await expect(kiosk.getByTestId('kiosk-submit')).toHaveCount(0);
      await kiosk.getByTestId('kiosk-rating-2').click();
      await kiosk.locator(`[data-testid="kiosk-tag"][data-tag="${waitTag}"]`).click();
      await expect(kiosk.locator(`[data-testid="kiosk-tag"][data-tag="${waitTag}"]`)).toHaveAttribute('aria-pressed', 'true');
      await kiosk.getByTestId('kiosk-comment').fill('Demorou muito');
      // Anonymous: no contact fields until the customer agrees.
      await expect(kiosk.getByTestId('kiosk-contact-phone')).toHaveCount(0);
      await kiosk.getByTestId('kiosk-submit').click();
      await expect(kiosk.getByTestId('kiosk-thanks')).toBeVisible();
    });

    await test.step('the manager sees the alert on the start screen', async () => {
      const alert = page.locator(`[data-testid="feedback-alert"][data-order="${first.number}"]`);
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(`Avaliação 2 ★ no pedido ${first.number}`);
      await expect(alert).toContainText('Demorou muito');
    });

    const second = await sale(request, [[products.salada, 1, 2200]]);
    await test.step('the next sale is offered by itself when the thank-you screen resets', async () => {
      await context.clock.fastForward(9_000);
      await expect(kiosk.getByTestId('kiosk-order')).toHaveAttribute('data-number', second.number);
      await expect(kiosk.getByTestId('kiosk-order')).toContainText('acabou de ser pago');
      await kiosk.getByTestId('kiosk-rating-5').click();
      await kiosk.locator(`[data-testid="kiosk-tag"][data-tag="${tasteTag}"]`).click();
      await kiosk.getByTestId('kiosk-comment').fill('Lanche caprichado, chegou quentinho!');
      await kiosk.mouse.move(0, 0);
      await kiosk.getByTestId('kiosk-comment').blur();
      await kiosk.screenshot({ path: `${SHOTS}/feedback.png` });
      // A contact only with consent (LGPD).
      await kiosk.getByTestId('kiosk-consent').check();
      await kiosk.getByTestId('kiosk-contact-name').fill('Maria Aval');
      await kiosk.getByTestId('kiosk-contact-phone').fill(PHONE);
      await kiosk.getByTestId('kiosk-submit').click();
      await expect(kiosk.getByTestId('kiosk-thanks')).toBeVisible();
    });

    await test.step('an order already rated is refused kindly', async () => {
      await kiosk.getByTestId('kiosk-again').click();
      await kiosk.getByTestId('kiosk-code').fill(first.number);
      await kiosk.getByTestId('kiosk-find').click();
      await expect(kiosk.getByTestId('kiosk-error')).toContainText('já foi avaliado');
    });

    await test.step('"Abrir" on the alert opens it in the inbox; marked handled with a note', async () => {
      await page.locator(`[data-testid="feedback-alert"][data-order="${first.number}"]`).getByTestId('feedback-alert-open').click();
      const detail = page.getByTestId('feedback-detail');
      await expect(detail).toBeVisible();
      await expect(detail).toContainText(`Avaliação do pedido ${first.number}`);
      await expect(detail.getByTestId('feedback-detail-comment')).toHaveText('Demorou muito');
      await expect(detail).toContainText('Coxinha Aval');
      await expect(detail).toContainText(waitTag);
      await expect(detail).toContainText(CASHIER.name);
      await expect(detail).toContainText('anônima');
      await detail.getByTestId('feedback-handle-submit').click();
      await expect(detail).toContainText('pelo menos 3 letras');
      await detail.getByTestId('feedback-handle-note').fill('Liguei para o cliente e ofereci um suco na próxima visita.');
      await detail.getByTestId('feedback-handle-submit').click();
      await expect(detail.getByTestId('feedback-handled')).toContainText(`Tratada por ${MANAGER.name}`);
      await expect(detail.getByTestId('feedback-handled')).toContainText('ofereci um suco');
      // Handled: its alert goes away by itself.
      await expect(page.getByTestId('feedback-alert')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(detail).toBeHidden();
      const row = page.locator(`[data-testid="feedback-row"][data-order="${first.number}"]`);
      await expect(row).toHaveAttribute('data-handled', 'true');
      await expect(row.getByTestId('feedback-row-status')).toHaveText('Tratada');
    });

    await test.step('the inbox filters by rating, handling, tag and product', async () => {
      await page.getByTestId('feedback-filter-rating').selectOption('low');
      await expect(page.locator(`[data-testid="feedback-row"][data-order="${first.number}"]`)).toBeVisible();
      await expect(page.locator(`[data-testid="feedback-row"][data-order="${second.number}"]`)).toHaveCount(0);
      await page.getByTestId('feedback-filter-handled-open').click();
      await expect(page.locator(`[data-testid="feedback-row"][data-order="${first.number}"]`)).toHaveCount(0);
      await page.getByTestId('feedback-filter-rating').selectOption('');
      await page.getByTestId('feedback-filter-handled-all').click();
      await page.getByTestId('feedback-filter-product').selectOption({ label: 'X-Salada Aval' });
      await expect(page.locator(`[data-testid="feedback-row"][data-order="${second.number}"]`)).toBeVisible();
      await expect(page.locator(`[data-testid="feedback-row"][data-order="${first.number}"]`)).toHaveCount(0);
      await page.getByTestId('feedback-filter-product').selectOption('');
      await page.getByTestId('feedback-filter-tag').selectOption(waitTag);
      await expect(page.locator(`[data-testid="feedback-row"][data-order="${first.number}"]`)).toBeVisible();
      await page.getByTestId('feedback-filter-tag').selectOption('');
    });

    await test.step('the day’s report shows the new average, with charts, tables and CSV', async () => {
      const after = await api<Report>(request, adminToken, 'feedback.report', { from: first.businessDay, to: first.businessDay });
      // Two more ratings today: 2 and 5.
      expect(after.count).toBe(before.count + 2);
      expect(sumOf(after)).toBe(sumOf(before) + 7);
      expect(after.average).toBeCloseTo(Math.round(((sumOf(before) + 7) / (before.count + 2)) * 100) / 100, 2);
      await page.getByTestId('feedback-tab-avaliacoes-relatorios').click();
      await expect(page.getByTestId('feedback-report')).toBeVisible();
      await page.getByTestId('report-preset-today').click();
      await expect(page.getByTestId('report-from')).toHaveValue(first.businessDay);
      await expect(page.getByTestId('report-count')).toHaveText(String(after.count));
      await expect(page.getByTestId('report-average')).toHaveText(average(after.average));
      // Each chart has its numbers as a table too.
      await expect(page.getByTestId('report-distribution').locator('canvas')).toBeVisible();
      await expect(page.getByTestId('report-byProduct').locator('tbody tr').filter({ hasText: 'X-Salada Aval' })).toHaveCount(1);
      await expect(page.getByTestId('report-byTag').locator('tbody tr').filter({ hasText: waitTag })).toHaveCount(1);
      await expect(page.getByTestId('report-byCashier').locator('tbody tr').filter({ hasText: CASHIER.name })).toHaveCount(1);
      await page.mouse.move(0, 0);
      await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 6_000 });
      // Scrolled past the tabs, so the first row of charts fits on a 1366×768 screen.
      await page.evaluate('window.scrollTo(0, 80)');
      await page.screenshot({ path: `${SHOTS}/feedback-report.png` });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.getByTestId('report-distribution-table-toggle').click();
      const twos = page.getByTestId('report-distribution').locator('tbody tr').nth(1);
      await expect(twos).toContainText(String(after.distribution[1]));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain('data;pedido;nota;etiquetas;comentario;operador;tratada;nota_do_gerente');
      expect(csv).toContain(`${first.number};2;${waitTag};Demorou muito;${CASHIER.name};sim`);
    });

    await test.step('the admin exports and erases one customer’s contact (LGPD)', async () => {
      const admin = await context.newPage();
      await signIn(admin, ADMIN);
      await admin.getByTestId('nav-avaliacoes').click();
      await admin.getByTestId('feedback-privacy').click();
      const dialog = admin.getByTestId('feedback-privacy-dialog');
      await dialog.getByTestId('lgpd-phone').fill(PHONE);
      await dialog.getByTestId('lgpd-search').click();
      await expect(dialog.getByTestId('lgpd-result')).toContainText('1 avaliação');
      await expect(dialog.getByTestId('lgpd-result')).toContainText('Maria Aval');
      const [file] = await Promise.all([admin.waitForEvent('download'), dialog.getByTestId('lgpd-download').click()]);
      const data = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { feedback: { orderNumber: string; name: string }[] };
      expect(data.feedback).toMatchObject([{ orderNumber: second.number, name: 'Maria Aval' }]);
      await dialog.getByTestId('lgpd-erase').click();
      await dialog.getByTestId('lgpd-erase-confirm').click();
      await expect(dialog.getByTestId('lgpd-result')).toContainText('Nenhum dado');
      const left = await api<unknown[]>(request, adminToken, 'feedback.customerData', { phone: PHONE });
      expect(left).toEqual([]);
      await admin.close();
    });

    expect(errors).toEqual([]);
    await context.close();
    await request.dispose();
  });

  test('the feedback screen says "sem conexão" when its network is cut, then catches up by itself', async ({ browser, playwright }, info) => {
    test.setTimeout(120_000);
    const suite = info.project.use.baseURL!;
    const request = await playwright.request.newContext({ baseURL: suite });
    // The tablet reaches the server through a link of its own, beside the suite's port.
    const link = new NetworkLink(new URL(suite), Number(new URL(suite).port) + 300);
    await link.up();
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', baseURL: link.baseURL });
    const kiosk = await context.newPage();
    const token = (await api<{ token: string }>(request, cashierToken, 'feedback.openKiosk', {})).token;
    const newTag = 'atendimento Aval';
    try {
      await kiosk.goto(`/#/avaliacao?token=${encodeURIComponent(token)}`);
      await expect(kiosk.getByTestId('kiosk-start')).toBeVisible();
      await expect(kiosk.getByTestId('live-offline')).toHaveCount(0);

      await test.step('the tablet loses the network: "sem conexão" with the time of the last update', async () => {
        await link.cut();
        await expect(kiosk.getByTestId('live-offline')).toBeVisible({ timeout: 15_000 });
        await expect(kiosk.getByTestId('live-offline')).toContainText(/Sem conexão — última atualização às \d\d:\d\d:\d\d/);
        await expect(kiosk.getByTestId('kiosk-start')).toBeVisible();
      });

      // Meanwhile the manager offers customers another tag.
      await api(request, adminToken, 'settings.update', { feedbackTags: [...tags.slice(0, 11), newTag] });

      await test.step('the network is back: the screen reconnects by itself, has the new tag and hears the counter again, with no reload', async () => {
        await link.up();
        await expect(kiosk.getByTestId('live-offline')).toHaveCount(0, { timeout: 30_000 });
        const order = await sale(request, [[products.suco, 1, 800]]);
        await expect(kiosk.getByTestId('kiosk-order')).toHaveAttribute('data-number', order.number);
        await kiosk.getByTestId('kiosk-rating-4').click();
        await expect(kiosk.locator(`[data-testid="kiosk-tag"][data-tag="${newTag}"]`)).toBeVisible();
      });
    } finally {
      await api(request, adminToken, 'settings.update', { feedbackTags: tags });
      await context.close();
      await link.cut();
      await request.dispose();
    }
  });
});
