import { expect, test } from '@playwright/test';
import { ensureShop, login } from './session.js';

// Every screen's code is its own file, fetched when the screen first opens. When that file is gone
// (the server restarted with a new build, whose files have other names) or the connection drops
// while fetching it, the page says so in Portuguese and offers "Recarregar" instead of going blank;
// the reload brings the current version.

const ADMIN = { name: 'Ana Admin', pin: '480135' };

test('a staff screen whose code cannot be fetched says so under the top bar, and Recarregar opens it', async ({ page, request }) => {
  await ensureShop(request, 'Lanchonete Teste', ADMIN);
  const token = await login(request, ADMIN);
  // In-page code as text: the tests compile without the DOM types.
  await page.addInitScript({ content: `sessionStorage.setItem('balcao.sessionToken', ${JSON.stringify(token)});` });
  // The build the page was made from is gone: its Usuários chunk answers 404, as after an update.
  const usersChunk = /\/assets\/UsersScreen-[^/]+\.js$/;
  await page.route(usersChunk, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"NOT_FOUND"}}' }));
  await page.goto('/#/usuarios');

  const failed = page.getByTestId('screen-load-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('Esta tela não pôde ser carregada');
  await expect(page.getByTestId('screen-reload')).toHaveText('Recarregar');
  // The rest of the app still works around it: the top bar, its menu, the person signed in.
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.name);
  await expect(page.getByTestId('users-screen')).toHaveCount(0);

  await page.unroute(usersChunk);
  await page.getByTestId('screen-reload').click();
  await expect(page.getByTestId('users-screen')).toBeVisible();
  await expect(page.getByTestId('screen-load-failed')).toHaveCount(0);
});

test('the rating screen whose code cannot be fetched says Recarregar instead of a blank page', async ({ page }) => {
  const kioskChunk = /\/assets\/KioskApp-[^/]+\.js$/;
  await page.route(kioskChunk, (route) => route.abort('connectionreset'));
  await page.goto('/#/avaliacao');

  await expect(page.getByTestId('screen-load-failed')).toBeVisible();
  await expect(page.getByTestId('screen-load-failed')).toContainText('O Balcão foi atualizado');
  await expect(page.getByTestId('kiosk')).toHaveCount(0);

  await page.unroute(kioskChunk);
  await page.getByTestId('screen-reload').click();
  // With no kiosk token the screen shows it is closed: the screen itself, loaded.
  await expect(page.getByTestId('kiosk-closed')).toBeVisible();
});
