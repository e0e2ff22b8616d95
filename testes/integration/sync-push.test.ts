import { afterEach, describe, expect, it } from 'vitest';
import { listChanges } from '../../src/database/queries/change-log.js';
import { readTerminalIdentity } from '../../src/database/queries/meta.js';
import { markPushed, readPushedSeq } from '../../src/database/queries/sync.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { pushPending, toSyncChange } from '../../src/sync/push-pending.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { FaultySyncStore } from '../helpers/faulty-sync-store.js';
import { mongoForThisFile, mongoStoreOn, pullAll, run } from '../helpers/sync-fixtures.js';
import { initializedApp } from '../helpers/test-app.js';

const mongo = await mongoForThisFile('sync (envio)');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A shop terminal with a few changes in its log: setup (shop, terminal, admin) and three settings. */
async function terminalWithChanges() {
  const t = await initializedApp();
  cleanups.push(() => t.close());
  for (const pinLockMinutes of [10, 20, 30]) await t.ok('settings.update', { pinLockMinutes }, t.adminToken);
  const rows = listChanges(t.app.db);
  // The log as it leaves the terminal: as written, but the admin's PIN hash wrapped with the shop key.
  const sent = rows.map((row) => toSyncChange(t.app.db, row));
  const wrapped = (row: (typeof rows)[number]) => (row.entity === 'user' ? { pinHash: expect.stringMatching(/^v1:/) } : {});
  expect(sent).toEqual(rows.map((row) => ({ ...row, data: { ...(JSON.parse(row.data) as Record<string, unknown>), ...wrapped(row) } })));
  return { db: t.app.db, terminalId: readTerminalIdentity(t.app.db).id, sent, lastSeq: rows.at(-1)!.terminalSeq };
}

function pushPendingContract(open: () => Promise<SyncStore>) {
  it('sends every unsent row in pages and marks them sent; the server holds the log as it was', async () => {
    const { db, terminalId, sent, lastSeq } = await terminalWithChanges();
    expect(lastSeq).toBe(6);
    const store = new FaultySyncStore(await open());
    expect(await pushPending(db, store, terminalId, 4)).toEqual({ kind: 'stored', heldSeq: 6 });
    expect(store.requests).toBe(2);
    expect(readPushedSeq(db)).toBe(6);
    expect(await pullAll(store)).toEqual(sent);
    // Nothing left: no request at all.
    expect(await pushPending(db, store, terminalId)).toEqual({ kind: 'stored', heldSeq: 6 });
    expect(store.requests).toBe(3);
  });

  it('a reply lost after the server stored the page: nothing marked, and the next push is a retry that changes nothing', async () => {
    const { db, terminalId, sent } = await terminalWithChanges();
    const store = new FaultySyncStore(await open());
    store.plan('lose-reply');
    await expect(pushPending(db, store, terminalId)).rejects.toThrow(/resposta se perdeu/);
    expect(readPushedSeq(db)).toBe(0);
    expect(await store.terminals()).toEqual([{ terminalId, letter: null, heldSeq: 6 }]);
    expect(await pushPending(db, store, terminalId)).toEqual({ kind: 'stored', heldSeq: 6 });
    expect(readPushedSeq(db)).toBe(6);
    expect(await pullAll(store)).toEqual(sent);
  });

  it('a dropped request or a duplicated one sends each row once', async () => {
    const { db, terminalId, sent } = await terminalWithChanges();
    const store = new FaultySyncStore(await open());
    store.plan('drop');
    await expect(pushPending(db, store, terminalId, 4)).rejects.toThrow(/pedido se perdeu/);
    expect(await store.terminals()).toEqual([]);
    store.plan('duplicate', 'duplicate');
    expect(await pushPending(db, store, terminalId, 4)).toEqual({ kind: 'stored', heldSeq: 6 });
    expect(await pullAll(store)).toEqual(sent);
  });

  it('marks rows sent only up to what the server holds with no hole, and sends the hole again', async () => {
    const { db, terminalId, sent } = await terminalWithChanges();
    const store = await open();
    // This terminal believes seqs 1–2 are on the server, which has none of them (a new database).
    markPushed(db, 2);
    expect(await pushPending(db, store, terminalId)).toEqual({ kind: 'stored', heldSeq: 6 });
    expect(await pullAll(store)).toEqual(sent);
  });

  it('a database restored from an older backup stops at the first seq the server holds differently', async () => {
    const { db, terminalId, sent } = await terminalWithChanges();
    const store = await open();
    // Before the backup was restored, this terminal had sent seqs 1–3 and then made other seqs 4–5.
    await store.push(terminalId, [...sent.slice(0, 3), ...run(terminalId, 4, 5)]);
    expect(await pushPending(db, store, terminalId)).toEqual({ kind: 'diverged', seq: 4, heldSeq: 5 });
    expect(readPushedSeq(db)).toBe(3);
    expect((await pullAll(store)).slice(0, 3)).toEqual(sent.slice(0, 3));
    expect((await pullAll(store)).map((c) => c.id)).not.toContain(sent[3]!.id);
  });
}

describe('pushPending: memória', () => {
  pushPendingContract(async () => new MemorySyncStore());
});

describe.skipIf(!mongo)('pushPending: MongoDB', () => {
  pushPendingContract(async () => {
    const { store, cleanup } = mongoStoreOn(mongo!);
    cleanups.push(cleanup);
    return store;
  });
});
