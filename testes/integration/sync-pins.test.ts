import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { listChanges } from '../../src/database/queries/change-log.js';
import { readTerminalIdentity } from '../../src/database/queries/meta.js';
import { markPushed } from '../../src/database/queries/sync.js';
import { applyChanges } from '../../src/sync/apply-changes.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { pushPending, toSyncChange } from '../../src/sync/push-pending.js';
import { forgetShopKey, installShopKey, readShopKey } from '../../src/sync/shop-key.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { freshDbName } from '../helpers/mongo-test-server.js';
import { mongoForThisFile, mongoStoreOn, pullAll } from '../helpers/sync-fixtures.js';
import { createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

const mongo = await mongoForThisFile('sync (PINs)');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store, and how to read everything it holds exactly as it keeps it. */
interface OpenStore {
  store: SyncStore;
  storedText(): Promise<string>;
}

const CASHIER = { name: 'Caio Caixa', pin: '2580' };

/** The shop's first terminal: set up, a cashier created, everything pushed. */
async function shopWithCashier(open: () => Promise<OpenStore>) {
  const a = await initializedApp();
  cleanups.push(() => a.close());
  const cashier = await a.ok('users.create', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin }, a.adminToken);
  const { store, storedText } = await open();
  const terminalId = readTerminalIdentity(a.app.db).id;
  expect(await pushPending(a.app.db, store, terminalId)).toMatchObject({ kind: 'stored' });
  return { a, cashier, store, storedText, terminalId };
}

/** Another terminal's fresh database, before it pulls anything. */
async function freshTerminal(): Promise<TestApp> {
  const b = await createTestApp();
  cleanups.push(() => b.close());
  return b;
}

const userCount = (t: TestApp) => t.app.db.prepare('SELECT count(*) FROM users').pluck().get();

function pinContract(open: () => Promise<OpenStore>) {
  it('the server holds no PIN hash; a terminal with the shop key applies the users and they log in there', async () => {
    const { a, store, storedText } = await shopWithCashier(open);
    // The local log keeps the hash as it was written.
    expect(listChanges(a.app.db).some((row) => row.entity === 'user' && row.data.includes('"pinHash":"$2'))).toBe(true);
    // On the server, not a trace of a bcrypt hash, for the admin or the cashier.
    const stored = await storedText();
    expect(stored).toContain(CASHIER.name);
    expect(stored).not.toContain('$2');

    const b = await freshTerminal();
    installShopKey(b.app.db, readShopKey(a.app.db)!);
    applyChanges(b.app.db, await pullAll(store));
    expect((await b.ok('auth.login', CASHIER)).user).toMatchObject({ name: CASHIER.name, role: 'cashier' });
    expect(await b.fails('auth.login', { name: CASHIER.name, pin: '1470' })).toMatchObject({ code: 'AUTH_INVALID_PIN' });
  });

  it('a PIN reset reaches the other terminal: the new PIN opens there, the old one no longer', async () => {
    const { a, cashier, store, terminalId } = await shopWithCashier(open);
    const b = await freshTerminal();
    installShopKey(b.app.db, readShopKey(a.app.db)!);
    const cursor: Record<string, number> = {};
    applyChanges(b.app.db, await pullAll(store, cursor));

    await a.ok('users.resetPin', { id: cashier.id, pin: '3691' }, a.adminToken);
    await pushPending(a.app.db, store, terminalId);
    applyChanges(b.app.db, await pullAll(store, cursor));
    expect(await b.fails('auth.login', CASHIER)).toMatchObject({ code: 'AUTH_INVALID_PIN' });
    expect((await b.ok('auth.login', { name: CASHIER.name, pin: '3691' })).user.name).toBe(CASHIER.name);
  });

  it('a terminal with another shop key, or none, refuses the users and writes nothing', async () => {
    const { store } = await shopWithCashier(open);
    const pulled = await pullAll(store);

    const other = await freshTerminal();
    installShopKey(other.app.db, randomBytes(32));
    expect(() => applyChanges(other.app.db, pulled)).toThrow(/não abre com a chave desta loja/);
    expect(userCount(other)).toBe(0);

    const keyless = await freshTerminal();
    expect(() => applyChanges(keyless.app.db, pulled)).toThrow(/código de conexão/);
    expect(userCount(keyless)).toBe(0);
    // Refusing made no key up: the join code's key can still be installed.
    expect(readShopKey(keyless.app.db)).toBeUndefined();
  });

  it('a server handing out a raw hash in place of the wrapped one is refused', async () => {
    const { a, store } = await shopWithCashier(open);
    const raw = listChanges(a.app.db).find((row) => row.entity === 'user')!;
    const tampered = (await pullAll(store)).map((c) => (c.id === raw.id ? { ...c, data: JSON.parse(raw.data) as Record<string, unknown> } : c));
    const b = await freshTerminal();
    installShopKey(b.app.db, readShopKey(a.app.db)!);
    expect(() => applyChanges(b.app.db, tampered)).toThrow(/sem a proteção da chave da loja/);
    expect(userCount(b)).toBe(0);
  });

  it('pushing the same changes again is a retry, not a divergence: the wrapped hash is the same bytes', async () => {
    const { a, store, terminalId } = await shopWithCashier(open);
    const before = await pullAll(store);
    const last = listChanges(a.app.db).at(-1)!.terminalSeq;
    // The reply was lost: this terminal sends everything again.
    markPushed(a.app.db, 0);
    expect(await pushPending(a.app.db, store, terminalId)).toEqual({ kind: 'stored', heldSeq: last });
    expect(await store.push(terminalId, listChanges(a.app.db).map((row) => toSyncChange(a.app.db, row)))).toEqual({ kind: 'stored', heldSeq: last });
    expect(await pullAll(store)).toEqual(before);
  });

  it('a shop set up before terminals had a shop key gets one at its first push, and it opens the PINs elsewhere', async () => {
    const a = await initializedApp();
    cleanups.push(() => a.close());
    forgetShopKey(a.app.db);
    const { store, storedText } = await open();
    await pushPending(a.app.db, store, readTerminalIdentity(a.app.db).id);
    expect(await storedText()).not.toContain('$2');
    const key = readShopKey(a.app.db)!;
    expect(key).toHaveLength(32);

    const b = await freshTerminal();
    installShopKey(b.app.db, key);
    applyChanges(b.app.db, await pullAll(store));
    expect(userCount(b)).toBe(1);
  });
}

describe('PIN hashes on the server: memória', () => {
  pinContract(async () => {
    const store = new MemorySyncStore();
    return { store, storedText: async () => JSON.stringify(await pullAll(store)) };
  });
});

describe.skipIf(!mongo)('PIN hashes on the server: MongoDB', () => {
  pinContract(async () => {
    const dbName = freshDbName();
    const { store, cleanup } = mongoStoreOn(mongo!, dbName);
    cleanups.push(cleanup);
    return {
      store,
      // Every document of every collection, as the server keeps them (what a copy of the database gives away).
      async storedText() {
        const client = new MongoClient(mongo!.uri);
        try {
          const db = client.db(dbName);
          const collections = await db.listCollections().toArray();
          const documents = await Promise.all(collections.map((c) => db.collection(c.name).find({}).toArray()));
          return JSON.stringify(documents);
        } finally {
          await client.close();
        }
      },
    };
  });
});
