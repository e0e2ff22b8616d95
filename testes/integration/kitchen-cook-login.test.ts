import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_PIN_LOCK_AFTER } from '../../src/services/devices/device-pin-rules.js';
import { COOK_IDLE_MINUTES } from '../../src/services/session-policy.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { shopCertificateOf, shopDevice } from '../helpers/https.js';
import { pair, SHOP_NETWORK, shopOnTheNetwork, type ShopApp } from '../helpers/shop-network.js';
import { ADMIN, createTestApp } from '../helpers/test-app.js';

// A kitchen device paired with "exigir PIN do cozinheiro": its own token opens only the cooks' sign-in;
// a cook types their PIN on it (over the shop network's HTTPS, 127.0.0.2 standing for the shop's Wi-Fi)
// and gets a session of their own that still opens the kitchen's screen and nothing else. Wrong PINs
// slow the device, then lock it until a manager unlocks it; the counter never notices.

const COOK = { name: 'Kiko Cozinha', pin: '2468' };
const CASHIER = { name: 'Caio Caixa', pin: '2580' };
const MANAGER = { name: 'Gil Gerente', pin: '135790' };
const WRONG = { name: COOK.name, pin: '9753' };

/** What the device's own token may call while no cook is in, and what a cook's session may call. */
const SIGN_IN_OPERATIONS = ['devices.me', 'devices.cooks', 'devices.cookLogin'];
const COOK_OPERATIONS = ['kitchen.queue', 'kitchen.start', 'kitchen.ready', 'devices.me', 'devices.cookLogout'];

let t: ShopApp | undefined;
let counter: RunningBridge | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
  t?.close();
  t = undefined;
});

async function kitchenAskingForCooks() {
  const shop = await shopOnTheNetwork();
  const { app } = shop;
  t = app;
  for (const [who, role] of [[COOK, 'kitchen'], [CASHIER, 'cashier'], [MANAGER, 'manager']] as const) await app.ok('users.create', { ...who, role }, app.adminToken);
  const tablet = shop.device('127.0.0.3');
  const paired = await pair(app, tablet, 'kitchen', { cookLogin: true });
  return { ...shop, tablet, ...paired };
}

const auditOf = (app: ShopApp, action: string) =>
  (app.app.db.prepare('SELECT result, user_name AS userName, details FROM audit_log WHERE action = ? ORDER BY rowid').all(action) as { result: string; userName: string | null; details: string }[]).map(
    (row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }),
  );

describe('a kitchen device that asks for its cook’s PIN', () => {
  it('is paired so only as a kitchen, and until a cook signs in its token lists the kitchen’s people and nothing else', async () => {
    const { app, device, tablet, token, id } = await kitchenAskingForCooks();
    const tv = device('127.0.0.4');
    const asked = (await tv.post('devices.requestPairing', {})).json;
    expect(await app.fails('devices.confirmPairing', { code: asked.code, kind: 'board', label: 'TV', cookLogin: true }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'cookLogin' });
    expect(app.app.db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(1);
    expect(auditOf(app, 'devices.pair').map((row) => row.details.cookLogin)).toEqual([true]);
    expect((await app.ok('devices.list', {}, app.adminToken))[0]).toMatchObject({ id, cookLogin: true, pinLocked: false });

    const problems: string[] = [];
    for (const operation of app.app.dispatcher.registry.keys()) {
      const reply = await tablet.post(operation, {}, token);
      const refused = reply.status === 403 && reply.json?.error?.code === 'FORBIDDEN';
      if (SIGN_IN_OPERATIONS.includes(operation) === refused) problems.push(`${operation}: ${reply.status} ${reply.json?.error?.code ?? ''}`);
    }
    expect(problems).toEqual([]);
    expect(await tablet.post('devices.me', {}, token)).toMatchObject({ status: 200, json: { id, kind: 'kitchen', cookLogin: true } });
    // The names of those who may work the kitchen, and nothing more: no roles, nobody from the counter.
    expect((await tablet.post('devices.cooks', {}, token)).json.map((cook: { name: string }) => cook.name)).toEqual([ADMIN.name, MANAGER.name, COOK.name]);
    expect(Object.keys((await tablet.post('devices.cooks', {}, token)).json[0]).sort()).toEqual(['id', 'name']);
    // A stranger on the Wi-Fi gets no list, and the device's own stream hears nothing of the kitchen.
    expect(await tv.post('devices.cooks', {}, null)).toMatchObject({ status: 403 });
    const stream = await tablet.stream(token);
    expect(stream.status).toBe(200);
    const menu = await seedCatalog(app, app.adminToken);
    await app.ok('cash.open', { id: newId(), openingFloat: 0 }, app.adminToken);
    await app.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, app.adminToken);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.events).toEqual([]);
    stream.close();
  });

  it('signs the cook in with the device’s token and their PIN; the session is the cook’s and opens the kitchen only', async () => {
    const { app, tablet, token, id } = await kitchenAskingForCooks();
    const menu = await seedCatalog(app, app.adminToken);
    await app.ok('cash.open', { id: newId(), openingFloat: 0 }, app.adminToken);

    // A person from the counter with their right PIN is told what a wrong PIN is told: the answer never says it was right.
    expect(await tablet.post('devices.cookLogin', CASHIER, token)).toMatchObject({ status: 401, json: { error: { code: 'AUTH_INVALID_PIN', field: 'pin' } } });
    expect(await tablet.post('devices.cookLogin', { name: COOK.name }, token)).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION', field: 'pin' } } });
    const signedIn = await tablet.post('devices.cookLogin', COOK, token);
    expect(signedIn).toMatchObject({ status: 200, json: { cook: { name: COOK.name }, idleMinutes: COOK_IDLE_MINUTES } });
    const cook = signedIn.json.token as string;
    expect(cook).not.toBe(token);

    const problems: string[] = [];
    for (const operation of app.app.dispatcher.registry.keys()) {
      if (operation === 'devices.cookLogout') continue; // it would end the session the loop goes on with
      const reply = await tablet.post(operation, {}, cook);
      const refused = reply.status === 403 && reply.json?.error?.code === 'FORBIDDEN';
      if (COOK_OPERATIONS.includes(operation) === refused) problems.push(`${operation}: ${reply.status} ${reply.json?.error?.code ?? ''}`);
    }
    expect(problems).toEqual([]);

    // It hears the kitchen's events and no others, and what the cook moves is the cook's.
    const stream = await tablet.stream(cook);
    expect(stream.status).toBe(200);
    await app.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, app.adminToken);
    await expect.poll(() => stream.events).toContain('kitchen.changed');
    expect(stream.events).not.toContain('cash.changed');
    const [ticket] = (await tablet.post('kitchen.queue', {}, cook)).json as { id: string }[];
    expect((await tablet.post('kitchen.start', { ticketId: ticket!.id }, cook)).status).toBe(200);
    const cookId = app.app.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(COOK.name);
    expect(app.app.db.prepare('SELECT by_user FROM kitchen_ticket_events').pluck().all()).toContain(cookId);
    const logins = auditOf(app, 'devices.cookLogin');
    expect(logins.map(({ result, details }) => [result, details.reason ?? null, details.deviceId, details.source])).toEqual([
      ['failed', 'unknown_user', id, '127.0.0.3'],
      ['ok', null, id, '127.0.0.3'],
    ]);
    expect(logins[1]!.userName).toBe(COOK.name);
    expect(JSON.stringify(app.app.db.prepare('SELECT * FROM audit_log').all())).not.toContain(cook);
    expect(app.memory.records.map((entry) => JSON.stringify(entry)).join('\n')).not.toContain(COOK.pin);

    // Signing out ends the cook's session and its stream; the device is back at its sign-in.
    expect(await tablet.post('devices.cookLogout', {}, cook)).toMatchObject({ status: 200 });
    await stream.ended;
    expect(await tablet.post('kitchen.queue', {}, cook)).toMatchObject({ status: 403 });
    expect(await tablet.post('kitchen.queue', {}, token)).toMatchObject({ status: 403 });
    expect(auditOf(app, 'devices.cookLogout')).toEqual([expect.objectContaining({ userName: `${COOK.name} (Aparelho kitchen)`, details: { deviceId: id, source: '127.0.0.3' } })]);
    // A kitchen device that asks for no PIN has nobody to sign out.
    const plain = await pair(app, tablet, 'kitchen');
    expect(await tablet.post('devices.cookLogout', {}, plain.token)).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
  });

  it('signs the cook out when the tablet is left alone, when the day turns at 04:00, and when the device is revoked', async () => {
    const { app, tablet, token, id } = await kitchenAskingForCooks(); // 12:00 in São Paulo
    const signIn = async () => (await tablet.post('devices.cookLogin', COOK, token)).json.token as string;

    let cook = await signIn();
    app.clock.advance(COOK_IDLE_MINUTES * 60_000 - 1000);
    expect((await tablet.post('kitchen.queue', {}, cook)).status).toBe(200); // a call keeps it alive
    app.clock.advance(COOK_IDLE_MINUTES * 60_000);
    expect(await tablet.post('kitchen.queue', {}, cook)).toMatchObject({ status: 403 });
    // The device itself stays paired and asks again.
    expect(await tablet.post('devices.me', {}, token)).toMatchObject({ status: 200 });

    app.clock.advance(Date.parse('2026-11-30T06:50:00Z') - app.clock.now()); // 03:50 next morning: still the same business day
    cook = await signIn();
    app.clock.advance(9 * 60_000);
    expect((await tablet.post('kitchen.queue', {}, cook)).status).toBe(200);
    app.clock.advance(2 * 60_000); // 04:01: the day turned
    expect(await tablet.post('kitchen.queue', {}, cook)).toMatchObject({ status: 403 });

    cook = await signIn();
    const admin = (await app.ok('auth.login', ADMIN)).token;
    await app.ok('devices.revoke', { id }, admin);
    expect(await tablet.post('kitchen.queue', {}, cook)).toMatchObject({ status: 403 });
    expect(await tablet.post('devices.cookLogin', COOK, token)).toMatchObject({ status: 403 });
  });

  it('slows wrong PINs per device, then locks it; another address refills nothing, a restart keeps the lock, a manager unlocks', async () => {
    const { app, device, token, id } = await kitchenAskingForCooks();
    // Every try from a new address: the address's own allowance never bites, the device's does.
    let address = 10;
    const guess = (pin = WRONG.pin) => device(`127.0.0.${address++}`).post('devices.cookLogin', { name: COOK.name, pin }, token);

    for (let i = 0; i < 3; i++) expect(await guess()).toMatchObject({ status: 401, json: { error: { code: 'AUTH_INVALID_PIN' } } });
    expect(await guess()).toMatchObject({ status: 429, json: { error: { code: 'AUTH_THROTTLED', details: { retryAfterMs: 1000 } } } });
    let waited = 0;
    for (let wait = 1000; waited < DEVICE_PIN_LOCK_AFTER - 4; wait *= 2, waited++) {
      app.clock.advance(wait);
      expect(await guess()).toMatchObject({ status: 401 });
      expect(await guess()).toMatchObject({ status: 429, json: { error: { details: { retryAfterMs: wait * 2 } } } });
    }
    app.clock.advance(64_000);
    // The tenth wrong PIN locks the device; the right PIN then opens nothing, whatever the address and however late.
    expect(await guess()).toMatchObject({ status: 423, json: { error: { code: 'AUTH_LOCKED', field: 'pin' } } });
    app.clock.advance(86_400_000);
    expect(await guess(COOK.pin)).toMatchObject({ status: 423, json: { error: { code: 'AUTH_LOCKED' } } });
    const admin = (await app.ok('auth.login', ADMIN)).token;
    expect((await app.ok('devices.list', {}, admin))[0]).toMatchObject({ id, pinLocked: true });
    const failed = auditOf(app, 'devices.cookLogin').filter((row) => row.result === 'failed');
    expect(auditOf(app, 'devices.pinLock')).toEqual([expect.objectContaining({ details: expect.objectContaining({ failures: DEVICE_PIN_LOCK_AFTER, source: failed.at(-1)!.details.source }) })]);
    expect(failed).toHaveLength(DEVICE_PIN_LOCK_AFTER);
    expect(new Set(failed.map((row) => row.details.source)).size).toBe(DEVICE_PIN_LOCK_AFTER);
    expect(failed.every((row) => row.details.deviceId === id)).toBe(true);

    // The cook is not locked out anywhere else: the counter lets them in at once.
    expect((await app.call('auth.login', COOK)).ok).toBe(true);
    expect(app.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.lockout'").pluck().get()).toBe(0);

    // A restart keeps the lock: it is on the device's row, not in memory.
    const dir = app.dir;
    app.app.close();
    const again = Object.assign(await createTestApp({ dir, app: { shopNetwork: SHOP_NETWORK } }), { adminToken: '' });
    t = again;
    again.adminToken = (await again.ok('auth.login', ADMIN)).token;
    const url = (await again.ok('devices.network', {}, again.adminToken)).url!;
    const tablet = shopDevice(url, shopCertificateOf(again.app), '127.0.0.3');
    expect(await tablet.post('devices.cookLogin', COOK, token)).toMatchObject({ status: 423 });

    // Only a manager unlocks it; then the cook gets in, and unlocking twice writes nothing more.
    await again.ok('users.create', { name: 'Caca Caixa', role: 'cashier', pin: '1593' }, again.adminToken);
    const cashier = (await again.ok('auth.login', { name: 'Caca Caixa', pin: '1593' })).token;
    expect(await again.fails('devices.unlock', { id }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await again.fails('devices.unlock', { id: newId() }, again.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    await again.ok('devices.unlock', { id }, again.adminToken);
    await again.ok('devices.unlock', { id }, again.adminToken);
    expect(auditOf(again, 'devices.unlock')).toEqual([expect.objectContaining({ userName: ADMIN.name, details: expect.objectContaining({ failures: DEVICE_PIN_LOCK_AFTER, source: 'local' }) })]);
    expect((await again.ok('devices.list', {}, again.adminToken))[0]).toMatchObject({ pinLocked: false });
    expect(await tablet.post('devices.cookLogin', COOK, token)).toMatchObject({ status: 200 });
  });

  it('slows a device guessing from one address by that address too, as any device on the shop network; a manager’s unlock frees both', async () => {
    const { app, tablet, token, id } = await kitchenAskingForCooks();
    const second = await pair(app, tablet, 'kitchen', { cookLogin: true });
    for (let i = 0; i < 3; i++) expect((await tablet.post('devices.cookLogin', WRONG, token)).status).toBe(401);
    // Another device at the same address has its own tries left, but the address has none for now.
    expect(await tablet.post('devices.cookLogin', WRONG, second.token)).toMatchObject({ status: 429, json: { error: { code: 'AUTH_THROTTLED' } } });
    await app.ok('devices.unlock', { id }, app.adminToken);
    expect((await tablet.post('devices.cookLogin', COOK, token)).status).toBe(200);
  });

  it('takes a device calling through this computer’s own loopback for a device, never for the counter', async () => {
    const { app, device } = await kitchenAskingForCooks();
    const local = device('127.0.0.1');
    const { token } = await pair(app, local, 'kitchen', { cookLogin: true });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await local.post('devices.cookLogin', WRONG, token)).status);
    // Slowed as another device is; the counter's lockout (five wrong PINs typed at the counter) is not touched.
    expect(answers).toEqual([401, 401, 401, 429, 429, 429]);
    expect(app.app.db.prepare('SELECT count(*) FROM pin_attempts WHERE failures > 0 OR locked_until IS NOT NULL').pluck().get()).toBe(0);
    expect((await app.call('auth.login', COOK)).ok).toBe(true);
  });

  it('throttles a device guessing PINs as fast as it can while the counter keeps selling', async () => {
    const { app, tablet, token } = await kitchenAskingForCooks();
    const menu = await seedCatalog(app, app.adminToken);
    counter = await startBridge(app.app);
    const cashier = (await counter.post('auth.login', CASHIER)).json.token as string;
    expect((await counter.post('cash.open', { id: newId(), openingFloat: 10_000 }, cashier)).status).toBe(200);

    let guessing = true;
    const answers: number[] = [];
    const guesser = (async () => {
      while (guessing) {
        const { status } = await tablet.post('devices.cookLogin', WRONG, token);
        answers.push(status);
        // Time moves only when the guesser was told to wait: a wait never runs out while a PIN is being compared.
        if (status === 429) app.clock.advance(5_000);
      }
    })();
    // The counter sells on until the guesser is locked out.
    const sales: number[] = [];
    while (answers.at(-1) !== 423 && sales.length < 2000) {
      sales.push((await counter.post('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier)).status);
    }
    guessing = false;
    await guesser;

    expect(sales.length).toBeGreaterThan(20);
    expect(sales.filter((status) => status !== 200)).toEqual([]);
    expect(answers.filter((status) => status === 401)).toHaveLength(DEVICE_PIN_LOCK_AFTER - 1);
    expect(answers).toContain(429);
    expect(answers.at(-1)).toBe(423);
    // The cashier at the counter was never slowed nor locked, and the cook neither.
    expect((await counter.post('auth.login', CASHIER)).status).toBe(200);
    expect((await counter.post('auth.login', COOK)).status).toBe(200);
    expect(app.app.db.prepare('SELECT count(*) FROM pin_attempts WHERE failures > 0 OR locked_until IS NOT NULL').pluck().get()).toBe(0);
  });
});
