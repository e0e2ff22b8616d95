import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let bridge: RunningBridge;
afterEach(async () => {
  await bridge?.close();
  t?.close();
});

const CASHIER = { name: 'Caio Caixa', pin: '2580' };
const TABLET = '127.0.0.2'; // another device on the shop network

describe('wrong PINs from another device', () => {
  it('are slowed per address before any PIN is compared, and never lock the cashier at the counter out', async () => {
    t = await initializedApp();
    await t.ok('users.create', { ...CASHIER, role: 'cashier' }, t.adminToken);
    bridge = await startBridge(t.app);
    const guess = () => bridge.postFrom(TABLET, 'auth.login', { name: CASHIER.name, pin: '1357' });

    for (let i = 0; i < 3; i++) expect(await guess()).toMatchObject({ status: 401, json: { error: { code: 'AUTH_INVALID_PIN', field: 'pin' } } });
    const slowed = await guess();
    expect(slowed).toMatchObject({ status: 429, json: { error: { code: 'AUTH_THROTTLED', field: 'pin', details: { retryAfterMs: 1000 } } } });
    expect(slowed.json.error.message).toContain('1 s');
    // Each wait doubles: 1 s, 2 s, 4 s…
    t.clock.advance(1000);
    expect(await guess()).toMatchObject({ status: 401 });
    expect(await guess()).toMatchObject({ status: 429, json: { error: { details: { retryAfterMs: 2000 } } } });
    for (const wait of [2000, 4000, 8000, 16000]) {
      t.clock.advance(wait);
      expect(await guess()).toMatchObject({ status: 401, json: { error: { code: 'AUTH_INVALID_PIN' } } });
    }

    // Eight wrong PINs from the tablet, more than the lockout's five: the cashier still gets in at the counter.
    expect(await bridge.post('auth.login', CASHIER)).toMatchObject({ status: 200 });
    expect(await bridge.post('auth.login', { name: CASHIER.name, pin: '1357' })).toMatchObject({ status: 401, json: { error: { details: { attemptsLeft: 4 } } } });

    const sources = t.app.db.prepare("SELECT json_extract(details, '$.source') FROM audit_log WHERE action = 'auth.login' AND result = 'failed'").pluck().all();
    expect(sources).toEqual([...Array(8).fill(TABLET), '127.0.0.1']);
    expect(t.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.lockout'").pluck().get()).toBe(0);
  });

  it('the right PIN from the tablet still works between the waits, and a guess burst in parallel is cut short', async () => {
    t = await initializedApp();
    await t.ok('users.create', { ...CASHIER, role: 'cashier' }, t.adminToken);
    bridge = await startBridge(t.app);
    const burst = await Promise.all(Array.from({ length: 8 }, () => bridge.postFrom(TABLET, 'auth.login', { name: CASHIER.name, pin: '1357' })));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(3);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(5);
    t.clock.advance(1000);
    expect(await bridge.postFrom(TABLET, 'auth.login', CASHIER)).toMatchObject({ status: 200 });
  });
});

describe('connections and requests per address', () => {
  const openStream = (port: string, localAddress: string, token: string) =>
    new Promise<{ status: number } | { error: string }>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: `/api/events?token=${token}`, localAddress, agent: false }, (res) => resolve({ status: res.statusCode ?? 0 }));
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      req.end();
    });

  it('caps the open connections of another device (live streams count) without touching this computer', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app, { limits: { connectionsPerAddress: 2 } });
    const port = new URL(bridge.url).port;
    expect(await openStream(port, TABLET, t.adminToken)).toEqual({ status: 200 });
    expect(await openStream(port, TABLET, t.adminToken)).toEqual({ status: 200 });
    expect(await openStream(port, TABLET, t.adminToken)).toHaveProperty('error');
    for (let i = 0; i < 3; i++) expect(await openStream(port, '127.0.0.1', t.adminToken)).toEqual({ status: 200 });
  });

  it('caps the requests of another device with a 429; the counter itself is never slowed', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app, { limits: { requestBurst: 5, requestsPerSecond: 0.001 } });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await bridge.postFrom(TABLET, 'system.ping', {})).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429, 429]);
    for (let i = 0; i < 7; i++) expect(await bridge.post('system.ping', {})).toMatchObject({ status: 200 });
  });
});
