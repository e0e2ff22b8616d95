import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  t?.close();
});

const COZINHA = { name: 'Cida Cozinha', pin: '3691' };
const CASHIER = { name: 'Caio Caixa', pin: '2580' };

describe('sessions end', () => {
  it('when the business day turns (04:00 in the shop’s zone), even on a screen that never locks', async () => {
    t = await initializedApp(); // 12:00 in São Paulo
    await t.ok('users.create', { ...COZINHA, role: 'kitchen' }, t.adminToken);
    const { token } = await t.ok('auth.login', COZINHA);
    t.clock.advance(15 * 3_600_000 + 59 * 60_000); // 03:59 next morning: still the same business day
    expect(await t.ok('auth.session', {}, token)).toMatchObject({ locked: false });
    t.clock.advance(60_000); // 04:00
    expect(await t.fails('kitchen.queue', {}, token)).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(t.app.sessions.get(token)).toBeUndefined();
  });

  it('when the user’s PIN is reset, and when the user is deactivated', async () => {
    t = await initializedApp();
    const { id } = await t.ok('users.create', { ...CASHIER, role: 'cashier' }, t.adminToken);
    const first = (await t.ok('auth.login', CASHIER)).token;
    await t.ok('users.resetPin', { id, pin: '8520' }, t.adminToken);
    expect(await t.fails('auth.session', {}, first)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const second = (await t.ok('auth.login', { name: CASHIER.name, pin: '8520' })).token;
    await t.ok('users.deactivate', { id }, t.adminToken);
    expect(await t.fails('auth.session', {}, second)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await t.ok('auth.session', {}, t.adminToken)).toMatchObject({ locked: false }); // the manager's own session goes on
  });

  it('a locked session’s live stream hears that it locked, then stops; it opens again after unlock', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app);
    const response = await fetch(`${bridge.url}/api/events?token=${t.adminToken}`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await bridge.post('auth.lock', {}, t.adminToken);
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain('event: session.locked');
    const whileLocked = await fetch(`${bridge.url}/api/events?token=${t.adminToken}`);
    expect(whileLocked.status).toBe(423);
    expect(await whileLocked.json()).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    await bridge.post('auth.unlock', { name: 'Ana Admin', pin: '480135' }, t.adminToken);
    const again = await fetch(`${bridge.url}/api/events?token=${t.adminToken}`);
    expect(again.status).toBe(200);
    await again.body!.cancel();
  });
});
