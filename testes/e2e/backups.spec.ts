import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, login, signIn } from './session.js';

// Backups, end to end in browser mode: the shop has sold; the admin opens Configurações → Backups,
// presses "Fazer backup agora", sees the copy listed with its size, exports it as a download, and the
// downloaded file opens as a valid SQLite database holding the shop's orders.
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not,
// and the people and products made here are this spec's own ("Backup").

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Caio Backup', pin: '4827' };
const VIEWPORT = { width: 1366, height: 768 };

test.describe('backups', () => {
  const soldIds: string[] = [];

  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    const adminToken = await login(request, ADMIN);
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
    const productId = uuidv7();
    await api(request, adminToken, 'catalog.saveProduct', { id: productId, name: 'Coxinha Backup', code: 'BKP-COX', price: 700 });
    const cashierToken = await login(request, CASHIER);
    const current = await api<{ session: unknown }>(request, cashierToken, 'cash.current', {});
    // A caixa this spec opens is closed again below, so the specs after it find the counter as a new day.
    const opened = current.session ? null : (await api<{ id: string }>(request, cashierToken, 'cash.open', { id: uuidv7(), openingFloat: 10_000 })).id;
    for (let i = 0; i < 2; i++) {
      const order = await api<{ id: string }>(request, cashierToken, 'orders.create', {
        id: uuidv7(),
        type: 'balcao',
        lines: [{ id: uuidv7(), productId, quantity: 1 }],
        payments: [{ id: uuidv7(), method: 'pix', amount: 700 }],
      });
      soldIds.push(order.id);
    }
    if (opened) await api(request, cashierToken, 'cash.close', { sessionId: opened, counted: { cash: 10_000, debit: 0, credit: 0, voucher: 0, pix: 1400 } });
    await request.dispose();
  });

  test('the admin makes a backup now, sees it listed and downloads a database with the shop\'s orders', async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const manualRow = page.getByTestId('backup-row').filter({ hasText: 'Feito agora (manual)' }).first();

    await test.step('Configurações → Backups; "Fazer backup agora" lists the copy with its size', async () => {
      await signIn(page, ADMIN);
      await page.getByTestId('nav-configuracoes').click();
      await page.getByTestId('settings-backups').click();
      await expect(page.getByTestId('backups-screen')).toBeVisible();
      await expect(page.getByTestId('backups-folder')).toContainText('backups');
      await page.getByTestId('backup-now').click();
      await expect(page.getByTestId('toast')).toContainText('Backup feito');
      await expect(manualRow).toBeVisible();
      await expect(manualRow.getByTestId('backup-size')).toHaveText(/^\d+,\d MB$/);
      await expect(manualRow).toHaveAttribute('data-file', /^balcao-\d{8}-\d{6}-manual\.db$/);
      // Each copy can be restored (restore.spec.ts goes through it).
      await expect(manualRow.getByTestId('backup-restore')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${SHOTS}/backups.png` });
    });

    await test.step('"Exportar" → "Baixar arquivo": the download is a valid SQLite database with the shop\'s orders', async () => {
      const file = (await manualRow.getAttribute('data-file'))!;
      await manualRow.getByTestId('backup-export').click();
      const dialog = page.getByTestId('backup-export-dialog');
      await expect(dialog).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('backup-download').click()]);
      expect(download.suggestedFilename()).toBe(file);
      const folder = mkdtempSync(join(tmpdir(), 'balcao-download-'));
      try {
        const saved = join(folder, file);
        await download.saveAs(saved);
        const copy = new Database(saved, { readonly: true, fileMustExist: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          const orders = copy.prepare('SELECT id FROM orders').pluck().all();
          expect(orders).toEqual(expect.arrayContaining(soldIds));
        } finally {
          copy.close();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    await test.step('copying to a folder that is not there says so under the folder field', async () => {
      const dialog = page.getByTestId('backup-export-dialog');
      await dialog.getByTestId('backup-copy-folder').fill('/nao/existe/pendrive');
      await dialog.getByTestId('backup-copy').click();
      await expect(dialog.getByTestId('field-error-folder')).toContainText('não foi encontrada');
    });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
