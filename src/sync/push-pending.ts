import type { Db } from '../database/connection.js';
import { listChanges, type ChangeRow } from '../database/queries/change-log.js';
import { markPushed, readPushedSeq } from '../database/queries/sync.js';
import { wrapUserPin } from './pin-wrap.js';
import { ensureShopKey } from './shop-key.js';
import type { PushOutcome, SyncChange, SyncStore } from './sync-store.js';

/**
 * Pushes this terminal's unsent change-log rows, a page at a time, and marks them sent only up
 * to the highest seq the server holds with no hole below it. A reply lost after the server stored
 * a page leaves the rows unsent here, so the next push is a retry that changes nothing. Stops at a
 * divergence (this database is older than what it already sent) for the caller to recover.
 */
export async function pushPending(db: Db, store: SyncStore, terminalId: string, pageSize = 500): Promise<PushOutcome> {
  for (;;) {
    const from = readPushedSeq(db);
    const rows = listChanges(db, from, pageSize);
    if (rows.length === 0) return { kind: 'stored', heldSeq: from };
    const outcome = await store.push(terminalId, rows.map((row) => toSyncChange(db, row)));
    if (outcome.kind === 'diverged') {
      // Below the divergence the server's log is ours: those rows are sent.
      markPushed(db, Math.min(outcome.heldSeq, outcome.seq - 1));
      return outcome;
    }
    const held = Math.min(outcome.heldSeq, rows.at(-1)!.terminalSeq);
    markPushed(db, held);
    // Below `from` when the server lost rows it held: the next page sends them again. No progress
    // at all cannot happen with a store that keeps its contract; stop rather than loop.
    if (held === from) return { kind: 'stored', heldSeq: held };
  }
}

/** A row as it leaves this terminal: its data parsed, a user's PIN hash wrapped with the shop key (the log keeps it raw). */
export function toSyncChange(db: Db, row: ChangeRow): SyncChange {
  const data = JSON.parse(row.data) as SyncChange['data'];
  return { ...row, data: row.entity === 'user' ? wrapUserPin(ensureShopKey(db), row, data) : data };
}
