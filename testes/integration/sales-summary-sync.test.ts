import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/database/connection.js';
import { memorySecretStore } from '../../src/database/secret-store.js';
import { listChanges } from '../../src/database/queries/change-log.js';
import { applyPulledPage } from '../../src/sync/apply-page.js';
import { toSyncChange } from '../../src/sync/push-pending.js';
import { installShopKey, readShopKey } from '../../src/sync/shop-key.js';
import { newId } from '../../src/utils/ids.js';
import { cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  t?.close();
});

const SUMMARIES = ['sold_products', 'sales_by_day_product', 'sales_by_day'];
const rowsOf = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

function otherTerminal(name: string): Db {
  const db = openDatabase(join(t.dir, name), { secrets: memorySecretStore() });
  opened.push(db);
  installShopKey(db, readShopKey(t.app.db)!);
  return db;
}

/** Sales of every shape: a comanda whose % discount covers items added later, a void, a cancellation. */
async function sales() {
  t = await initializedApp();
  const admin = t.adminToken;
  const menu = await seedCatalog(t, admin);
  await t.ok('cash.open', { id: newId(), openingFloat: 0 }, admin);
  await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri, 2), line(menu.p.pao)], discount: { kind: 'amount', value: 150 }, payments: [cash(5000)] }, admin);
  const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata)], discount: { kind: 'percent', value: 1000 } }, admin);
  await t.ok('orders.addLines', { orderId: tab.id, lines: [line(menu.p.refri, 3)] }, admin);
  await t.ok('orders.pay', { orderId: tab.id, payments: [cash(5000)] }, admin);
  const mistake = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.suco)], payments: [cash(1000)] }, admin);
  await t.ok('orders.void', { orderId: mistake.id, reason: 'engano do caixa' }, admin);
  const givenUp = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.pao, 4)] }, admin);
  await t.ok('orders.cancel', { orderId: givenUp.id, reason: 'cliente desistiu' }, admin);
  return listChanges(t.app.db, 0, 1_000_000).map((row) => toSyncChange(t.app.db, row));
}

describe('the sales summaries on a terminal that receives the sales by sync', () => {
  it('equal the selling terminal’s, page by page', async () => {
    const changes = await sales();
    expect(rowsOf(t.app.db, 'sales_by_day')).toEqual([expect.objectContaining({ orders: 2 })]);
    const other = otherTerminal('other.db');
    const half = Math.floor(changes.length / 2);
    applyPulledPage(other, newId(), changes.slice(0, half));
    applyPulledPage(other, newId(), changes.slice(half));
    for (const table of SUMMARIES) expect({ table, rows: rowsOf(other, table) }).toEqual({ table, rows: rowsOf(t.app.db, table) });
  });

  it('count a line that arrives after its order was already paid there', async () => {
    const changes = await sales();
    // The three cans added to the comanda before it was paid.
    const paidTab = changes.find((c) => c.entity === 'order_line' && c.data.quantity === 3)!;
    const other = otherTerminal('late.db');
    applyPulledPage(other, newId(), changes.filter((c) => c !== paidTab));
    expect(rowsOf(other, 'sales_by_day')).not.toEqual(rowsOf(t.app.db, 'sales_by_day'));
    applyPulledPage(other, newId(), [paidTab]);
    for (const table of SUMMARIES) expect({ table, rows: rowsOf(other, table) }).toEqual({ table, rows: rowsOf(t.app.db, table) });
  });
});
