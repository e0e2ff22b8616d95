import { afterEach, describe, expect, it } from 'vitest';
import { listChanges } from '../../src/database/queries/change-log.js';
import { applyChanges, type IncomingChange } from '../../src/sync/apply-changes.js';
import { formatHlc } from '../../src/utils/hlc.js';
import { newId } from '../../src/utils/ids.js';
import { seedCatalog } from '../helpers/catalog-fixture.js';
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
