import { MongoClient } from 'mongodb';
import { afterAll } from 'vitest';
import { MongoSyncStore } from '../../src/sync/mongo-sync-store.js';
import type { SyncChange, SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { formatHlc } from '../../src/utils/hlc.js';
import { freshDbName, startMongoTestServer, type MongoTestServer } from './mongo-test-server.js';

const BASE = Date.UTC(2026, 11, 1, 12);

/** One change of a terminal's log at `seq`, with a fresh id and content that tells it apart. */
export const change = (terminalId: string, seq: number): SyncChange => ({
  id: newId(),
  terminalId,
  terminalSeq: seq,
  hlc: formatHlc({ wall: BASE + seq, counter: 0, node: terminalId }),
  entity: 'order',
  entityId: newId(),
  op: 'insert',
  data: { number: seq, totalCents: 1250 * seq, lines: [{ quantity: 1500, note: null }] },
  at: BASE + seq,
});

/** The changes of seqs from..to, in order. */
export const run = (terminalId: string, from: number, to: number): SyncChange[] =>
  Array.from({ length: to - from + 1 }, (_, i) => change(terminalId, from + i));

/** Everything ready to pull now, page after page, as a terminal would walk it. */
export async function pullAll(store: SyncStore, cursor: Record<string, number> = {}, limit = 1000): Promise<SyncChange[]> {
  const all: SyncChange[] = [];
  for (;;) {
    const page = await store.pull(cursor, limit);
    for (const c of page.changes) cursor[c.terminalId] = c.terminalSeq;
    all.push(...page.changes);
    if (!page.more) return all;
  }
}

/**
 * The MongoDB-protocol server of this test file, stopped after it, and the one line saying which
 * stores the file covered (or why MongoDB was skipped).
 */
export async function mongoForThisFile(subject: string): Promise<MongoTestServer | null> {
  const started = await startMongoTestServer();
  const server = 'skipReason' in started ? null : started;
  if (!server) console.log(`${subject}: testes do MongoDB pulados: ${(started as { skipReason: string }).skipReason}.`);
  afterAll(async () => {
    await server?.stop();
    console.log(`${subject}: lojas testadas: memória${server ? `, ${server.label}` : ''}`);
  });
  return server;
}

/** A store on a database of its own on the test server; `cleanup` drops the database and closes. */
export function mongoStoreOn(server: MongoTestServer, dbName = freshDbName()) {
  const store = new MongoSyncStore({ uri: server.uri, dbName });
  const cleanup = async () => {
    const client = new MongoClient(server.uri);
    await client.db(dbName).dropDatabase();
    await client.close();
    await store.close();
  };
  return { store, cleanup };
}

/** The shop's server on a database of its own on the test server, each terminal opening its own client; dropped by `cleanups`. */
export function sharedMongoShop(server: MongoTestServer, cleanups: Array<() => Promise<void> | void>): { open(): SyncStore } {
  const dbName = freshDbName();
  const stores: MongoSyncStore[] = [];
  cleanups.push(async () => {
    for (const store of stores) await store.close();
    const client = new MongoClient(server.uri);
    await client.db(dbName).dropDatabase();
    await client.close();
  });
  return {
    open() {
      const store = new MongoSyncStore({ uri: server.uri, dbName });
      stores.push(store);
      return store;
    },
  };
}
