import { expect, test, type Page } from '@playwright/test';

// The foundation, end to end in browser mode on an empty data folder: first-run setup, login with
// tiles and the PIN pad, users, PIN lockout and unlock, the audit trail, and the idle auto-lock
// that keeps what was on the screen.

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Caio Caixa', pin: '2580' };
const WRONG_PIN = '1357';
const NOTES = 'Troco separado: R$ 50,00 na gaveta 2';

const tile = (page: Page, name: string) => page.getByTestId('user-tile').filter({ hasText: name });
const userRow = (page: Page, name: string) => page.locator(`[data-testid="user-row"][data-user-name="${name}"]`);

/** Taps the digits on the on-screen pad, then Entrar. */
async function typePinOnPad(page: Page, pin: string) {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await expect(page.getByTestId('pin-display')).toHaveAttribute('data-length', String(pin.length));
  await page.getByTestId('pin-submit').click();
}

/** Types the PIN on the physical keyboard and presses Enter. */
async function typePinOnKeyboard(page: Page, pin: string) {
  await page.keyboard.type(pin);
  await expect(page.getByTestId('pin-display')).toHaveAttribute('data-length', String(pin.length));
  await page.keyboard.press('Enter');
}

async function signIn(page: Page, user: { name: string; pin: string }, how: 'pad' | 'keyboard') {
  await tile(page, user.name).click();
  await expect(page.getByTestId('pin-step')).toContainText(user.name);
  await (how === 'pad' ? typePinOnPad(page, user.pin) : typePinOnKeyboard(page, user.pin));
  await expect(page.getByTestId('current-user')).toContainText(user.name);
}

async function signOut(page: Page) {
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
}

test('setup, login, users, PIN lockout, audit and idle auto-lock', async ({ page }) => {
  test.setTimeout(120_000);
  // The fake clock must be in place before the app loads, so the idle timer runs on it.
  await page.clock.install();
  await page.goto('/');

  await test.step('setup wizard refuses a trivial PIN, then configures the shop', async () => {
    const wizard = page.getByTestId('setup-wizard');
    await expect(wizard).toBeVisible();
    await wizard.getByLabel('Nome da loja').fill(SHOP);
    await wizard.getByLabel('Letra do terminal').fill('a');
    await expect(wizard.getByLabel('Letra do terminal')).toHaveValue('A');
    await wizard.getByLabel('Nome do administrador').fill(ADMIN.name);
    await wizard.getByLabel('PIN do administrador').fill('123456');
    await wizard.getByLabel('Confirme o PIN').fill('123456');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('field-error-adminPin')).toContainText('sequência');

    await wizard.getByLabel('PIN do administrador').fill(ADMIN.pin);
    await wizard.getByLabel('Confirme o PIN').fill(ADMIN.pin);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('login-screen')).toBeVisible();
    await expect(page.getByTestId('login-notice')).toContainText('Loja configurada');
    await expect(page.getByTestId('terminal-badge')).toHaveText('Terminal A');
  });

  await test.step('admin signs in with the tile and the PIN pad', async () => {
    await signIn(page, ADMIN, 'pad');
    await expect(page.getByTestId('shop-name')).toHaveText(SHOP);
    await expect(page.getByTestId('current-user')).toContainText('Administrador');
    await expect(page.getByRole('navigation', { name: 'Navegação principal' })).toBeVisible();
  });

  await test.step('admin creates the cashier', async () => {
    await page.getByTestId('nav-usuarios').click();
    await expect(userRow(page, ADMIN.name)).toBeVisible();
    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-form');
    await expect(form).toBeVisible();
    await form.getByLabel('Nome').fill(CASHIER.name);
    await form.getByLabel('Papel').selectOption({ label: 'Operador de caixa' });
    await form.getByLabel('PIN').fill(CASHIER.pin);
    await page.getByTestId('user-form-submit').click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('toast')).toHaveText(`Usuário ${CASHIER.name} criado.`);
    await expect(userRow(page, CASHIER.name)).toHaveCount(1);
    await expect(userRow(page, CASHIER.name)).toContainText('Operador de caixa');
    await expect(userRow(page, CASHIER.name).getByTestId('user-status')).toHaveText('Ativo');
    await signOut(page);
  });

  await test.step('five wrong PINs lock the cashier out', async () => {
    await tile(page, CASHIER.name).click();
    const error = page.getByTestId('pin-error');
    for (const left of [4, 3, 2]) {
      await typePinOnKeyboard(page, WRONG_PIN);
      await expect(error).toContainText(`Restam ${left} tentativas`);
    }
    await typePinOnKeyboard(page, WRONG_PIN);
    await expect(error).toContainText('Resta 1 tentativa');
    await typePinOnKeyboard(page, WRONG_PIN);
    await expect(error).toContainText('bloqueado');
    await expect(error).toHaveText(/até \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // While locked out, even the right PIN is refused.
    await typePinOnKeyboard(page, CASHIER.pin);
    await expect(error).toContainText('bloqueado');
    await expect(page.getByTestId('shell')).toHaveCount(0);
    await page.getByTestId('login-back').click();
  });

  await test.step('admin unlocks the cashier and finds the lockout in the audit', async () => {
    await signIn(page, ADMIN, 'pad');
    await page.getByTestId('nav-usuarios').click();
    const row = userRow(page, CASHIER.name);
    await expect(row.getByTestId('user-status')).toHaveText(/Bloqueado até \d{2}:\d{2}/);
    await row.getByTestId('user-unlock').click();
    await expect(page.getByTestId('toast')).toHaveText(`${CASHIER.name} foi desbloqueado.`);
    await expect(row.getByTestId('user-status')).toHaveText('Ativo');
    await expect(row.getByTestId('user-unlock')).toHaveCount(0);

    await page.getByTestId('nav-auditoria').click();
    await page.getByTestId('audit-filter-action').fill('auth.lockout');
    await page.getByTestId('audit-search').click();
    const lockouts = page.locator('[data-testid="audit-row"][data-action="auth.lockout"]');
    await expect(lockouts).toHaveCount(1);
    await expect(lockouts).toContainText(CASHIER.name);
    await expect(page.getByTestId('audit-row')).toHaveCount(1);

    await page.getByTestId('audit-filter-action').fill('users.unlock');
    await page.getByTestId('audit-search').click();
    await expect(page.locator('[data-testid="audit-row"][data-action="users.unlock"]')).toContainText(ADMIN.name);

    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toHaveText(/Corrente íntegra: \d+ registros/);
    await signOut(page);
  });

  await test.step('the cashier signs in and writes a shift note', async () => {
    await signIn(page, CASHIER, 'keyboard');
    await expect(page.getByTestId('current-user')).toContainText('Operador de caixa');
    await expect(page.getByTestId('nav-usuarios')).toHaveCount(0);
    await expect(page.getByTestId('role-placeholder')).toContainText('módulo de caixa');
    await page.getByTestId('shift-notes').click();
    await page.keyboard.type(NOTES);
    await expect(page.getByTestId('shift-notes')).toHaveValue(NOTES);
  });

  await test.step('idle for five minutes: the screen locks over what was typed', async () => {
    await page.clock.fastForward('05:01');
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible();
    await expect(page.getByTestId('lock-user')).toHaveText(CASHIER.name);
    // The core agrees: the session is locked, so a protected call is refused.
    const token = String(await page.evaluate("sessionStorage.getItem('balcao.sessionToken')"));
    const probe = await page.request.post('/api/users.list', { data: {}, headers: { authorization: `Bearer ${token}` } });
    expect((await probe.json()) as unknown).toMatchObject({ error: { code: 'SESSION_LOCKED' } });

    await typePinOnKeyboard(page, CASHIER.pin);
    await expect(lock).toBeHidden();
    await expect(page.getByTestId('shift-notes')).toHaveValue(NOTES);
    await expect(page.getByTestId('current-user')).toContainText(CASHIER.name);
  });

  await test.step('a reload keeps the session', async () => {
    await page.reload();
    await expect(page.getByTestId('current-user')).toContainText(CASHIER.name);
    await signOut(page);
  });
});
