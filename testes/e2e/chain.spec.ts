import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { businessDay } from '../../src/utils/business-day.js';
import { freshDbName, startMongoTestServer, type MongoTestServer } from '../helpers/mongo-test-server.js';
import { SHOTS } from './screenshots.js';
import { api, ensureShop, login, signIn } from './session.js';

// Rede de lojas, end to end in browser mode: the admin adds another shop (its database on the test
// server, holding the day summary its terminal would have published), tests it, and reads the chain's
// sales side by side; a shop out of reach shows as such; a bad address is refused under its field.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const VIEWPORT = { width: 1366, height: 900 };

test.describe.serial('rede de lojas', () => {
  let mongo: MongoTestServer | null = null;
  let skipReason = '';

  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    await ensureShop(request, SHOP, ADMIN);
    await request.dispose();
    const started = await startMongoTestServer();
    if ('skipReason' in started) skipReason = started.skipReason;
    else mongo = started;
  });

  test.afterAll(async () => {
    await mongo?.stop();
  });

  test('the admin adds a shop, tests it and sees its sales beside this one and summed', async ({ browser, playwright }, info) => {
    test.skip(!mongo, `Rede de lojas: sem servidor MongoDB para a outra loja (${skipReason}).`);
    test.setTimeout(90_000);
    const dbName = freshDbName();
    const raw = new MongoClient(mongo!.uri);
    const day = businessDay(Date.now(), 'America/Sao_Paulo', '04:00');
    // What the Praia shop's one terminal published: R$ 123,45 in 5 orders, one void apart.
    await raw.db(dbName).collection('terminals').insertOne({ _id: 'terminal-praia' as never, heldSeq: 40 });
    await raw.db(dbName).collection('daily_summaries').insertOne({
      _id: `terminal-praia:${day}` as never,
      terminal: 'terminal-praia',
      businessDay: day,
      orders: 5,
      grossCents: 12845,
      discountsCents: 500,
      netCents: 12345,
      byPayment: [
        { method: 'pix', orders: 3, amountCents: 10000, amount: 100 },
        { method: 'cash', orders: 2, amountCents: 2345, amount: 23.45 },
      ],
      voided: { orders: 1, totalCents: 900 },
      cancelled: { orders: 0, totalCents: 0 },
    });

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    await test.step('Rede de lojas is in the admin’s menu', async () => {
      await signIn(page, ADMIN);
      await page.getByTestId('nav-relatorios-lojas').click();
      await expect(page.getByTestId('chain-screen')).toBeVisible();
      await expect(page.getByTestId('chain-column')).toHaveCount(1);
      await expect(page.getByTestId('chain-column').first()).toHaveText(`${SHOP} (esta loja)`);
    });

    await test.step('an address that is not a MongoDB one is refused under its field, and nothing is added', async () => {
      await page.getByTestId('chain-name').fill('Praia');
      await page.getByTestId('sync-uri').fill('https://praia.example.com');
      await page.getByTestId('chain-add').click();
      await expect(page.getByTestId('field-error-uri')).toContainText('mongodb://');
      await expect(page.getByTestId('chain-shop')).toHaveCount(0);
    });

    await test.step('a good one is added, tested, and its column shows beside this shop’s, with the sum', async () => {
      await page.getByTestId('sync-uri').fill(mongo!.uri);
      await page.getByTestId('sync-database-input').fill(dbName);
      await page.getByTestId('chain-add').click();
      await expect(page.getByTestId('toast')).toContainText('Loja Praia acrescentada.');
      await expect(page.getByTestId('chain-shop')).toContainText('Praia');
      // The address never comes back: the list shows the server and the database.
      await expect(page.getByTestId('sync-uri')).toHaveValue('');
      await page.getByTestId('chain-test').click();
      const day0 = day.split('-').reverse().join('/');
      await expect(page.getByTestId('chain-test-result')).toHaveText(`Conectado: Praia, 1 terminal, último dia com vendas ${day0}.`);
      await expect(page.getByTestId('chain-column')).toHaveText([`${SHOP} (esta loja)`, 'Praia']);
      const net = page.getByTestId('chain-row-net');
      await expect(net.locator('td').nth(1)).toHaveText(/123,45/);
      await expect(page.getByTestId('chain-row-voided').locator('td').nth(1)).toHaveText(/^1 · R\$\s9,00$/);
    });

    await test.step('the sum is this shop’s own figure plus Praia’s; a shop out of reach is shown apart', async () => {
      const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
      const token = await login(request, ADMIN);
      await api(request, token, 'reports.chainAdd', { id: '019ad000-0000-7000-8000-000000000001', name: 'Fechada', uri: 'mongodb://127.0.0.1:9/', database: 'fechada' });
      const report = await api<{ shops: { figures: { net: number } | null }[]; total: { net: number } }>(request, token, 'reports.chainSales', { period: { preset: 'today' } });
      await request.dispose();
      expect(report.total.net).toBe(report.shops[0]!.figures!.net + 12345);
      await page.getByTestId('chain-reload').click();
      await expect(page.getByTestId('chain-column')).toHaveText([`${SHOP} (esta loja)`, 'Fechada', 'Praia'], { timeout: 15_000 });
      await expect(page.getByTestId('chain-unreachable')).toHaveText('1 loja não pôde ser lida e ficou fora da soma.');
      await expect(page.getByTestId('chain-row-net').locator('td').nth(1)).toContainText('Loja fora do alcance');
      const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(report.total.net / 100);
      await expect(page.getByTestId('chain-row-net').locator('td').last()).toHaveText(brl);
      await page.screenshot({ path: join(SHOTS, 'chain.png'), fullPage: true });
    });

    expect(pageErrors).toEqual([]);
    await raw.db(dbName).dropDatabase();
    await raw.close();
    await context.close();
  });
});
