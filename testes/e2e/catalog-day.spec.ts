import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { api } from './session.js';

// A day of catalog, stock and settings as a new user would try it, in browser mode: an absurd loss
// (999.999.999 un of bread) asks for confirmation before it is recorded; a CSV saved by Excel on
// Windows (Windows-1252) is read right and the dry run shows "Açaí na tigela"; a CNPJ with wrong
// check digits is refused in Configurações; and the audit log reads in words, with the item's name.
// The shop is set up here when no other spec did it; every name this spec uses is its own.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const BREAD = 'Pão francês do dia';

test.describe.serial('catalog, stock and settings at the rush', () => {
  let request: APIRequestContext;
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ playwright, browser }, info) => {
    request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    const token = (await api<{ token: string }>(request, null, 'auth.login', ADMIN)).token;
    const bread = uuidv7();
    await api(request, token, 'stock.saveItem', { id: bread, name: BREAD, baseUnit: 'un', minimum: 0 });
    // 24 un at R$ 0,50.
    await api(request, token, 'stock.receive', { id: uuidv7(), lines: [{ id: uuidv7(), itemId: bread, quantity: 24_000, unitCost: 50 }] });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('user-tile').filter({ hasText: ADMIN.name }).click();
    await page.keyboard.type(ADMIN.pin);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(ADMIN.name);
  });

  test.afterAll(async () => {
    await context?.close();
    await request?.dispose();
  });

  test('an absurd loss asks "Confirmar perda de 999.999.999 un?" and nothing is recorded until yes', async () => {
    await page.goto('/#/estoque/perdas');
    await page.getByTestId('loss-search').fill(BREAD);
    await page.getByTestId('loss-search').press('Enter');
    await expect(page.getByTestId('loss-item')).toContainText(BREAD);
    await page.getByTestId('loss-quantity').fill('999999999');
    await page.getByTestId('loss-reason-quebra').check();
    await page.getByTestId('loss-submit').click();
    const dialog = page.getByTestId('loss-confirm');
    await expect(dialog).toContainText('Confirmar perda de 999.999.999 un?');
    await expect(dialog).toContainText('em estoque: 24 un');
    await dialog.getByRole('button', { name: 'Corrigir a quantidade' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('loss-recent')).not.toContainText(BREAD);
    await page.getByTestId('loss-quantity').fill('2');
    await page.getByTestId('loss-submit').click();
    await expect(page.getByTestId('loss-recent')).toContainText(BREAD);
    await expect(page.getByTestId('loss-confirm')).toHaveCount(0);
  });

  test('a Windows-1252 CSV from Excel shows "Açaí na tigela" in the dry run', async () => {
    await page.goto('/#/catalogo');
    await page.getByTestId('catalog-tab-import').click();
    const text = 'nome;codigo;preco;categoria\r\nAçaí na tigela;ACAI-DIA;18,00;Sobremesas do dia\r\nPão de queijo mineiro;PQM-DIA;6,50;Sobremesas do dia\r\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'produtos-excel.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
    await expect(page.getByTestId('import-file-name')).toContainText('Windows-1252');
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-rejected')).toHaveText('0');
    await expect(page.getByTestId('import-names')).toContainText('Açaí na tigela');
    await expect(page.getByTestId('import-names')).toContainText('Pão de queijo mineiro');
    await expect(page.getByTestId('import-names')).not.toContainText('\uFFFD');
  });

  test('Configurações refuses a receipt CNPJ with wrong check digits', async () => {
    await page.goto('/#/configuracoes');
    await page.getByTestId('settings-shopDocument').fill('11.222.333/0001-80');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('field-error-shopDocument')).toContainText('CNPJ inválido');
    await page.getByTestId('settings-shopDocument').fill('11.222.333/0001-81');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('field-error-shopDocument')).toHaveCount(0);
  });

  test('the audit log reads in words, with the item’s name instead of an id', async () => {
    await page.goto('/#/auditoria');
    const loss = page.getByTestId('audit-row').filter({ hasText: BREAD }).first();
    await expect(loss.getByTestId('audit-action')).toContainText('Perda de estoque');
  });
});
