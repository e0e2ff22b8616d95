import { afterEach, describe, expect, it } from 'vitest';
import { readShopKey } from '../../src/sync/shop-key.js';
import { makeJoinCode } from '../../src/sync/join-code.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { ADMIN, createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

const opened: TestApp[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.close()));

const CONNECTION = { uri: 'mongodb+srv://balcao:s3nh4-secreta@loja.exemplo.mongodb.net/', database: 'loja' };

async function terminalOn(store: SyncStore, initialized: boolean) {
  const app = { sync: { openStore: () => store, autoStart: false } };
  const t: TestApp & { adminToken?: string } = initialized ? await initializedApp({ app }) : await createTestApp({ app });
  opened.push(t);
  return t;
}

/** A shop with a catalog and one sale, on the server. */
async function shopOnServer() {
  const store = new MemorySyncStore();
  const a = (await terminalOn(store, true)) as TestApp & { adminToken: string };
  await a.app.sync.connect(CONNECTION);
  const menu = await seedCatalog(a, a.adminToken);
  await a.ok('cash.open', { id: newId(), openingFloat: 0 }, a.adminToken);
  await a.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.pao)], payments: [card('debit', 500)] }, a.adminToken);
  await a.app.sync.syncNow();
  return { store, a, menu, code: makeJoinCode(a.app.db) };
}

describe('setup.join: a new terminal joins the shop with the join code', () => {
  it('pulls the whole shop, gets the first free letter, and the shop’s users sign in with their PINs', async () => {
    const { store, a, menu, code } = await shopOnServer();
    const c = await terminalOn(store, false);
    expect(await c.ok('setup.status', {})).toEqual({ initialized: false });
    expect(await c.ok('setup.join', { connection: CONNECTION, joinCode: code.toLowerCase() })).toEqual({ shopName: 'Lanchonete Teste', terminalLetter: 'B' });
    expect(await c.ok('setup.status', {})).toEqual({ initialized: true, shopName: 'Lanchonete Teste', terminalLetter: 'B' });
    const { token } = await c.ok('auth.login', ADMIN);
    expect(await c.ok('orders.list', {}, token)).toHaveLength(1);

    // It sells under its own letter, and the first terminal sees the sale and the new terminal.
    await c.ok('cash.open', { id: newId(), openingFloat: 0 }, token);
    const sale = await c.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.pao)], payments: [card('debit', 500)] }, token);
    expect(sale.number).toBe('B-001');
    await c.app.sync.syncNow();
    await a.app.sync.syncNow();
    expect((await a.ok('orders.list', {}, a.adminToken)).map((o) => o.number).sort()).toEqual(['A-001', 'B-001']);
    expect(a.app.db.prepare('SELECT letter FROM terminals ORDER BY letter').pluck().all()).toEqual(['A', 'B']);
    // The password in the connection string is nowhere: not in the logs, not in the audit.
    const audit = JSON.stringify(c.app.db.prepare('SELECT * FROM audit_log').all());
    expect(audit).toContain('setup.join');
    for (const text of [audit, JSON.stringify(c.memory.records)]) expect(text).not.toContain('s3nh4-secreta');
  });

  it('a shop set up after its terminal connected claims its letter at the next sync, so a joining terminal takes the next one', async () => {
    const store = new MemorySyncStore();
    const a = await terminalOn(store, false);
    await a.app.sync.connect(CONNECTION);
    await a.app.sync.syncNow();
    await a.ok('setup.initialize', { shopName: 'Lanchonete Teste', terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
    await a.app.sync.syncNow();
    expect((await store.terminals()).map((t) => t.letter)).toEqual(['A']);
    const c = await terminalOn(store, false);
    expect((await c.ok('setup.join', { connection: CONNECTION, joinCode: makeJoinCode(a.app.db) })).terminalLetter).toBe('B');
  });

  it('two terminals joining at once never get the same letter', async () => {
    const { store, code } = await shopOnServer();
    const [c, d] = [await terminalOn(store, false), await terminalOn(store, false)];
    const joined = await Promise.all([c.ok('setup.join', { connection: CONNECTION, joinCode: code }), d.ok('setup.join', { connection: CONNECTION, joinCode: code })]);
    expect(joined.map((j) => j.terminalLetter).sort()).toEqual(['B', 'C']);
  });

  it('a mistyped code, or another shop’s, is refused naming the field; the right code then works', async () => {
    const { store, code } = await shopOnServer();
    const other = await terminalOn(new MemorySyncStore(), true);
    const otherCode = makeJoinCode(other.app.db);
    const c = await terminalOn(store, false);
    const typo = code.slice(0, 12) + (code[12] === 'X' ? 'Y' : 'X') + code.slice(13);
    expect(await c.fails('setup.join', { connection: CONNECTION, joinCode: typo })).toMatchObject({ code: 'VALIDATION', field: 'joinCode' });
    const wrongShop = await c.fails('setup.join', { connection: CONNECTION, joinCode: otherCode });
    expect(wrongShop.field).toMatch(/joinCode|connection/);
    expect(wrongShop.message).toMatch(/outra loja/);
    expect(readShopKey(c.app.db)).toBeUndefined();
    expect(await c.ok('setup.status', {})).toEqual({ initialized: false });
    expect((await c.ok('setup.join', { connection: CONNECTION, joinCode: code })).terminalLetter).toBe('B');
  });

  it('offline, it says so in words for the staff and can be run again', async () => {
    const { store, code } = await shopOnServer();
    let online = false;
    const guarded: SyncStore = {
      push: (id, changes) => (online ? store.push(id, changes) : Promise.reject(new Error('sem rede'))),
      pull: (cursor, limit) => (online ? store.pull(cursor, limit) : Promise.reject(new Error('sem rede'))),
      terminals: () => (online ? store.terminals() : Promise.reject(new Error('sem rede'))),
      claimLetter: (id, letter) => (online ? store.claimLetter(id, letter) : Promise.reject(new Error('sem rede'))),
      auditHeadOf: (id) => (online ? store.auditHeadOf(id) : Promise.reject(new Error('sem rede'))),
      keepAuditHead: (id, head) => (online ? store.keepAuditHead(id, head) : Promise.reject(new Error('sem rede'))),
      close: async () => {},
    };
    const c = await terminalOn(guarded, false);
    expect(await c.fails('setup.join', { connection: CONNECTION, joinCode: code })).toMatchObject({ code: 'SYNC_UNAVAILABLE', message: 'sem rede', status: 503 });
    online = true;
    expect((await c.ok('setup.join', { connection: CONNECTION, joinCode: code })).terminalLetter).toBe('B');
  });
});
