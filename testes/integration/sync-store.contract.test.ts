import { MongoClient } from 'mongodb';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { MongoSyncStore, toDocument, type ChangeDocument } from '../../src/sync/mongo-sync-store.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { freshDbName } from '../helpers/mongo-test-server.js';
import { change, mongoForThisFile, mongoStoreOn, pullAll, run } from '../helpers/sync-fixtures.js';

const mongo = await mongoForThisFile('sync');

interface Opened {
  store: SyncStore;
  cleanup(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openMongo(dbName = freshDbName()): Promise<MongoSyncStore> {
  const { store, cleanup } = mongoStoreOn(mongo!, dbName);
  cleanups.push(cleanup);
  return store;
}

/** The one contract every SyncStore keeps, run against each store. */
function syncStoreContract(open: () => Promise<Opened>) {
  let store: SyncStore;
  const setup = async () => {
    const opened = await open();
    cleanups.push(opened.cleanup);
    store = opened.store;
  };

  it('what a terminal pushes comes back to a pull as it was, per terminal in seq order', async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    const fromA = run(a, 1, 3);
    const fromB = run(b, 1, 2);
    expect(await store.push(a, fromA)).toEqual({ kind: 'stored', heldSeq: 3 });
    expect(await store.push(b, fromB)).toEqual({ kind: 'stored', heldSeq: 2 });
    expect(await store.pull({}, 100)).toEqual({ changes: [...fromA, ...fromB], more: false });
    expect(await store.terminals()).toEqual([
      { terminalId: a, letter: null, heldSeq: 3 },
      { terminalId: b, letter: null, heldSeq: 2 },
    ]);
  });

  it('a retried push changes nothing, also when it overlaps what is stored', async () => {
    await setup();
    const a = newId();
    const log = run(a, 1, 5);
    await store.push(a, log.slice(0, 3));
    expect(await store.push(a, log.slice(0, 3))).toEqual({ kind: 'stored', heldSeq: 3 });
    expect(await store.push(a, log.slice(1, 5))).toEqual({ kind: 'stored', heldSeq: 5 });
    expect(await store.push(a, [])).toEqual({ kind: 'stored', heldSeq: 5 });
    expect(await pullAll(store)).toEqual(log);
  });

  it('a database older than what it sent is caught at the first different seq, and nothing is overwritten', async () => {
    await setup();
    const a = newId();
    const sent = run(a, 1, 3);
    await store.push(a, sent);
    // Restored from a backup taken after seq 1: seqs 2.. were made again, with other ids.
    const remade = [sent[0]!, ...run(a, 2, 4)];
    expect(await store.push(a, remade)).toEqual({ kind: 'diverged', seq: 2, heldSeq: 3 });
    // The same id with other content is no retry either.
    expect(await store.push(a, [{ ...sent[2]!, data: { number: 99 } }])).toEqual({ kind: 'diverged', seq: 3, heldSeq: 3 });
    // Nor is one of our ids under another seq.
    expect(await store.push(a, [{ ...sent[0]!, terminalSeq: 4 }])).toEqual({ kind: 'diverged', seq: 4, heldSeq: 3 });
    expect(await pullAll(store)).toEqual(sent);
  });

  it('a pull waits at a hole in a terminal log and never skips it', async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    const log = run(a, 1, 5);
    await store.push(a, log.slice(0, 2));
    expect(await store.push(a, log.slice(3, 5))).toEqual({ kind: 'stored', heldSeq: 2 });
    await store.push(b, run(b, 1, 1));
    const page = await store.pull({}, 100);
    expect(page.changes.map((c) => `${c.terminalId === a ? 'a' : 'b'}${c.terminalSeq}`)).toEqual(['a1', 'a2', 'b1']);
    expect(page.more).toBe(false);
    expect(await store.pull({ [a]: 2, [b]: 1 }, 100)).toEqual({ changes: [], more: false });
    expect((await store.terminals()).find((t) => t.terminalId === a)?.heldSeq).toBe(2);

    expect(await store.push(a, [log[2]!])).toEqual({ kind: 'stored', heldSeq: 5 });
    expect(await store.pull({ [a]: 2, [b]: 1 }, 100)).toEqual({ changes: log.slice(2), more: false });
  });

  it('pages hold at most the limit and say whether more are ready, until every change came once', async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    const fromA = run(a, 1, 5);
    const fromB = run(b, 1, 3);
    await store.push(a, fromA);
    await store.push(b, fromB);
    const first = await store.pull({}, 3);
    expect(first).toEqual({ changes: fromA.slice(0, 3), more: true });
    const second = await store.pull({ [a]: 3 }, 3);
    expect(second).toEqual({ changes: [...fromA.slice(3), fromB[0]!], more: true });
    expect(await store.pull({ [a]: 5, [b]: 1 }, 3)).toEqual({ changes: fromB.slice(1), more: false });
    // A page exactly full with nothing after it says so.
    expect(await store.pull({ [a]: 5, [b]: 0 }, 3)).toEqual({ changes: fromB, more: false });
    // Filled by one terminal, more still waits on the next one.
    expect((await store.pull({ [b]: 3 }, 5)).more).toBe(false);
    expect((await store.pull({ [b]: 2 }, 5)).more).toBe(true);
    expect(await pullAll(store, {}, 2)).toEqual([...fromA, ...fromB]);
  });

  it('terminals missing from the cursor are pulled from the start; unknown ones in it are ignored', async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    await store.push(a, run(a, 1, 2));
    const fromB = run(b, 1, 2);
    await store.push(b, fromB);
    expect(await store.pull({ [a]: 2, [newId()]: 7 }, 100)).toEqual({ changes: fromB, more: false });
  });

  it('a letter is claimed once per shop; claiming it again is fine; a terminal holds one letter', async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    expect(await store.claimLetter(a, 'A')).toEqual({ kind: 'claimed' });
    expect(await store.claimLetter(a, 'A')).toEqual({ kind: 'claimed' });
    expect(await store.claimLetter(b, 'A')).toEqual({ kind: 'taken', by: a });
    expect(await store.claimLetter(b, 'B')).toEqual({ kind: 'claimed' });
    expect(await store.claimLetter(a, 'C')).toEqual({ kind: 'has-other', letter: 'A' });
    await store.push(b, run(b, 1, 1));
    expect(await store.terminals()).toEqual([
      { terminalId: a, letter: 'A', heldSeq: 0 },
      { terminalId: b, letter: 'B', heldSeq: 1 },
    ]);
  });

  it("keeps each terminal's audit head in its terminal document: the latest one sent, apart from its log", async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    expect(await store.auditHeadOf(a)).toBeNull();
    await store.push(a, run(a, 1, 2));
    await store.keepAuditHead(a, { seq: 7, hash: 'a'.repeat(64), at: 1_000 });
    await store.keepAuditHead(a, { seq: 9, hash: 'b'.repeat(64), at: 2_000 });
    await store.keepAuditHead(b, { seq: 3, hash: 'c'.repeat(64), at: 3_000 });
    expect(await store.auditHeadOf(a)).toEqual({ seq: 9, hash: 'b'.repeat(64), at: 2_000 });
    expect(await store.auditHeadOf(b)).toEqual({ seq: 3, hash: 'c'.repeat(64), at: 3_000 });
    // The log is untouched; a terminal known only by its head has nothing to pull.
    expect(await store.terminals()).toEqual(expect.arrayContaining([{ terminalId: a, letter: null, heldSeq: 2 }]));
    expect((await store.pull({}, 10)).changes.map((c) => c.terminalSeq)).toEqual([1, 2]);
  });

  it('refuses a run that is not one terminal with consecutive seqs, and stores none of it', async () => {
    await setup();
    const [a, b] = [newId(), newId()];
    await expect(store.push(a, [change(a, 1), change(a, 3)])).rejects.toThrow(/consecutivas/);
    await expect(store.push(a, [change(a, 1), change(b, 2)])).rejects.toThrow(/outro terminal/);
    await expect(store.push(a, [change(a, 0)])).rejects.toThrow(/Sequência inválida/);
    await expect(store.pull({}, 0)).rejects.toThrow(/Limite/);
    expect(await store.pull({}, 10)).toEqual({ changes: [], more: false });
  });
}

describe('SyncStore contract: memória (the reference)', () => {
  syncStoreContract(async () => ({ store: new MemorySyncStore(), cleanup: async () => {} }));
});

describe.skipIf(!mongo)('SyncStore contract: MongoDB', () => {
  syncStoreContract(async () => {
    const store = await openMongo();
    return { store, cleanup: async () => {} };
  });
});

describe.skipIf(!mongo)('MongoDB store on its own', () => {
  it('a change written out of order straight into the collection is waited on until the hole is filled', async () => {
    const dbName = freshDbName();
    const store = await openMongo(dbName);
    const a = newId();
    const log = run(a, 1, 4);
    await store.push(a, log.slice(0, 2));
    const raw = new MongoClient(mongo!.uri);
    cleanups.push(() => raw.close());
    const changes = raw.db(dbName).collection<ChangeDocument>('changes');
    await changes.insertOne(toDocument(log[3]!));
    expect(await pullAll(store)).toEqual(log.slice(0, 2));
    expect(await store.terminals()).toEqual([{ terminalId: a, letter: null, heldSeq: 2 }]);
    await changes.insertOne(toDocument(log[2]!));
    expect(await pullAll(store, { [a]: 2 })).toEqual(log.slice(2));
    expect(await store.terminals()).toEqual([{ terminalId: a, letter: null, heldSeq: 4 }]);
  });

  it('a catch-up reads a terminal’s log with one query, page after page; asking again gives the same page', async () => {
    const dbName = freshDbName();
    const queries: string[] = [];
    const store = new MongoSyncStore({ uri: mongo!.uri, dbName, onCommand: (name, command) => name === 'find' && queries.push(String(command.find)) });
    cleanups.push(mongoStoreOn(mongo!, dbName).cleanup, () => store.close());
    const a = newId();
    const log = run(a, 1, 25);
    await store.push(a, log);
    queries.length = 0;
    expect(await pullAll(store, {}, 5)).toEqual(log);
    expect(queries.filter((collection) => collection === 'changes')).toHaveLength(1);

    // The same place again (a page not applied), or an earlier one, gets what a new query would.
    const first = await store.pull({}, 5);
    expect(await store.pull({}, 5)).toEqual(first);
    expect(await store.pull({ [a]: 5 }, 5)).toEqual({ changes: log.slice(5, 10), more: true });
    expect(await store.pull({ [a]: 5 }, 5)).toEqual({ changes: log.slice(5, 10), more: true });
    expect(await store.pull({ [a]: 2 }, 5)).toEqual({ changes: log.slice(2, 7), more: true });
  });

  it('a hole met by a query left open is waited on, and what fills it later is pulled', async () => {
    const dbName = freshDbName();
    const store = await openMongo(dbName);
    const a = newId();
    const log = run(a, 1, 12);
    await store.push(a, log.slice(0, 10));
    const raw = new MongoClient(mongo!.uri);
    cleanups.push(() => raw.close());
    const changes = raw.db(dbName).collection<ChangeDocument>('changes');
    await changes.insertOne(toDocument(log[11]!));
    expect(await store.pull({}, 5)).toEqual({ changes: log.slice(0, 5), more: true });
    expect(await store.pull({ [a]: 5 }, 5)).toEqual({ changes: log.slice(5, 10), more: false });
    await changes.insertOne(toDocument(log[10]!));
    expect(await store.pull({ [a]: 10 }, 5)).toEqual({ changes: log.slice(10), more: false });
  });

  it('creates its indexes itself, and creating them again from another terminal changes nothing', async () => {
    const dbName = freshDbName();
    const first = await openMongo(dbName);
    const a = newId();
    await first.push(a, run(a, 1, 2));
    const second = await openMongo(dbName);
    await second.ensureIndexes();
    await second.ensureIndexes();
    expect(await second.push(a, run(a, 2, 2))).toEqual({ kind: 'diverged', seq: 2, heldSeq: 2 });
    const raw = new MongoClient(mongo!.uri);
    cleanups.push(() => raw.close());
    const indexes = await raw.db(dbName).collection('changes').indexes();
    expect(indexes.find((i) => i.name === 'terminal_seq')).toMatchObject({ key: { terminal: 1, seq: 1 }, unique: true });
    const letterIndexes = await raw.db(dbName).collection('letters').indexes();
    expect(letterIndexes.find((i) => i.name === 'terminal')).toMatchObject({ key: { terminal: 1 }, unique: true });
  });

});

describe('MongoDB store, offline', () => {
  it('an unreachable server fails the call, and the error never shows the password of the connection string', async () => {
    const store = new MongoSyncStore({ uri: 'mongodb://balcao:s3nh4-secreta@127.0.0.1:9/', dbName: freshDbName(), serverSelectionTimeoutMS: 200 });
    cleanups.push(() => store.close());
    const error = await store.push(newId(), []).then(() => null, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(`${error!.message} ${error!.stack ?? ''} ${inspect(error, { depth: 6 })}`).not.toContain('s3nh4-secreta');
  });
});
