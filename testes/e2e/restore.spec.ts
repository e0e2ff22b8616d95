import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, login, signIn } from './session.js';

// Restoring a backup, end to end in browser mode: the admin makes a backup, a sale follows, the admin
// restores the backup from Configurações → Backups (PIN, progress), lands on the login, signs in again
// and finds the shop as the backup had it: the sale is gone, and so is the caixa this spec opened.
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not.
// The restore puts the database back as it was when this spec's backup was taken, so what this spec
// did after it (its sale, its caixa) leaves nothing for the specs after it; every session ends.
// Nothing in it closes a caixa: a close takes a copy, and rotation would drop this spec's copy for it.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Caio Restaura', pin: '4829' };
const VIEWPORT = { width: 1366, height: 768 };

test.describe('restore a backup', () => {
  let productId = '';

  test.beforeAll(async ({ playwright }, info) => {
    test.setTimeout(150_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    const adminToken = await login(request, ADMIN);
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
    productId = uuidv7();
    await api(request, adminToken, 'catalog.saveProduct', { id: productId, name: 'Pastel Restaura', code: 'RST-PAS', price: 900 });
    // The day's automatic copy comes a minute after the server starts unless the day has a copy already
    // (a caixa closed by an earlier spec); rotation keeps only the newest copy of a day, so a copy made by
    // hand before the daily one would vanish mid-spec. Wait until the day has its copy.
    await expect
      .poll(async () => (await api<{ backups: { reason: string }[] }>(request, adminToken, 'backups.list', {})).backups.some((b) => b.reason !== 'restore'), { timeout: 120_000, intervals: [1000] })
      .toBe(true);
    await request.dispose();
  });

  test('the admin backs up, a sale follows, the admin restores, signs in again and sees the shop as the backup had it', async ({ browser, playwright }, info) => {
    test.setTimeout(120_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    let backupFile = '';
    let soldId = '';
    let caixaBefore: unknown = null;

    await test.step('Configurações → Backups → "Fazer backup agora"', async () => {
      await signIn(page, ADMIN);
      await page.getByTestId('nav-configuracoes').click();
      await page.getByTestId('settings-backups').click();
      await page.getByTestId('backup-now').click();
      await expect(page.getByTestId('toast')).toContainText('Backup feito');
      const newest = page.getByTestId('backup-row').filter({ hasText: 'Feito agora (manual)' }).first();
      backupFile = (await newest.getAttribute('data-file'))!;
      expect(backupFile).toMatch(/^balcao-\d{8}-\d{6}-manual\.db$/);
    });

    await test.step('a cashier sells after the backup (in the caixa found open, or one opened for it)', async () => {
      const token = await login(request, CASHIER);
      caixaBefore = (await api<{ session: unknown }>(request, token, 'cash.current', {})).session;
      if (!caixaBefore) await api(request, token, 'cash.open', { id: uuidv7(), openingFloat: 5000 });
      soldId = (
        await api<{ id: string }>(request, token, 'orders.create', {
          id: uuidv7(),
          type: 'balcao',
          lines: [{ id: uuidv7(), productId, quantity: 1 }],
          payments: [{ id: uuidv7(), method: 'pix', amount: 900 }],
        })
      ).id;
    });

    await test.step('"Restaurar" says what happens to the sales after the copy, asks the PIN, shows the progress and lands on the login', async () => {
      await page.reload();
      await expect(page.getByTestId('backups-screen')).toBeVisible();
      await page.getByTestId('backup-row').and(page.locator(`[data-file="${backupFile}"]`)).getByTestId('backup-restore').click();
      const dialog = page.getByTestId('backup-restore-dialog');
      await expect(dialog).toBeVisible();
      // This terminal has no shop server: the dialog says the later sales are lost.
      await expect(dialog.getByTestId('restore-sales-after')).toContainText('serão perdidas');
      await dialog.getByTestId('restore-pin').fill('111999');
      await dialog.getByTestId('restore-confirm').click();
      await expect(dialog.getByTestId('field-error-pin')).toContainText('PIN incorreto');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${SHOTS}/restore-dialog.png` });
      await dialog.getByTestId('restore-pin').fill(ADMIN.pin);
      await dialog.getByTestId('restore-confirm').click();
      await expect(page.getByTestId('login-screen')).toBeVisible({ timeout: 30_000 });
    });

    await test.step('signed in again: the sale made after the backup is gone, the caixa is as the backup had it, and the copy of before is listed', async () => {
      await signIn(page, ADMIN);
      const token = await login(request, ADMIN);
      const orders = await api<{ id: string }[]>(request, token, 'orders.list', {});
      expect(orders.map((o) => o.id)).not.toContain(soldId);
      const cashierToken = await login(request, CASHIER);
      const caixa = (await api<{ session: { id: string } | null }>(request, cashierToken, 'cash.current', {})).session;
      expect(caixa?.id ?? null).toBe((caixaBefore as { id: string } | null)?.id ?? null);
      await page.getByTestId('nav-configuracoes').click();
      await page.getByTestId('settings-backups').click();
      await expect(page.getByTestId('backup-row').filter({ hasText: 'Antes de restaurar' }).first()).toBeVisible();
    });

    expect(pageErrors).toEqual([]);
    await context.close();
    await request.dispose();
  });
});
