import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { ADMIN, createTestApp, SHOP, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  t?.close();
});

describe('setup.initialize', () => {
  it('works once, on an empty database, and then is refused', async () => {
    t = await createTestApp();
    expect(await t.ok('setup.status', {})).toEqual({ initialized: false });
    const ids = await t.ok('setup.initialize', { shopName: ' Lanchonete da Ana ', terminalLetter: 'b', adminName: ADMIN.name, adminPin: ADMIN.pin });
    expect(ids.adminId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await t.ok('setup.status', {})).toEqual({ initialized: true, shopName: 'Lanchonete da Ana', terminalLetter: 'B' });

    const again = await t.fails('setup.initialize', { ...SHOP, adminName: 'Outra Pessoa', adminPin: '975310' });
    expect(again.code).toBe('ALREADY_INITIALIZED');
    expect(again.status).toBe(409);
    expect(t.app.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
  });

  it('names the field of bad input and writes nothing', async () => {
    t = await createTestApp();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...SHOP, terminalLetter: 'AB', adminName: ADMIN.name, adminPin: ADMIN.pin }, 'terminalLetter'],
      [{ ...SHOP, terminalLetter: '1', adminName: ADMIN.name, adminPin: ADMIN.pin }, 'terminalLetter'],
      [{ ...SHOP, adminName: 'A', adminPin: ADMIN.pin }, 'adminName'],
      [{ ...SHOP, adminName: ADMIN.name, adminPin: '4801' }, 'adminPin'],
      [{ ...SHOP, adminName: ADMIN.name, adminPin: '123456' }, 'adminPin'],
      [{ ...SHOP, adminName: ADMIN.name, adminPin: 'abcdef' }, 'adminPin'],
      [{ ...SHOP, adminName: ADMIN.name }, 'adminPin'],
      [{ ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin, extra: 1 }, 'extra'],
    ];
    for (const [input, field] of cases) {
      const error = await t.fails('setup.initialize', input);
      expect(error.field, JSON.stringify(input)).toBe(field);
      expect(error.status).toBe(400);
      expect(error.message.length).toBeGreaterThan(5);
    }
    expect(t.app.db.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM shop) + (SELECT count(*) FROM audit_log)').pluck().get()).toBe(0);
  });

  it('from another device only with the one-time code shown at start-up; from this computer without it', async () => {
    t = await createTestApp();
    bridge = await startBridge(t.app);
    const input = { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin };
    const refused = await bridge.postFrom('127.0.0.2', 'setup.initialize', input);
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN', field: 'setupCode' } } });
    expect(refused.json.error.message).toContain('código');
    expect(await bridge.postFrom('127.0.0.2', 'setup.initialize', { ...input, setupCode: 'ABCD-EFGH-JKLM' })).toMatchObject({ status: 403, json: { error: { field: 'setupCode' } } });
    expect(t.app.db.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM shop)').pluck().get()).toBe(0);
    const code = t.app.setupCode.toLowerCase().replaceAll('-', ' '); // typed loosely, it still counts
    expect(await bridge.postFrom('127.0.0.2', 'setup.initialize', { ...input, setupCode: code })).toMatchObject({ status: 200 });
  });

  it('from this computer over HTTP needs no code', async () => {
    t = await createTestApp();
    bridge = await startBridge(t.app);
    expect(await bridge.post('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin })).toMatchObject({ status: 200 });
  });
});
