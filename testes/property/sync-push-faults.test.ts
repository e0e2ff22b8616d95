import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendChange, listChanges } from '../../src/database/queries/change-log.js';
import { readPushedSeq } from '../../src/database/queries/sync.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { pushPending } from '../../src/sync/push-pending.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { FaultySyncStore, type Fault } from '../helpers/faulty-sync-store.js';
import { migratedTo } from '../helpers/migrations.js';
import { change, mongoForThisFile, mongoStoreOn, pullAll } from '../helpers/sync-fixtures.js';

/**
 * Random sales and pushes over a bad network (dropped requests, lost replies, duplicates). After
 * every step: rows marked sent are on the server, and the server holds nothing but our log. After
 * one clean push at the end: the server holds the whole log, each change once, as it was.
 */
const mongo = await mongoForThisFile('sync (rede ruim)');

type Step = { kind: 'sell'; changes: number } | { kind: 'push'; pageSize: number; faults: Fault[] };
const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('sell' as const), changes: fc.integer({ min: 1, max: 4 }) }),
    fc.record({
      kind: fc.constant('push' as const),
      pageSize: fc.integer({ min: 1, max: 4 }),
      faults: fc.array(fc.constantFrom<Fault>('drop', 'lose-reply', 'duplicate'), { maxLength: 3 }),
    }),
  ),
  { minLength: 1, maxLength: 12 },
);

async function check(open: () => Promise<{ store: SyncStore; cleanup(): Promise<void> }>, plan: Step[]) {
  const db = migratedTo(13);
  const terminalId = newId();
  const { store: inner, cleanup } = await open();
  const store = new FaultySyncStore(inner);
  const local = () => listChanges(db).map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
  try {
    for (const step of plan) {
      if (step.kind === 'sell') {
        for (let i = 0; i < step.changes; i++) {
          const { terminalSeq: _seq, ...next } = change(terminalId, 0);
          appendChange(db, next);
        }
        continue;
      }
      store.plan(...step.faults);
      await pushPending(db, store, terminalId, step.pageSize).catch((error: Error) => expect(error.message).toMatch(/^Rede:/));
      const onServer = await pullAll(inner);
      expect(onServer).toEqual(local().slice(0, onServer.length));
      expect(readPushedSeq(db)).toBeLessThanOrEqual(onServer.length);
    }
    store.clearPlan();
    const last = listChanges(db).at(-1)?.terminalSeq ?? 0;
    expect(await pushPending(db, store, terminalId, 3)).toEqual({ kind: 'stored', heldSeq: last });
    expect(await pullAll(inner)).toEqual(local());
  } finally {
    db.close();
    await cleanup();
  }
}

describe('pushing over a bad network', () => {
  it('memória: never loses, doubles or marks unsent a change', async () => {
    await fc.assert(fc.asyncProperty(steps, (plan) => check(async () => ({ store: new MemorySyncStore(), cleanup: async () => {} }), plan)), { numRuns: 60 });
  });

  it.skipIf(!mongo)('MongoDB: never loses, doubles or marks unsent a change', async () => {
    await fc.assert(fc.asyncProperty(steps, (plan) => check(async () => mongoStoreOn(mongo!), plan)), { numRuns: 8 });
  }, 120_000);
});
