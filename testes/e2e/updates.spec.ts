import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS } from './screenshots.js';
import { api, login, signIn } from './session.js';

// The "Atualizações" section of Configurações and the "O que mudou" dialog, in browser mode: there,
// updates come with the installer (the section says so), while the channel and the hold are the
// shop's settings all the same.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const VIEWPORT = { width: 1366, height: 900 };
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The server's database (playwright.config.ts hands its folder to the workers). */
function withDatabase(write: (db: Database.Database) => void) {
  const db = new Database(join(process.env.BALCAO_E2E_DATA_DIR!, 'balcao.sqlite3'));
  try {
    db.pragma('busy_timeout = 5000');
    write(db);
  } finally {
    db.close();
  }
}

test.describe.serial('updates', () => {
  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    await request.dispose();
  });

  test('the section shows the version and that updates come with the installer; the admin saves channel and hold', async ({ browser, request }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    await signIn(page, ADMIN);
    await page.getByTestId('nav-configuracoes').click();
    const section = page.getByTestId('updates-section');
    await expect(section.getByRole('heading', { name: 'Atualizações' })).toBeVisible();
    await expect(section.getByTestId('updates-version')).toHaveText(VERSION);
    await expect(section.getByTestId('updates-notice')).toHaveText('Atualizações automáticas só no aplicativo instalado. Aqui, a versão muda ao instalar a nova.');
    await expect(section.getByTestId('updates-channel')).toHaveValue('latest');
    await expect(section.getByTestId('updates-hold')).not.toBeChecked();

    // "Verificar agora" answers here too, with the same state.
    await section.getByTestId('updates-check').click();
    await expect(section.getByTestId('updates-state')).toHaveText('Em dia');
    await expect(section.getByTestId('updates-check')).toBeEnabled();

    await section.getByTestId('updates-channel').selectOption('beta');
    await section.getByTestId('updates-hold').check();
    await section.getByTestId('updates-save').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Preferências de atualização salvas.' })).toBeVisible();
    await expect(section.getByTestId('updates-state')).toContainText('Suspensas');

    // Kept: a fresh screen reads them back, and so does the core.
    await page.reload();
    await expect(page.getByTestId('updates-channel')).toHaveValue('beta');
    await expect(page.getByTestId('updates-hold')).toBeChecked();
    // Its bottom at the window's bottom, so the sticky top bar does not cover its title.
    await page.getByTestId('updates-section').evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: join(SHOTS, 'updates-section.png') });
    const token = await login(request, ADMIN);
    expect(await api(request, token, 'updates.status', {})).toMatchObject({ version: VERSION, channel: 'beta', held: true, automatic: false });

    // Back to the defaults, for the specs that follow.
    await page.getByTestId('updates-channel').selectOption('latest');
    await page.getByTestId('updates-hold').uncheck();
    await page.getByTestId('updates-save').click();
    await expect.poll(async () => api(request, token, 'updates.status', {})).toMatchObject({ channel: 'latest', held: false });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('after an update the admin sees what changed once, and never again', async ({ browser }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    // The terminal last ran an older version: as after an update.
    withDatabase((db) => db.prepare("INSERT INTO meta (key, value) VALUES ('release_notes_seen', '0.0.1') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run());

    await signIn(page, ADMIN);
    const dialog = page.getByTestId('whats-new');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: `O que mudou na versão ${VERSION}` })).toBeVisible();
    await expect(dialog.getByRole('heading', { name: `Versão ${VERSION}`, exact: true })).toBeVisible();
    await expect(dialog).toContainText('Atualizações automáticas');
    await page.screenshot({ path: join(SHOTS, 'whats-new.png') });
    await dialog.getByTestId('whats-new-close').click();
    await expect(dialog).toBeHidden();

    await page.reload();
    await expect(page.getByTestId('current-user')).toContainText(ADMIN.name);
    await page.getByTestId('nav-configuracoes').click();
    await expect(page.getByTestId('updates-section')).toBeVisible();
    await expect(page.getByTestId('whats-new')).toHaveCount(0);
    await context.close();
  });
});
