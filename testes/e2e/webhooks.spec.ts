import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { v7 as uuidv7 } from 'uuid';
import { SHOTS } from './screenshots.js';
import { api, login, signIn } from './session.js';

// A webhook on a sale, end to end in browser mode: a real receiver on loopback that verifies every
// delivery with the standardwebhooks library; the admin adds the endpoint on the webhooks screen,
// copies the secret shown once, presses "Testar" and sees the ping delivered; a cashier's sale then
// reaches the receiver as a verified order.paid, and the delivery log says "Entregue".
//
// Other specs may have run first on this server (or not): the shop is set up here when it is not,
// and the people and products made here are this spec's own ("Hook").

const SHOP = 'Lanchonete Teste';
const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Caio Hook', pin: '4826' };
const VIEWPORT = { width: 1366, height: 768 };

interface Received {
  path: string;
  id: string;
  type: string;
  /** Verified with the secret this receiver knew when the delivery arrived. */
  verified: boolean;
  /** Verified with the secret before the last rotation (both signatures are sent for 24 h). */
  verifiedOld: boolean;
  body: { type: string; data: Record<string, unknown> } | null;
}

/** The receiving system: node:http on 127.0.0.1, a random port, checks each signature as a real receiver would. */
class Receiver {
  private server!: Server;
  url = '';
  secret: string | null = null;
  oldSecret: string | null = null;
  received: Received[] = [];

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const check = (secret: string | null) => {
          if (!secret) return false;
          try {
            new Webhook(secret).verify(raw, req.headers as Record<string, string>);
            return true;
          } catch {
            return false;
          }
        };
        let body: Received['body'] = null;
        try {
          body = JSON.parse(raw) as Received['body'];
        } catch {
          body = null;
        }
        this.received.push({
          path: req.url ?? '/',
          id: String(req.headers['webhook-id']),
          type: body?.type ?? '',
          verified: check(this.secret),
          verifiedOld: check(this.oldSecret),
          body,
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ recebido: true }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

test.describe.serial('webhooks', () => {
  let adminToken: string;
  let cashierToken: string;
  let productId: string;
  const receiver = new Receiver();

  test.beforeAll(async ({ playwright }, info) => {
    mkdirSync(SHOTS, { recursive: true });
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const status = await api<{ initialized: boolean }>(request, null, 'setup.status', {});
    if (!status.initialized) {
      await api(request, null, 'setup.initialize', { shopName: SHOP, terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    }
    adminToken = await login(request, ADMIN);
    await api(request, adminToken, 'users.create', { id: uuidv7(), name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
    productId = uuidv7();
    await api(request, adminToken, 'catalog.saveProduct', { id: productId, name: 'Pastel de feira Hook', code: 'HOOK-PST', price: 900 });
    cashierToken = await login(request, CASHIER);
    await request.dispose();
    await receiver.start();
  });

  test.afterAll(async () => {
    await receiver.stop();
  });

  test('webhook on a sale', async ({ browser, playwright }, info) => {
    test.setTimeout(90_000);
    const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const endpointUrl = `${receiver.url}/balcao/pedidos`;
    const endpointRow = page.locator(`[data-testid="webhook-endpoint"][data-url="${endpointUrl}"]`);
    let endpointId = '';

    await test.step('the admin opens Webhooks from Configurações; HTTP to the internet is refused under the URL', async () => {
      await signIn(page, ADMIN);
      // Webhooks live under Configurações (the admin's menu is full).
      await page.getByTestId('nav-configuracoes').click();
      await page.getByTestId('settings-webhooks').click();
      await expect(page.getByTestId('webhooks-screen')).toBeVisible();
      await page.getByTestId('webhook-create').click();
      const form = page.getByTestId('webhook-form');
      await form.getByTestId('webhook-url').fill('http://example.com/webhooks');
      await form.getByTestId('webhook-save').click();
      await expect(form.getByTestId('field-error-url')).toContainText('https://');
    });

    await test.step('an endpoint for order.paid on the loopback receiver; the secret is shown once', async () => {
      const form = page.getByTestId('webhook-form');
      await form.getByTestId('webhook-url').fill(endpointUrl);
      await form.getByTestId('webhook-description').fill('ERP da loja (teste Hook)');
      // Only order.paid: the form starts with it; make sure nothing else is ticked.
      await form.getByRole('button', { name: 'Desmarcar todos' }).click();
      await form.getByTestId('webhook-event-order.paid').check();
      await expect(form.getByText('Pedido pago')).toBeVisible();
      await form.getByTestId('webhook-save').click();
      const dialog = page.getByTestId('webhook-secret-dialog');
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('não será mostrado de novo');
      const secret = (await dialog.getByTestId('webhook-secret').textContent())!.trim();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
      receiver.secret = secret;
      await dialog.getByTestId('webhook-secret-done').click();
      await expect(dialog).toBeHidden();
      await expect(endpointRow).toBeVisible();
      endpointId = (await endpointRow.getAttribute('data-endpoint-id'))!;
      await expect(endpointRow).toContainText('Pedido pago');
      await expect(endpointRow).toContainText('Ativo');
      // The secret is never shown again: not in the list, not in the page.
      await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
      await expect(page.locator('body')).not.toContainText(secret);
    });

    await test.step('"Testar" sends a ping that the receiver verifies, and the log shows it delivered', async () => {
      await endpointRow.getByTestId('webhook-test').click();
      await expect.poll(() => receiver.received.filter((r) => r.type === 'ping' && r.verified).length, { timeout: 15_000 }).toBe(1);
      const ping = page.locator('[data-testid="webhook-delivery"][data-event-type="ping"]').first();
      await expect(ping).toHaveAttribute('data-status', 'delivered', { timeout: 15_000 });
      await expect(ping.getByTestId('webhook-delivery-status')).toHaveText('Entregue');
      await expect(ping).toContainText('200');
      await expect(ping).toHaveAttribute('data-event-id', receiver.received.find((r) => r.type === 'ping')!.id);
    });

    let orderNumber = '';
    await test.step('a sale at the counter reaches the receiver as a verified order.paid', async () => {
      const current = await api<{ session: unknown }>(request, cashierToken, 'cash.current', {});
      if (!current.session) await api(request, cashierToken, 'cash.open', { id: uuidv7(), openingFloat: 10_000 });
      const order = await api<{ id: string; number: string; total: number }>(request, cashierToken, 'orders.create', {
        id: uuidv7(),
        type: 'balcao',
        lines: [{ id: uuidv7(), productId, quantity: 2 }],
        payments: [{ id: uuidv7(), method: 'pix', amount: 1800 }],
      });
      orderNumber = order.number;
      // The worker ticks every second; the delivery is signed when it is sent.
      await expect
        .poll(() => receiver.received.find((r) => r.type === 'order.paid' && r.body?.data.number === orderNumber)?.verified ?? null, { timeout: 20_000 })
        .toBe(true);
      const paid = receiver.received.find((r) => r.type === 'order.paid' && r.body?.data.number === orderNumber)!;
      expect(paid.path).toBe('/balcao/pedidos');
      expect(paid.body?.data).toMatchObject({ number: orderNumber, total: 1800 });
      // Subscribed to order.paid only: no order.created came.
      expect(receiver.received.filter((r) => r.type === 'order.created')).toHaveLength(0);

      const row = page.locator(`[data-testid="webhook-delivery"][data-event-id="${paid.id}"]`);
      await expect(row).toHaveAttribute('data-status', 'delivered', { timeout: 15_000 });
      await expect(row.getByTestId('webhook-delivery-status')).toHaveText('Entregue');
      await expect(row).toContainText('Pedido pago');
      await expect(row).toContainText('recebido');
    });

    await test.step('the log filters by event and status, and lists each attempt', async () => {
      await page.getByTestId('webhook-log-event').selectOption('order.paid');
      await expect(page.getByTestId('webhook-delivery')).toHaveCount(1);
      await page.getByTestId('webhook-log-status').selectOption('dead');
      await expect(page.getByTestId('webhook-delivery')).toHaveCount(0);
      await page.getByTestId('webhook-log-status').selectOption('delivered');
      const row = page.getByTestId('webhook-delivery').first();
      await row.getByTestId('webhook-delivery-attempts').click();
      await expect(page.getByTestId('webhook-attempts')).toContainText('Tentativa 1');
      await expect(page.getByTestId('webhook-attempts')).toContainText('200');
      await row.getByTestId('webhook-delivery-attempts').click();
      await expect(page.getByTestId('webhook-attempts')).toHaveCount(0);
      await page.getByTestId('webhook-log-event').selectOption('');
      await page.getByTestId('webhook-log-status').selectOption('');
      await expect(page.getByTestId('webhook-delivery')).toHaveCount(2);
      await expect(page.getByTestId('webhook-alert')).toHaveCount(0);
      await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 6_000 });
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.mouse.move(0, 0);
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: `${SHOTS}/webhooks.png` });
    });

    await test.step('"Gerar novo segredo": shown once; for 24 h each delivery carries both signatures', async () => {
      await endpointRow.getByTestId('webhook-rotate').click();
      await page.getByTestId('webhook-rotate-confirm').click();
      const dialog = page.getByTestId('webhook-secret-dialog');
      await expect(dialog.getByTestId('webhook-secret-grace')).toContainText('24 h');
      const fresh = (await dialog.getByTestId('webhook-secret').textContent())!.trim();
      expect(fresh).toMatch(/^whsec_/);
      expect(fresh).not.toBe(receiver.secret);
      receiver.oldSecret = receiver.secret;
      receiver.secret = fresh;
      await dialog.getByTestId('webhook-secret-done').click();
      await endpointRow.getByTestId('webhook-test').click();
      await expect.poll(() => receiver.received.filter((r) => r.type === 'ping').length, { timeout: 15_000 }).toBe(2);
      const second = receiver.received.filter((r) => r.type === 'ping')[1]!;
      expect([second.verified, second.verifiedOld]).toEqual([true, true]);
    });

    // Later specs sell too: switch this endpoint off so nothing piles up for a receiver that is gone.
    await api(request, adminToken, 'webhooks.update', { id: endpointId, enabled: false });
    expect(pageErrors).toEqual([]);
    await context.close();
    await request.dispose();
  });
});
