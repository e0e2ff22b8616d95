import { afterEach, describe, expect, it } from 'vitest';
import { eventVisibleTo } from '../../src/ipc/http-security.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

// The TV's call board runs without a staff login: an admin creates a read-only board link, a revocable
// token that can read the board and hear its events and nothing else, and that outlives a restart.

let t: (TestApp & { adminToken?: string }) | undefined;
let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  t?.close();
  t = undefined;
});

async function shopWithReadyOrder() {
  const app = await initializedApp();
  t = app;
  const menu = await seedCatalog(app, app.adminToken);
  await app.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, app.adminToken);
  const cashier = (await app.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await app.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  const order = await app.ok('orders.create', { id: newId(), type: 'viagem', customerName: 'Ana', pager: '12', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier);
  const [ticket] = await app.ok('kitchen.queue', {}, app.adminToken);
  await app.ok('kitchen.ready', { ticketId: ticket!.id }, app.adminToken);
  return { app, cashier, order, menu };
}

describe('board links', () => {
  it('only managers create one; it reads the board (number, name and pager) and is refused for every other operation', async () => {
    const { app, cashier } = await shopWithReadyOrder();
    expect(await app.fails('board.createLink', { label: 'TV da entrada' }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    const link = await app.ok('board.createLink', { label: 'TV da entrada' }, app.adminToken);
    expect(link.token.length).toBeGreaterThanOrEqual(40);
    const board = await app.ok('kitchen.board', {}, link.token);
    expect(board.ready).toEqual([expect.objectContaining({ number: 'A-001', customerName: 'Ana', pager: '12' })]);

    const refused: string[] = [];
    for (const operation of app.app.dispatcher.registry.keys()) {
      if (operation === 'kitchen.board') continue;
      const outcome = await app.call(operation as never, {} as never, link.token);
      if (outcome.ok || outcome.error.code !== 'FORBIDDEN') refused.push(`${operation}: ${outcome.ok ? 'ok' : outcome.error.code}`);
    }
    expect(refused).toEqual([]);
    // Listing shows the link, never its token.
    const links = await app.ok('board.listLinks', {}, app.adminToken);
    expect(links).toEqual([expect.objectContaining({ id: link.id, label: 'TV da entrada', revokedAt: null })]);
    expect(JSON.stringify(links)).not.toContain(link.token);
  });

  it('outlives a restart of the server, and stops the moment it is revoked', async () => {
    const { app } = await shopWithReadyOrder();
    const link = await app.ok('board.createLink', { label: 'TV' }, app.adminToken);
    const dir = app.dir;
    app.app.close();
    t = await createTestApp({ dir });
    expect((await t.ok('kitchen.board', {}, link.token)).ready.map((e) => e.number)).toEqual(['A-001']);
    const admin = (await t.ok('auth.login', { name: 'Ana Admin', pin: '480135' })).token;
    await t.ok('board.revokeLink', { id: link.id }, admin);
    expect(await t.fails('kitchen.board', {}, link.token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await t.fails('board.revokeLink', { id: newId() }, admin)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it("its live channel hears the board's events only", async () => {
    const { app, cashier, menu } = await shopWithReadyOrder();
    const link = await app.ok('board.createLink', { label: 'TV' }, app.adminToken);
    expect(eventVisibleTo('orders.changed', { boardLinkId: 'link' })).toBe(true);
    expect(eventVisibleTo('kitchen.changed', { boardLinkId: 'link' })).toBe(true);
    expect(eventVisibleTo('stock.low', { boardLinkId: 'link' })).toBe(false);
    expect(eventVisibleTo('feedback.alert', { boardLinkId: 'link' })).toBe(false);
    bridge = await startBridge(app.app);
    const controller = new AbortController();
    const response = await fetch(`${bridge.url}/api/events?token=${link.token}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await app.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier);
    let text = '';
    while (!text.includes('kitchen.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).not.toContain('cash.changed');
    expect(text).not.toContain('stock.changed');
    controller.abort();
  });
});
