import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { PLAIN_SECRETS_FILE } from '../../src/database/secret-store.js';
import { newId } from '../../src/utils/ids.js';
import type { NetworkStatus } from '../../src/webhooks/worker.js';
import { cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { createTestApp, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;

interface Received {
  path: string;
  id: string;
  type: string;
  verified: boolean;
  body: any;
}

/** A real receiver on loopback: verifies every delivery with the standardwebhooks library; answers as scripted. */
class Receiver {
  server!: Server;
  url = '';
  received: Received[] = [];
  secrets = new Map<string, string>();
  behaviour = new Map<string, (req: IncomingMessage, res: ServerResponse, n: number) => void>();
  hits = new Map<string, number>();

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        let verified = false;
        const secret = this.secrets.get(path);
        try {
          if (secret) new Webhook(secret).verify(body, req.headers as Record<string, string>);
          verified = Boolean(secret);
        } catch {
          verified = false;
        }
        const parsed = body ? JSON.parse(body) : null;
        this.received.push({ path, id: String(req.headers['webhook-id']), type: parsed?.type, verified, body: parsed });
        const n = (this.hits.get(path) ?? 0) + 1;
        this.hits.set(path, n);
        const handler = this.behaviour.get(path);
        if (handler) handler(req, res, n);
        else res.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  at(path: string) {
    return this.received.filter((r) => r.path === path);
  }
}

let t: T;
let receiver: Receiver;
const network: NetworkStatus & { up: boolean } = { up: true, online() { return this.up; } };
afterEach(async () => {
  network.up = true;
  t?.close();
  await receiver?.stop();
});

// Long enough for a busy test machine, short enough for the hang test.
const webhookOptions = { autoStart: false, random: () => 0.5, timeoutMs: 2_000, network };

async function setup() {
  t = await initializedApp({ app: { webhooks: webhookOptions } });
  receiver = new Receiver();
  await receiver.start();
}

async function endpoint(path: string, events: string[]) {
  const { id, secret } = await t.ok('webhooks.create', { url: `${receiver.url}${path}`, events: events as never, description: path }, t.adminToken);
  receiver.secrets.set(path, secret);
  return id;
}

const tick = () => t.app.webhooks.tick();
/** After hours of simulated time the admin's screen has locked itself: log in again. */
const relogin = async () => (t.adminToken = (await t.ok('auth.login', { name: 'Ana Admin', pin: '480135' })).token);

describe('webhooks', () => {
  it('deliver every event to every subscribed endpoint, verified by the reference library; nothing to others', async () => {
    await setup();
    await endpoint('/vendas', ['order.created', 'order.paid']);
    await endpoint('/caixa', ['cash.opened']);
    const menu = await seedCatalog(t, t.adminToken);
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(1000)] }, t.adminToken);
    await tick();
    // Two requests in flight per endpoint: arrival order is not promised (as in Standard Webhooks).
    expect(receiver.at('/vendas').map((r) => [r.type, r.verified]).sort()).toEqual([['order.created', true], ['order.paid', true]]);
    const paid = receiver.at('/vendas').find((r) => r.type === 'order.paid')!;
    expect(paid.body).toMatchObject({ type: 'order.paid', version: 1, shop: { name: 'Lanchonete Teste' }, terminal: { letter: 'A' }, data: { number: order.number, total: 600 } });
    expect(paid.body.id).toBe(paid.id);
    expect(receiver.at('/caixa').map((r) => r.type)).toEqual(['cash.opened']);
    const log = await t.ok('webhooks.deliveries', {}, t.adminToken);
    expect(log.every((d) => d.status === 'delivered' && d.lastAttempt?.statusCode === 200)).toBe(true);
  });

  it('retry on the standard schedule with the same webhook-id, and are signed at send time', async () => {
    await setup();
    const id = await endpoint('/falha', ['cash.opened']);
    receiver.behaviour.set('/falha', (_req, res, n) => {
      res.statusCode = n <= 3 ? 500 : 200;
      res.end(n <= 3 ? 'erro interno do receptor' : 'ok');
    });
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick(); // immediately: 500
    t.clock.advance(4_999);
    await tick();
    expect(receiver.at('/falha')).toHaveLength(1);
    for (const wait of [5_000, 300_000, 1_800_000]) {
      t.clock.advance(wait);
      await tick();
    }
    await relogin();
    const hits = receiver.at('/falha');
    expect(hits).toHaveLength(4);
    expect(new Set(hits.map((h) => h.id)).size).toBe(1);
    expect(hits.every((h) => h.verified)).toBe(true);
    const [delivery] = await t.ok('webhooks.deliveries', { endpointId: id }, t.adminToken);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4 });
    const attempts = await t.ok('webhooks.attempts', { deliveryId: delivery!.id }, t.adminToken);
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    expect(attempts[0]!.response).toBe('erro interno do receptor');
  });

  it('410 disables the endpoint; 429 honours Retry-After; a 302 is a failure and is not followed', async () => {
    await setup();
    await endpoint('/sumiu', ['cash.opened']);
    await endpoint('/devagar', ['cash.opened']);
    await endpoint('/mudou', ['cash.opened']);
    receiver.behaviour.set('/sumiu', (_req, res) => ((res.statusCode = 410), res.end()));
    receiver.behaviour.set('/devagar', (_req, res, n) => {
      res.statusCode = n === 1 ? 429 : 200;
      if (n === 1) res.setHeader('retry-after', '120');
      res.end();
    });
    receiver.behaviour.set('/mudou', (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', '/alvo');
      res.end();
    });
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick();
    const endpoints = await t.ok('webhooks.list', {}, t.adminToken);
    const gone = endpoints.find((e) => e.description === '/sumiu')!;
    expect(gone).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410'), dead: 1 });
    // The admin fixes the receiver and switches the endpoint back on, subscribing to one more event.
    const revived = await t.ok('webhooks.update', { id: gone.id, enabled: true, events: ['cash.opened', 'cash.closed'] }, t.adminToken);
    expect(revived).toMatchObject({ enabled: true, disabledReason: null, events: ['cash.opened', 'cash.closed'], url: gone.url, description: '/sumiu' });
    expect(await t.fails('webhooks.update', { id: gone.id, url: 'http://hooks.example.com/x' }, t.adminToken)).toMatchObject({ field: 'url' });
    t.clock.advance(60_000);
    await tick();
    expect(receiver.at('/devagar')).toHaveLength(1);
    t.clock.advance(60_000);
    await tick();
    expect(receiver.at('/devagar')).toHaveLength(2);
    expect(receiver.at('/alvo')).toHaveLength(0);
    const [redirected] = await t.ok('webhooks.deliveries', { endpointId: endpoints.find((e) => e.description === '/mudou')!.id }, t.adminToken);
    expect(redirected!.lastAttempt).toMatchObject({ statusCode: 302, error: expect.stringContaining('Redirecionamento') });
  });

  it('a hang past the timeout and a refused connection are failures that retry', async () => {
    await setup();
    await endpoint('/trava', ['cash.opened']);
    receiver.behaviour.set('/trava', () => undefined); // never answers
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { id: refused } = await t.ok('webhooks.create', { url: `http://127.0.0.1:${closedPort}/nada`, events: ['cash.opened'] }, t.adminToken);
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick();
    const log = await t.ok('webhooks.deliveries', {}, t.adminToken);
    const hung = log.find((d) => d.endpointUrl.endsWith('/trava'))!;
    expect(hung).toMatchObject({ status: 'pending', attempts: 1, lastAttempt: { statusCode: null, error: expect.stringContaining('Sem resposta') } });
    expect(hung.nextAttemptAt).toBe(t.clock.now() + 5000);
    expect(log.find((d) => d.endpointId === refused)).toMatchObject({ status: 'pending', lastAttempt: { error: expect.stringContaining('ECONNREFUSED') } });
  });

  it('pending deliveries continue after a restart, on their schedule', async () => {
    await setup();
    await endpoint('/reinicio', ['cash.opened']);
    receiver.behaviour.set('/reinicio', (_req, res, n) => ((res.statusCode = n === 1 ? 503 : 200), res.end()));
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick();
    t.app.close();
    t.app = await createApp({ dataDir: t.dir, logger: t.memory.logger, clock: t.clock, webhooks: webhookOptions });
    await t.app.webhooks.tick();
    expect(receiver.at('/reinicio')).toHaveLength(1);
    t.clock.advance(5_000);
    await t.app.webhooks.tick();
    expect(receiver.at('/reinicio').map((r) => r.verified)).toEqual([true, true]);
  });

  it('offline hours do not burn attempts: the retry clock pauses while there is no network', async () => {
    await setup();
    await endpoint('/rede', ['cash.opened']);
    receiver.behaviour.set('/rede', (_req, res, n) => ((res.statusCode = n === 1 ? 500 : 200), res.end()));
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick(); // 500: next in 5 s
    network.up = false;
    await tick(); // the worker notices within a second in real life
    for (let hour = 0; hour < 10; hour++) {
      t.clock.advance(3_600_000);
      await tick();
    }
    expect(receiver.at('/rede')).toHaveLength(1);
    network.up = true;
    await tick(); // back online: the 5 s still to wait start now
    expect(receiver.at('/rede')).toHaveLength(1);
    t.clock.advance(5_000);
    await tick();
    expect(receiver.at('/rede')).toHaveLength(2);
    await relogin();
    const [delivery] = await t.ok('webhooks.deliveries', {}, t.adminToken);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('a switched-off receiver fails its attempt on the schedule like a 500 and holds back no other endpoint', async () => {
    // The receiver on the shop network is off: the OS answers EHOSTUNREACH for it, and only for it.
    const unreachable: typeof fetch = (url, init) => {
      if (String(url).includes('/desligado')) return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'EHOSTUNREACH' } }));
      return fetch(url, init);
    };
    t = await initializedApp({ app: { webhooks: { ...webhookOptions, fetch: unreachable } } });
    receiver = new Receiver();
    await receiver.start();
    const off = await endpoint('/desligado', ['cash.opened']);
    await endpoint('/saudavel', ['cash.opened']);
    receiver.behaviour.set('/saudavel', (_req, res, n) => ((res.statusCode = n === 1 ? 500 : 200), res.end()));
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick(); // both fail: the healthy one with a 500, the switched-off one unreachable
    t.clock.advance(1_000);
    await tick();
    t.clock.advance(4_000);
    await tick(); // 5 s later, on schedule
    expect(receiver.at('/saudavel')).toHaveLength(2);
    const log = await t.ok('webhooks.deliveries', {}, t.adminToken);
    expect(log.find((d) => d.endpointId === off)).toMatchObject({ status: 'pending', attempts: 2, lastAttempt: { statusCode: null, error: expect.stringContaining('EHOSTUNREACH') } });
    expect(log.find((d) => d.endpointId !== off)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('after an outage, deliveries created during it go out at once', async () => {
    await setup();
    await endpoint('/volta', ['cash.opened']);
    network.up = false;
    await tick();
    t.clock.advance(3_600_000);
    await relogin();
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    t.clock.advance(3_600_000);
    await tick();
    expect(receiver.at('/volta')).toHaveLength(0);
    network.up = true;
    await tick();
    expect(receiver.at('/volta')).toHaveLength(1);
  });

  it('cancelling an order that was announced sends order.cancelled; one never announced stays silent', async () => {
    await setup();
    const menu = await seedCatalog(t, t.adminToken);
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    const silent = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.refri)] }, t.adminToken);
    await endpoint('/pedidos', ['order.created', 'order.cancelled']);
    const announced = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.refri)] }, t.adminToken);
    await t.ok('orders.cancel', { orderId: announced.id, reason: 'cliente desistiu' }, t.adminToken);
    await t.ok('orders.cancel', { orderId: silent.id, reason: 'engano' }, t.adminToken);
    await tick();
    const cancelled = receiver.at('/pedidos').filter((r) => r.type === 'order.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ verified: true, body: { data: { orderId: announced.id, number: announced.number, status: 'cancelled', reason: 'cliente desistiu' } } });
  });

  it('after the last attempt a delivery is dead, shown as such, and can be redelivered by hand', async () => {
    await setup();
    const id = await endpoint('/morto', ['cash.opened']);
    let healthy = false;
    receiver.behaviour.set('/morto', (_req, res) => ((res.statusCode = healthy ? 200 : 500), res.end()));
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    for (const wait of [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000]) {
      t.clock.advance(wait);
      await tick();
    }
    t.clock.advance(100 * 86_400_000);
    await tick();
    await relogin();
    expect(receiver.at('/morto')).toHaveLength(10);
    const [dead] = await t.ok('webhooks.deliveries', { status: 'dead' }, t.adminToken);
    expect(dead).toMatchObject({ endpointId: id, attempts: 10 });
    expect((await t.ok('webhooks.list', {}, t.adminToken))[0]).toMatchObject({ dead: 1, pending: 0 });
    healthy = true;
    await t.ok('webhooks.redeliver', { deliveryId: dead!.id }, t.adminToken);
    await tick();
    const hits = receiver.at('/morto');
    expect(hits).toHaveLength(11);
    expect(hits.at(-1)!.id).toBe(hits[0]!.id);
    expect((await t.ok('webhooks.deliveries', {}, t.adminToken))[0]).toMatchObject({ status: 'delivered', attempts: 11 });
  });

  it('ping from "testar"; a rotated secret signs alongside the old one during the grace period; secrets never logged', async () => {
    await setup();
    const id = await endpoint('/ping', ['stock.low']);
    await t.ok('webhooks.test', { id }, t.adminToken);
    await tick();
    expect(receiver.at('/ping')).toMatchObject([{ type: 'ping', verified: true }]);
    const oldSecret = receiver.secrets.get('/ping')!;
    const rotated = await t.ok('webhooks.rotateSecret', { id, graceHours: 1 }, t.adminToken);
    receiver.secrets.set('/ping', rotated.secret);
    await t.ok('webhooks.test', { id }, t.adminToken);
    await tick();
    expect(receiver.at('/ping')[1]!.verified).toBe(true);
    receiver.secrets.set('/ping', oldSecret);
    await t.ok('webhooks.test', { id }, t.adminToken);
    await tick();
    expect(receiver.at('/ping')[2]!.verified).toBe(true); // old secret still accepted in the grace period
    t.clock.advance(3_600_001);
    await relogin();
    await t.ok('webhooks.test', { id }, t.adminToken);
    await tick();
    expect(receiver.at('/ping')[3]!.verified).toBe(false); // grace over: only the new secret signs
    const everything = `${t.memory.text()}\n${JSON.stringify(await t.ok('webhooks.deliveries', {}, t.adminToken))}\n${JSON.stringify(await t.ok('webhooks.list', {}, t.adminToken))}`;
    const auditText = (t.app.db.prepare('SELECT details FROM audit_log').pluck().all() as string[]).join('\n');
    // Nor in the database file: not a byte of them in the file or its WAL.
    const databaseBytes = Buffer.concat([readFileSync(join(t.dir, DATABASE_FILE)), readFileSync(join(t.dir, `${DATABASE_FILE}-wal`))]);
    for (const secret of [oldSecret, rotated.secret]) {
      expect(everything).not.toContain(secret.slice(6));
      expect(auditText).not.toContain(secret.slice(6));
      expect(databaseBytes.includes(secret.slice(6))).toBe(false);
    }
    if (process.platform !== 'win32') expect(statSync(join(t.dir, PLAIN_SECRETS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a database brought to a computer without its secrets pauses the endpoint; a new secret and turning it on deliver again, verified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-moved-'));
    t = await initializedApp({ dir, app: { webhooks: webhookOptions } });
    receiver = new Receiver();
    await receiver.start();
    const id = await endpoint('/erp', ['cash.opened']);
    t.close();
    // The same database on another computer: the secret store stayed behind.
    rmSync(join(dir, PLAIN_SECRETS_FILE));
    t = Object.assign(await createTestApp({ dir, app: { webhooks: webhookOptions } }), { adminToken: '', adminId: '' });
    await relogin();
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    await tick();
    expect(receiver.at('/erp')).toHaveLength(0);
    const [paused] = await t.ok('webhooks.list', {}, t.adminToken);
    expect(paused).toMatchObject({ id, enabled: false, pending: 1, disabledReason: expect.stringMatching(/segredo.*não está neste computador/) });

    const { secret } = await t.ok('webhooks.rotateSecret', { id }, t.adminToken);
    receiver.secrets.set('/erp', secret);
    await t.ok('webhooks.update', { id, enabled: true }, t.adminToken);
    await tick();
    expect(receiver.at('/erp')).toMatchObject([{ type: 'cash.opened', verified: true }]);
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses plain HTTP off this computer unless marked as the shop network', async () => {
    await setup();
    expect(await t.fails('webhooks.create', { url: 'http://hooks.example.com/x', events: ['order.paid'] }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'url' });
    expect(await t.fails('webhooks.create', { url: 'https://hooks.example.com/x', events: ['order.teleported'] }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'events.0' });
    await t.ok('webhooks.create', { url: 'http://192.168.0.20/x', events: ['order.paid'], allowLocal: true }, t.adminToken);
  });
});
