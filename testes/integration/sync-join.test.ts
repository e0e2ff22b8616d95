import { afterEach, describe, expect, it, vi } from 'vitest';
import { readShopKey } from '../../src/sync/shop-key.js';
import { makeJoinCode } from '../../src/sync/join-code.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { startBridge } from '../helpers/http.js';
import { ADMIN, createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

const opened: TestApp[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.close()));

const CONNECTION = { uri: 'mongodb+srv://balcao:s3nh4-secreta@loja.exemplo.mongodb.net/', database: 'loja' };

async function terminalOn(store: SyncStore, initialized: boolean, pages?: { pageSize: number; applyBatch: number }) {
  const app = { sync: { openStore: () => store, autoStart: false, ...pages } };
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
      publish: (documents) => (online ? store.publish(documents) : Promise.reject(new Error('sem rede'))),
      close: async () => {},
    };
    const c = await terminalOn(guarded, false);
    expect(await c.fails('setup.join', { connection: CONNECTION, joinCode: code })).toMatchObject({ code: 'SYNC_UNAVAILABLE', message: 'sem rede', status: 503 });
    online = true;
    expect((await c.ok('setup.join', { connection: CONNECTION, joinCode: code })).terminalLetter).toBe('B');
  });
});

describe('a caixa seen from another terminal of the shop', () => {
  it('is named by the letter of the terminal it was opened on, not the one reading it', async () => {
    const { store, a } = await shopOnServer();
    const [caixaOfA] = await a.ok('cash.sessions', {}, a.adminToken);
    expect(caixaOfA!.terminalLetter).toBe('A');
    const b = await terminalOn(store, false);
    expect((await b.ok('setup.join', { connection: CONNECTION, joinCode: makeJoinCode(a.app.db) })).terminalLetter).toBe('B');
    const { token } = await b.ok('auth.login', ADMIN);
    const report = await b.ok('cash.report', { sessionId: caixaOfA!.id }, token);
    expect(report.session).toMatchObject({ id: caixaOfA!.id, terminalLetter: 'A' });

    // B's own caixa keeps B's letter, on B and, once synced, on A.
    const own = await b.ok('cash.open', { id: newId(), openingFloat: 0 }, token);
    expect(own.terminalLetter).toBe('B');
    expect((await b.ok('cash.current', {}, token)).session?.terminalLetter).toBe('B');
    await b.app.sync.syncNow();
    await a.app.sync.syncNow();
    expect((await a.ok('cash.report', { sessionId: own.id }, a.adminToken)).session.terminalLetter).toBe('B');
  });
});

/** A promise the test resolves when it has looked. */
function gate() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('setup.joinProgress: the join wizard counts what has arrived', () => {
  it('while a join runs, this computer and the device with the setup code see the counts move; a stranger sees nothing', async () => {
    const { store, code } = await shopOnServer();
    const total = (await store.terminals()).reduce((sum, t) => sum + t.heldSeq, 0);
    // The join stops before its third and its fifth page until the test has looked.
    const gates = new Map([3, 5].map((page) => [page, gate()]));
    let pulls = 0;
    const paced: SyncStore = {
      push: (id, changes) => store.push(id, changes),
      pull: async (cursor, limit) => {
        await gates.get(++pulls)?.promise;
        return store.pull(cursor, limit);
      },
      terminals: () => store.terminals(),
      claimLetter: (id, letter) => store.claimLetter(id, letter),
      auditHeadOf: (id) => store.auditHeadOf(id),
      keepAuditHead: (id, head) => store.keepAuditHead(id, head),
      publish: (documents) => store.publish(documents),
      close: async () => {},
    };
    const c = await terminalOn(paced, false, { pageSize: 5, applyBatch: 5 });
    const bridge = await startBridge(c.app);
    try {
      expect((await bridge.post('setup.joinProgress', {})).json).toEqual({ progress: null });
      const joining = bridge.post('setup.join', { connection: CONNECTION, joinCode: code });

      await vi.waitFor(() => expect(pulls).toBe(3));
      const here = await bridge.post('setup.joinProgress', {});
      expect(here).toEqual({ status: 200, json: { progress: { done: 10, total } } });
      const stranger = await bridge.postFrom('127.0.0.2', 'setup.joinProgress', {});
      expect(stranger).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN', field: 'setupCode' } } });
      expect(JSON.stringify(stranger.json)).not.toMatch(/done|total|\b10\b/);
      expect((await bridge.postFrom('127.0.0.2', 'setup.joinProgress', { setupCode: 'ABCD-EFGH-JKLM' })).status).toBe(403);
      expect(await bridge.postFrom('127.0.0.2', 'setup.joinProgress', { setupCode: c.app.setupCode })).toEqual(here);

      gates.get(3)!.resolve();
      await vi.waitFor(() => expect(pulls).toBe(5));
      expect((await bridge.post('setup.joinProgress', {})).json).toEqual({ progress: { done: 20, total } });
      gates.get(5)!.resolve();
      expect((await joining).status).toBe(200);

      // Set up, the shop's progress is for its staff only (sync.status, after login).
      expect((await bridge.post('setup.joinProgress', {})).json).toMatchObject({ error: { code: 'ALREADY_INITIALIZED' } });
      expect((await bridge.postFrom('127.0.0.2', 'setup.joinProgress', { setupCode: c.app.setupCode })).json).toMatchObject({ error: { code: 'ALREADY_INITIALIZED' } });
    } finally {
      for (const gate of gates.values()) gate.resolve();
      await bridge.close();
    }
  });
});
