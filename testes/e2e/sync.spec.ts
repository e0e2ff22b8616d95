import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freshDbName, startMongoTestServer, type MongoTestServer } from '../helpers/mongo-test-server.js';
import { SHOTS } from './screenshots.js';
import { api, signIn } from './session.js';

// The sync indicator and the admin's Sincronização screen, end to end in browser mode. This server
// runs with no BALCAO_SYNC_URI in its environment: the terminal is "Local", and the connection,
// coming from .env, is shown but cannot be saved from the screen. "Testar conexão" still works: it
// saves nothing. The two-terminal sync itself is tested elsewhere.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const VIEWPORT = { width: 1366, height: 768 };
const PASSWORD = 'Senha-Da-Loja-42';

/** A loopback port nobody listens on: the shop's server down. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test.describe.serial('sync', () => {
  let mongo: MongoTestServer | null = null;
  let mongoSkipReason = '';

  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    await request.dispose();
    const started = await startMongoTestServer();
    if ('skipReason' in started) mongoSkipReason = started.skipReason;
    else mongo = started;
  });

  test.afterAll(async () => {
    await mongo?.stop();
  });

  test('indicator says Local; the Sincronização screen checks the address, tests it and never shows it', async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    await test.step('with no connection the top bar says Local, and why', async () => {
      await signIn(page, ADMIN);
      const pill = page.getByTestId('sync-pill');
      await expect(pill).toHaveText('Local');
      await expect(pill).toHaveAttribute('title', 'Sem sincronização — este terminal funciona sozinho');
      await pill.click();
      await expect(page.getByTestId('sync-panel')).toContainText('Sem sincronização — este terminal funciona sozinho');
      // Nothing to sync with: no "Sincronizar agora".
      await expect(page.getByTestId('sync-now')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('sync-panel')).toHaveCount(0);
    });

    await test.step('the admin opens Sincronização from Configurações: the connection comes from .env and is saved there', async () => {
      await page.getByTestId('nav-configuracoes').click();
      await page.getByTestId('settings-sync').click();
      await expect(page.getByTestId('sync-screen')).toBeVisible();
      await expect(page.getByTestId('sync-source')).toHaveText('Nenhuma: este terminal funciona sozinho');
      await expect(page.getByTestId('sync-env-locked')).toContainText('BALCAO_SYNC_URI');
      await expect(page.getByTestId('sync-save')).toBeDisabled();
      await expect(page.getByTestId('nav-configuracoes')).toHaveAttribute('aria-current', 'page');
    });

    await test.step('an address that is not MongoDB’s is refused under the field, in pt-BR', async () => {
      await page.getByLabel('Endereço de conexão (URI)').fill('https://cloud.mongodb.com/v2/loja');
      await page.getByTestId('sync-test').click();
      await expect(page.getByTestId('field-error-uri')).toContainText('deve começar com mongodb:// ou mongodb+srv://');
      await expect(page.getByLabel('Endereço de conexão (URI)')).toHaveAttribute('aria-invalid', 'true');
      await page.getByLabel('Banco da loja').fill('minha loja');
      await page.getByLabel('Endereço de conexão (URI)').fill('mongodb://127.0.0.1:27017/');
      await page.getByTestId('sync-test').click();
      await expect(page.getByTestId('field-error-database')).toContainText('Nome de banco inválido');
      await page.getByLabel('Banco da loja').fill('balcao');
    });

    await test.step('"Testar conexão" with the shop’s server down says so in pt-BR, and the page never shows the address', async () => {
      const uri = `mongodb://balcao_loja:${PASSWORD}@127.0.0.1:${await closedPort()}/?directConnection=true`;
      await page.getByLabel('Endereço de conexão (URI)').fill(uri);
      await page.getByTestId('sync-test').click();
      const result = page.getByTestId('sync-test-result');
      await expect(result).toContainText('Servidor da loja inacessível', { timeout: 20_000 });
      await expect(result).toHaveAttribute('data-ok', 'false');
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('balcao_loja');
      // Typed like a password, so it is not on the screen either.
      await expect(page.getByLabel('Endereço de conexão (URI)')).toHaveAttribute('type', 'password');
      await page.screenshot({ path: join(SHOTS, 'sync-screen.png') });
    });

    if (!mongo) console.log(`sync: "Testar conexão" com sucesso não testado: ${mongoSkipReason}.`);
    else await test.step('"Testar conexão" against a MongoDB-protocol server says it works', async () => {
      await page.getByLabel('Endereço de conexão (URI)').fill(mongo!.uri);
      await page.getByLabel('Banco da loja').fill(freshDbName());
      await page.getByTestId('sync-test').click();
      const result = page.getByTestId('sync-test-result');
      await expect(result).toContainText('Conexão funcionando', { timeout: 20_000 });
      await expect(result).toHaveAttribute('data-ok', 'true');
      // Tested, not saved: still Local.
      await expect(page.getByTestId('sync-source')).toHaveText('Nenhuma: este terminal funciona sozinho');
      await expect(page.getByTestId('sync-pill')).toHaveText('Local');
    });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
