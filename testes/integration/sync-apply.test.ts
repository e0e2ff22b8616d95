import { afterEach, describe, expect, it } from 'vitest';
import { listChanges } from '../../src/database/queries/change-log.js';
import { applyChanges, type IncomingChange } from '../../src/sync/apply-changes.js';
import { formatHlc } from '../../src/utils/hlc.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

const REMOTE_LOW = '01a23480-0000-7000-8000-00000000000a';
const REMOTE_HIGH = 'ffa23480-0000-7000-8000-00000000000b';

const remote = (node: string, wall: number, data: Record<string, unknown>): IncomingChange => ({
  id: newId(),
  terminalId: node,
  hlc: formatHlc({ wall, counter: 0, node }),
  entity: 'product',
  entityId: data.id as string,
  op: 'update',
  data,
  at: wall,
});

describe('applying reference data merges per field by HLC', () => {
  it('each field keeps its last writer: an older edit of one field still lands when the row changed elsewhere later', async () => {
    t = await initializedApp();
    const menu = await seedCatalog(t, t.adminToken);
    const id = menu.p.xburger;
    const created = t.clock.now();
    t.clock.advance(10_000);
    await t.ok('catalog.setSoldOut', { id, soldOut: true }, t.adminToken); // here, 10 s after creation
    const logged = listChanges(t.app.db, 0, 10_000).length;
    const product = () =>
      t.app.db.prepare('SELECT name, search_key AS searchKey, price, sold_out AS soldOut FROM products WHERE id = ?').get(id) as Record<string, unknown>;

    applyChanges(t.app.db, [
      // Another terminal changed the price 1 s after creation: nobody touched the price since, so it stands.
      remote(REMOTE_LOW, created + 1_000, { id, price: 2500 }),
      // ...and took the sold-out flag off 2 s after creation: this terminal set it later, so that edit loses.
      remote(REMOTE_LOW, created + 2_000, { id, soldOut: false }),
    ]);
    expect(product()).toMatchObject({ price: 2500, soldOut: 1, name: 'X-Burger' });

    // Two terminals rename at the very same stamp: the higher terminal id wins, in either order.
    const tie = created + 20_000;
    applyChanges(t.app.db, [remote(REMOTE_HIGH, tie, { id, name: 'X-Burger da Casa' }), remote(REMOTE_LOW, tie, { id, name: 'X-Búrguer' })]);
    expect(product()).toMatchObject({ name: 'X-Burger da Casa', searchKey: 'x-burger da casa xb' });
    applyChanges(t.app.db, [remote(REMOTE_LOW, tie, { id, name: 'X-Búrguer' })]);
    expect(product()).toMatchObject({ name: 'X-Burger da Casa' });

    // An older rename arriving late loses; the search key follows the name that won.
    applyChanges(t.app.db, [remote(REMOTE_LOW, tie - 1_000, { id, name: 'X-Antigo' })]);
    expect(product()).toMatchObject({ name: 'X-Burger da Casa', price: 2500, soldOut: 1 });
    // What was applied belongs to the terminals that made it: nothing is logged again here.
    expect(listChanges(t.app.db, 0, 10_000)).toHaveLength(logged);

    // A later local edit beats the applied one, field by field, and the next remote edit compares with it.
    t.clock.advance(30_000);
    await t.ok('catalog.setSoldOut', { id, soldOut: false }, t.adminToken);
    applyChanges(t.app.db, [remote(REMOTE_HIGH, tie + 1_000, { id, soldOut: true })]);
    expect(product()).toMatchObject({ soldOut: 0 });
  });
});

describe('applying facts', () => {
  it('a kitchen ticket only moves forward, whatever order two terminals’ moves arrive in', async () => {
    t = await initializedApp();
    const menu = await seedCatalog(t, t.adminToken);
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, t.adminToken);
    const [ticket] = await t.ok('kitchen.queue', {}, t.adminToken);
    const now = t.clock.now();
    const move = (node: string, wall: number, status: 'preparing' | 'ready'): IncomingChange => {
      const id = newId();
      return { id: newId(), terminalId: node, hlc: formatHlc({ wall, counter: 0, node }), entity: 'kitchen_event', entityId: id, op: 'insert', data: { id, ticketId: ticket!.id, status, byUser: 'u', at: wall }, at: wall };
    };
    // The kitchen screen marked it ready; the counter's older "preparing" arrives afterwards.
    applyChanges(t.app.db, [move(REMOTE_HIGH, now + 2_000, 'ready'), move(REMOTE_LOW, now + 1_000, 'preparing')]);
    expect(t.app.db.prepare('SELECT status, status_at AS statusAt FROM kitchen_ticket_state WHERE ticket_id = ?').get(ticket!.id)).toEqual({ status: 'ready', statusAt: now + 2_000 });
    expect((await t.ok('orders.get', { id: order.id }, t.adminToken)).status).toBe('ready');
  });
});
