import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { secretsOf } from '../../src/database/secret-store.js';
import { createHttpBridge } from '../../src/ipc/http-server.js';
import { shopCertificate } from '../../src/ipc/shop-certificate.js';
import { localNameFor, readShopNetworkSetting } from '../../src/ipc/shop-network.js';
import type { DeviceKind } from '../../src/models/devices.js';
import { pair, SHOP_NETWORK, shopOnTheNetwork as onTheNetwork } from '../helpers/shop-network.js';
import { PAIRING_CODE_TTL_MS, PAIRING_REQUESTS_PER_ADDRESS } from '../../src/services/devices/device-rules.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { shopCertificateOf, shopDevice } from '../helpers/https.js';
import { ADMIN, createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

// The shop network: a second listener, HTTPS with the shop's own certificate, on an address of the shop's
// network (127.0.0.2 stands for it here; devices connect from 127.0.0.3 and up). It serves paired devices
// only: a device pairs with a code a manager confirms, and its token opens its own screen and nothing else.

let t: (TestApp & { adminToken: string }) | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function shopOnTheNetwork() {
  const shop = await onTheNetwork();
  t = shop.app;
  return shop;
}

/** What each kind of device may call: its screen's operations, and asking what it is. */
const SCREEN_OPERATIONS: Record<DeviceKind, string[]> = {
  kitchen: ['kitchen.queue', 'kitchen.start', 'kitchen.ready', 'devices.me'],
  board: ['kitchen.board', 'devices.me'],
  rating: ['feedback.kiosk', 'feedback.lookup', 'feedback.submit', 'devices.me'],
  display: ['devices.me', 'display.current', 'display.slides', 'display.slide'],
};

describe('the shop network', () => {
  it('is off by default, and an admin turns it on with the address and the certificate fingerprint to check', async () => {
    const app = await initializedApp({ app: { shopNetwork: SHOP_NETWORK } });
    t = app;
    expect(await app.ok('devices.network', {}, app.adminToken)).toEqual({
      enabled: false,
      interfaceName: null,
      url: null,
      fingerprint: null,
      problem: null,
      interfaces: [{ name: 'lan-teste', address: '127.0.0.2' }],
    });
    // Bad input names the field and writes nothing.
    expect(await app.fails('devices.setNetwork', { enabled: true }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'interfaceName' });
    expect(await app.fails('devices.setNetwork', { enabled: true, interfaceName: 'eth9' }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'interfaceName' });
    await app.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '135790' }, app.adminToken);
    const manager = (await app.ok('auth.login', { name: 'Gil Gerente', pin: '135790' })).token;
    expect(await app.fails('devices.setNetwork', { enabled: true, interfaceName: 'lan-teste' }, manager)).toMatchObject({ code: 'FORBIDDEN' });
    expect(readShopNetworkSetting(app.app.db)).toEqual({ enabled: false, interfaceName: null });
    expect(app.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'devices.setNetwork'").pluck().get()).toBe(0);

    const view = await app.ok('devices.setNetwork', { enabled: true, interfaceName: 'lan-teste' }, app.adminToken);
    expect(view.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const device = shopDevice(view.url!, shopCertificateOf(app.app), '127.0.0.3');
    const asked = await device.post('devices.requestPairing', {});
    // The device reached the listener over TLS with a certificate for its address (the client checks the
    // name) issued by the shop's own authority, whose fingerprint the counter shows.
    expect(asked.fingerprint).toBe(view.fingerprint);
    expect(asked.json.fingerprint).toBe(view.fingerprint);
    // The authority is there to download and install, and it is the one the app keeps.
    const download = await device.get('/balcao-loja.crt');
    expect(download).toMatchObject({ status: 200, type: 'application/x-x509-ca-cert' });
    expect(new X509Certificate(download.text).fingerprint256).toBe(view.fingerprint);
    expect(new X509Certificate(download.text).ca).toBe(true);
    expect(app.app.db.prepare("SELECT json_extract(details, '$.source') FROM audit_log WHERE action = 'devices.setNetwork'").pluck().all()).toEqual(['local']);
  });

  it('survives a restart with the same certificate, and turns off without one', async () => {
    const { app, view, device } = await shopOnTheNetwork();
    const { token } = await pair(app, device('127.0.0.3'), 'board');
    const dir = app.dir;
    app.app.close();
    t = Object.assign(await createTestApp({ dir, app: { shopNetwork: SHOP_NETWORK } }), { adminToken: '' });
    t.adminToken = (await t.ok('auth.login', ADMIN)).token;
    const after = await t.ok('devices.network', {}, t.adminToken);
    expect(after).toMatchObject({ enabled: true, interfaceName: 'lan-teste', fingerprint: view.fingerprint, url: expect.stringMatching(/^https:\/\/127\.0\.0\.2:/) });
    const again = shopDevice(after.url!, shopCertificateOf(t.app), '127.0.0.3');
    expect(await again.post('kitchen.board', {}, token)).toMatchObject({ status: 200, fingerprint: view.fingerprint });

    expect(await t.ok('devices.setNetwork', { enabled: false }, t.adminToken)).toMatchObject({ enabled: false, url: null });
    await expect(again.post('devices.requestPairing', {})).rejects.toThrow(/ECONNREFUSED/);
    // Loopback's own bridge is untouched by the switch: the counter goes on.
    expect((await t.call('system.ping', {}, t.adminToken)).ok).toBe(true);
  });

  it('refuses everything but pairing to a device that is not paired, and staff tokens too', async () => {
    const { app, device } = await shopOnTheNetwork();
    const stranger = device('127.0.0.3');
    const accepted: string[] = [];
    for (const operation of app.app.dispatcher.registry.keys()) {
      if (operation === 'devices.requestPairing' || operation === 'devices.pairingStatus') continue;
      for (const token of [null, app.adminToken]) {
        const reply = await stranger.post(operation, {}, token);
        if (reply.status !== 403 || reply.json.error.code !== 'FORBIDDEN') accepted.push(`${operation}${token ? ' (admin)' : ''}: ${reply.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect((await stranger.stream(app.adminToken)).status).toBe(403);
    expect((await stranger.stream('x'.repeat(43))).status).toBe(401);
  });

  it('pairs a device with the code it shows; the code expires, and each address may ask only so many', async () => {
    const { app, device } = await shopOnTheNetwork();
    const tablet = device('127.0.0.3');
    const asked = (await tablet.post('devices.requestPairing', {})).json;
    expect(asked.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(asked.token.length).toBeGreaterThanOrEqual(40);
    expect(await tablet.post('devices.pairingStatus', { requestId: asked.requestId })).toMatchObject({ status: 200, json: { status: 'waiting' } });
    // The token is useless until the code is confirmed, and is kept only as a hash.
    expect(await tablet.post('devices.me', {}, asked.token)).toMatchObject({ status: 403 });
    expect(JSON.stringify(app.app.db.prepare('SELECT * FROM device_pairings').all())).not.toContain(asked.token);

    expect(await app.fails('devices.confirmPairing', { code: 'AAAAAA', kind: 'kitchen', label: 'Chapa' }, app.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    expect(await app.fails('devices.confirmPairing', { code: '12', kind: 'kitchen', label: 'Chapa' }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'code' });
    expect(await app.fails('devices.confirmPairing', { code: asked.code, kind: 'board', label: 'TV', station: 'Chapa' }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'station' });
    expect(await app.fails('devices.confirmPairing', { code: asked.code, kind: 'fridge', label: 'TV' }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect(app.app.db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(0);

    const typed = `${asked.code.slice(0, 3).toLowerCase()} ${asked.code.slice(3)}`;
    const paired = await app.ok('devices.confirmPairing', { code: typed, kind: 'kitchen', label: 'Tablet da chapa', station: 'Chapa' }, app.adminToken);
    expect(paired).toMatchObject({ kind: 'kitchen', label: 'Tablet da chapa', address: '127.0.0.3' });
    expect(await tablet.post('devices.pairingStatus', { requestId: asked.requestId })).toMatchObject({ json: { status: 'paired' } });
    expect(await tablet.post('devices.me', {}, asked.token)).toMatchObject({ status: 200, json: { id: paired.id, kind: 'kitchen', station: 'Chapa', shopName: 'Lanchonete Teste' } });
    // A code is used once.
    expect(await app.fails('devices.confirmPairing', { code: asked.code, kind: 'board', label: 'TV' }, app.adminToken)).toMatchObject({ code: 'NOT_FOUND' });
    const audit = app.app.db.prepare("SELECT details FROM audit_log WHERE action = 'devices.pair'").pluck().all() as string[];
    expect(audit.map((details) => JSON.parse(details))).toEqual([{ kind: 'kitchen', label: 'Tablet da chapa', station: 'Chapa', cookLogin: false, deviceAddress: '127.0.0.3', source: 'local' }]);
    expect(JSON.stringify(app.app.db.prepare('SELECT * FROM audit_log').all())).not.toContain(asked.token);
    expect(app.memory.records.map((entry) => JSON.stringify(entry)).join('\n')).not.toContain(asked.token);

    // A code left waiting expires; the screen then asks for another.
    const late = (await tablet.post('devices.requestPairing', {})).json;
    app.clock.advance(PAIRING_CODE_TTL_MS);
    expect(await tablet.post('devices.pairingStatus', { requestId: late.requestId })).toMatchObject({ json: { status: 'expired' } });
    const admin = (await app.ok('auth.login', ADMIN)).token; // the counter locked itself meanwhile
    expect(await app.fails('devices.confirmPairing', { code: late.code, kind: 'board', label: 'TV' }, admin)).toMatchObject({ code: 'NOT_FOUND', field: 'code' });

    // Two asked so far from this address; the window allows a few more, then refuses it and it alone.
    for (let i = 2; i < PAIRING_REQUESTS_PER_ADDRESS; i++) expect((await tablet.post('devices.requestPairing', {})).status).toBe(200);
    expect(await tablet.post('devices.requestPairing', {})).toMatchObject({ status: 429, json: { error: { code: 'RATE_LIMITED' } } });
    expect((await device('127.0.0.4').post('devices.requestPairing', {})).status).toBe(200);
  });

  it("gives each kind of device a token that calls its screen's operations and is refused every other one", async () => {
    const { app, device } = await shopOnTheNetwork();
    const kinds = Object.keys(SCREEN_OPERATIONS) as DeviceKind[];
    const problems: string[] = [];
    for (const [index, kind] of kinds.entries()) {
      const client = device(`127.0.0.${10 + index}`);
      const { token } = await pair(app, client, kind);
      for (const operation of app.app.dispatcher.registry.keys()) {
        const reply = await client.post(operation, {}, token);
        const refused = reply.status === 403 && reply.json?.error?.code === 'FORBIDDEN';
        const own = SCREEN_OPERATIONS[kind].includes(operation) || operation === 'devices.requestPairing' || operation === 'devices.pairingStatus';
        if (own === refused) problems.push(`${kind} → ${operation}: ${reply.status} ${reply.json?.error?.code ?? ''}`);
      }
    }
    // Pairing is refused to a paired device too: it is a public operation, and a device calls its screen's only.
    expect(problems.sort()).toEqual(kinds.flatMap((kind) => [`${kind} → devices.pairingStatus: 403 FORBIDDEN`, `${kind} → devices.requestPairing: 403 FORBIDDEN`]).sort());
  });

  it('cuts a revoked device off at its next call and closes its live channel at once', async () => {
    const { app, device } = await shopOnTheNetwork();
    const menu = await seedCatalog(app, app.adminToken);
    await app.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, app.adminToken);
    const cashier = (await app.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
    await app.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
    const tablet = device('127.0.0.3');
    const { token, id } = await pair(app, tablet, 'kitchen');

    const stream = await tablet.stream(token);
    expect(stream.status).toBe(200);
    await app.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier);
    await expect.poll(() => stream.events).toContain('kitchen.changed');
    expect(stream.events).not.toContain('cash.changed');
    const queue = await tablet.post('kitchen.queue', {}, token);
    expect(queue.json).toHaveLength(1);

    const listed = await app.ok('devices.list', {}, app.adminToken);
    expect(listed).toEqual([expect.objectContaining({ id, kind: 'kitchen', address: '127.0.0.3', revokedAt: null, lastSeenAt: app.clock.now() })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    await app.ok('devices.revoke', { id }, app.adminToken);
    await stream.ended;
    expect(await tablet.post('kitchen.queue', {}, token)).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    expect((await tablet.stream(token)).status).toBe(401);
    expect((await app.ok('devices.list', {}, app.adminToken))[0]!.revokedAt).toBe(app.clock.now());
    const audit = app.app.db.prepare("SELECT json_extract(details, '$.deviceAddress') AS device, json_extract(details, '$.source') AS source FROM audit_log WHERE action = 'devices.revoke'").all();
    expect(audit).toEqual([{ device: '127.0.0.3', source: 'local' }]);
    // Revoking again changes nothing and writes nothing more.
    await app.ok('devices.revoke', { id }, app.adminToken);
    expect(app.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'devices.revoke'").pluck().get()).toBe(1);
    expect(await app.fails('devices.revoke', { id: newId() }, app.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('keeps a paired kitchen working when the business day turns at 04:00, and it stays seen', async () => {
    const { app, device } = await shopOnTheNetwork(); // 12:00 in São Paulo
    const tablet = device('127.0.0.3');
    const { token, id } = await pair(app, tablet, 'kitchen');
    expect((await tablet.post('kitchen.queue', {}, token)).status).toBe(200);
    app.clock.advance(16 * 3_600_000); // 04:00 next morning: every staff session ended, the tablet's opens again
    expect((await tablet.post('kitchen.queue', {}, token)).status).toBe(200);
    const admin = (await app.ok('auth.login', ADMIN)).token;
    expect((await app.ok('devices.list', {}, admin))[0]).toMatchObject({ id, lastSeenAt: app.clock.now() });
    // On disk too: a restart still shows when it was last seen.
    expect(app.app.db.prepare('SELECT last_seen_at FROM devices WHERE id = ?').pluck().get(id)).toBe(app.clock.now());
  });

  it('switches one click after the other: two at once never leave a listener behind', async () => {
    const app = await initializedApp({ app: { shopNetwork: SHOP_NETWORK } });
    t = app;
    const on = { enabled: true, interfaceName: 'lan-teste' };
    const views = await Promise.all([app.ok('devices.setNetwork', on, app.adminToken), app.ok('devices.setNetwork', on, app.adminToken)]);
    expect(views[0].url).not.toBe(views[1].url); // port 0: each start took its own port, the first was closed
    const ca = shopCertificateOf(app.app);
    await expect(shopDevice(views[0].url!, ca, '127.0.0.3').post('devices.requestPairing', {})).rejects.toThrow(/ECONNREFUSED/);
    expect((await shopDevice(views[1].url!, ca, '127.0.0.3').post('devices.requestPairing', {})).status).toBe(200);
    await app.ok('devices.setNetwork', { enabled: false }, app.adminToken);
    await expect(shopDevice(views[1].url!, ca, '127.0.0.3').post('devices.requestPairing', {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says so when its port is taken, and the counter goes on', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.2', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const app = await initializedApp({ app: { shopNetwork: { ...SHOP_NETWORK, port } } });
      t = app;
      const view = await app.ok('devices.setNetwork', { enabled: true, interfaceName: 'lan-teste' }, app.adminToken);
      expect(view).toMatchObject({ enabled: true, url: null, problem: expect.stringContaining('EADDRINUSE') });
      expect(view.problem).toContain('127.0.0.2');
      expect((await app.call('system.ping', {}, app.adminToken)).ok).toBe(true);
    } finally {
      blocker.close();
    }
  });

  it("gives a device its own request allowance, which moving to another address does not refill", async () => {
    const { app, view, device } = await shopOnTheNetwork();
    const { token } = await pair(app, device('127.0.0.3'), 'kitchen');
    // A listener of the same kind, with a small allowance, on another port of the same address.
    const tls = await shopCertificate(secretsOf(app.app.db), '127.0.0.2', localNameFor(hostname()));
    const small = createHttpBridge(app.app, { tls, shopNetworkHosts: ['127.0.0.2'], limits: { requestBurst: 3, requestsPerSecond: 0.001 } });
    await new Promise<void>((resolve) => small.listen(0, '127.0.0.2', resolve));
    try {
      const url = `https://127.0.0.2:${(small.address() as AddressInfo).port}/`;
      const ca = shopCertificateOf(app.app);
      const statuses = [];
      for (const address of ['127.0.0.3', '127.0.0.3', '127.0.0.4', '127.0.0.4']) statuses.push((await shopDevice(url, ca, address).post('kitchen.queue', {}, token)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another device from the same new address still has its own.
      const other = await pair(app, device('127.0.0.5'), 'board');
      expect((await shopDevice(url, ca, '127.0.0.4').post('kitchen.board', {}, other.token)).status).toBe(200);
      expect(view.url).not.toBe(url);
    } finally {
      small.closeAllConnections();
      small.close();
    }
  });

  it('caps the live streams of one device', async () => {
    const { app, device } = await shopOnTheNetwork();
    const tablet = device('127.0.0.3');
    const { token } = await pair(app, tablet, 'board');
    const open = [await tablet.stream(token), await tablet.stream(token), await tablet.stream(token)];
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    expect((await tablet.stream(token)).status).toBe(429);
    open[0]!.close();
    await expect.poll(async () => (await tablet.stream(token)).status).toBe(200);
    for (const s of open) s.close();
  });
});
