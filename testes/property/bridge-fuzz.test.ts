import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type OperationName } from '../../src/models/contract.js';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let bridge: RunningBridge;
/** A paired customer display's token, for the operations only a device may call (devices.me). */
let deviceToken: string;
/** A kitchen device that asks for its cook's PIN (its sign-in's operations), and a cook signed in on it. */
let cookDeviceToken: string;
let cookToken: string;

beforeAll(async () => {
  t = await initializedApp();
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  const asked = await t.ok('devices.requestPairing', {});
  await t.ok('devices.confirmPairing', { code: asked.code, kind: 'display', label: 'Tela do cliente' }, t.adminToken);
  deviceToken = asked.token;
  const kitchen = await t.ok('devices.requestPairing', {});
  await t.ok('devices.confirmPairing', { code: kitchen.code, kind: 'kitchen', label: 'Tablet da chapa', cookLogin: true }, t.adminToken);
  cookDeviceToken = kitchen.token;
  await t.ok('users.create', { name: 'Kiko Cozinha', role: 'kitchen', pin: '2468' }, t.adminToken);
  cookToken = (await t.ok('devices.cookLogin', { name: 'Kiko Cozinha', pin: '2468' }, cookDeviceToken)).token;
  // Its first call notes when the device was first seen; the calls under test then write nothing.
  await t.ok('devices.me', {}, deviceToken);
  await t.ok('devices.me', {}, cookToken);
  bridge = await startBridge(t.app);
});

/** The admin calls every operation but those made for a paired device, which the device they are made for calls. */
const tokenFor = (name: OperationName) => {
  const roles = t.app.dispatcher.registry.get(name)!.roles;
  if (roles === 'public' || roles.includes('admin')) return t.adminToken;
  if (roles.includes('customerDisplay')) return deviceToken;
  return roles.includes('kitchenLogin') ? cookDeviceToken : cookToken;
};
afterAll(async () => {
  await bridge.close();
  t.close();
});

/** JSON values a screen or an integrator might send by mistake, biased toward near-misses. */
const jsonInput = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('id', 'name', 'pin', 'role', 'shopName', 'terminalLetter', 'adminName', 'adminPin', 'limit', 'from', 'operation', 'recordId', 'includeInactive', 'idleLockMinutes', 'x'), fc.jsonValue(), { maxKeys: 5 }),
  fc.record({ name: fc.string(), pin: fc.string(), role: fc.string() }, { requiredKeys: [] }),
);

const expectFieldError = (response: { status: number; json: any }) => {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(typeof response.json.error.code).toBe('string');
  expect(response.json.error.field).toEqual(expect.any(String));
  expect(response.json.error.field.length).toBeGreaterThan(0);
  expect(response.json.error.message.length).toBeGreaterThan(5);
};

describe('every operation, fed random and malformed input through the HTTP bridge', () => {
  const names = Object.keys(operations) as OperationName[];

  it.each(names)('%s answers 4xx with the field, and writes nothing', async (name) => {
    const before = snapshotDatabase(t.app.db);
    const schema = operations[name].input;
    await fc.assert(
      fc.asyncProperty(
        jsonInput.filter((value) => !schema.safeParse(value).success),
        async (input) => {
          expectFieldError(await bridge.post(name, input, tokenFor(name)));
        },
      ),
      { numRuns: 30 },
    );
    expect(snapshotDatabase(t.app.db)).toBe(before);
  });

  it('a body that is not JSON gets 400 on every operation', async () => {
    const before = snapshotDatabase(t.app.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.string({ minLength: 1 }).filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        }),
        async (name, body) => {
          const response = await bridge.postRaw(name, body, t.adminToken);
          expect(response.status).toBe(400);
          expect(response.json.error).toMatchObject({ code: 'VALIDATION', field: 'body' });
        },
      ),
      { numRuns: 100 },
    );
    expect(snapshotDatabase(t.app.db)).toBe(before);
  });

  it('the server is still up and answering afterwards', async () => {
    expect(await bridge.post('system.ping', {})).toMatchObject({ status: 200, json: { ok: true } });
    expect((await bridge.post('auth.session', {}, t.adminToken)).json.user.role).toBe('admin');
  });
});
