import { afterEach, describe, expect, it, vi } from 'vitest';
import { listChanges } from '../../src/database/queries/change-log.js';
import { readTerminalIdentity } from '../../src/database/queries/meta.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { mongoForThisFile, pullAll, sharedMongoShop } from '../helpers/sync-fixtures.js';
import { ADMIN, initializedApp } from '../helpers/test-app.js';

const mongo = await mongoForThisFile('restaurar + sync');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Shop {
  open(): SyncStore;
}

/**
 * The restore through `backups.restore`, then the sync's recovery path: the sales made after the
 * backup (already on the shop's server) come back once, the caixa adds up, and nothing goes twice.
 */
function restoreThenSync(openShop: () => Promise<Shop>) {
  it('terminal sells A, backup, sells B (sent), restores: after the next round B is back exactly once, the caixa totals match, nothing is pushed twice', async () => {
    const shop = await openShop();
    const t = await initializedApp({ app: { sync: { connection: { uri: 'mongodb://loja', database: 'loja' }, openStore: () => shop.open(), autoStart: false } } });
    cleanups.push(() => t.close());
    const terminalId = readTerminalIdentity(t.app.db).id;
    const menu = await seedCatalog(t, t.adminToken);
    const caixa = await t.ok('cash.open', { id: newId(), openingFloat: 1000 }, t.adminToken);
    const sell = (token: string, amount: number) => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.pao)], payments: [card('debit', amount)] }, token);

    const a = await sell(t.adminToken, 500);
    await t.app.sync.syncNow();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    const b = [await sell(t.adminToken, 500), await sell(t.adminToken, 500)];
    expect((await t.app.sync.syncNow()).waiting).toBe(0);
    const sentBefore = (await pullAll(shop.open())).filter((c) => c.terminalId === terminalId);

    await t.ok('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
    await vi.waitFor(async () => expect((await t.call('setup.status', {})).ok).toBe(true), { timeout: 15_000, interval: 20 });
    const { token } = await t.ok('auth.login', ADMIN);
    expect((await t.ok('orders.list', {}, token)).map((o) => o.id)).toEqual([a.id]);

    const status = await t.app.sync.syncNow();
    expect(status).toMatchObject({ mode: 'online', waiting: 0, lastError: null });
    expect(status.notice).toMatch(/restaurado de um backup/);

    // B's sales are back, once each, with their numbers.
    const orders = t.app.db.prepare('SELECT id, display_number AS number FROM orders ORDER BY number').all();
    expect(orders).toEqual([a, ...b].map((o) => ({ id: o.id, number: o.number })));
    // The caixa adds them all up.
    const report = await t.ok('cash.close', { sessionId: caixa.id, counted: { cash: 1000, debit: 1500, credit: 0, voucher: 0, pix: 0 } }, token);
    expect(report.orders).toMatchObject({ count: 3, total: 1500 });
    expect(report.methods.find((m) => m.method === 'debit')).toMatchObject({ expected: 1500, difference: 0 });

    expect((await t.app.sync.syncNow()).waiting).toBe(0);
    // Nothing went twice: the server's log for this terminal is what it held before, plus the close.
    const sentAfter = (await pullAll(shop.open())).filter((c) => c.terminalId === terminalId);
    expect(sentAfter.slice(0, sentBefore.length).map((c) => c.id)).toEqual(sentBefore.map((c) => c.id));
    expect(sentAfter.map((c) => c.terminalSeq)).toEqual(sentAfter.map((_, i) => i + 1));
    expect(new Set(sentAfter.map((c) => c.id)).size).toBe(sentAfter.length);
    expect(sentAfter.filter((c) => c.entity === 'order').map((c) => c.entityId)).toEqual([a, ...b].map((o) => o.id));
    // The local log is the server's again.
    expect(listChanges(t.app.db, 0, 100_000).map((c) => c.id)).toEqual(sentAfter.map((c) => c.id));
  });
}

describe('restore then sync: memória', () => {
  restoreThenSync(async () => {
    const store = new MemorySyncStore();
    return { open: () => store };
  });
});

describe.skipIf(!mongo)('restore then sync: MongoDB', () => {
  restoreThenSync(async () => sharedMongoShop(mongo!, cleanups));
});
