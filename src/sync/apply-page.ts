import Database from 'better-sqlite3';
import type { Db } from '../database/connection.js';
import { advancePullCursor, holdChange, listHeldChanges, markPushed, readPushedSeq, releaseHeldChange } from '../database/queries/sync.js';
import { sql } from '../database/statements.js';
import { applyChange, arrivedData, OrderStateQueue } from './apply-changes.js';
import type { SyncChange } from './sync-store.js';

/** What a page brought, so the screens that show it can be told. */
export interface AppliedPage {
  applied: SyncChange[];
  /** Changes of this terminal the server had and this database did not (restored from a backup). */
  recovered: number;
  /** The highest stamp applied, for this terminal's clock to move past. */
  maxHlc: string | null;
}

/**
 * Applies one pulled page in one local transaction, the cursor moving with the rows it covers.
 * A change whose references have not arrived (a sale of a product created on a terminal whose log
 * is behind) is held, not lost: it is applied as soon as a later page brings what it needs.
 *
 * This terminal's own changes come back only when the server holds more of its log than this
 * database does (it was restored from a backup): they are facts it lost, so they go back into its
 * log under their own seqs and its counters are rebuilt above them.
 */
export function applyPulledPage(db: Db, terminalId: string, changes: readonly SyncChange[]): AppliedPage {
  return db
    .transaction(() => {
      const page = applyAtOnce(db, terminalId, changes) ?? applyOneByOne(db, terminalId, changes);
      page.applied.push(...releaseHeld(db));
      if (page.recovered > 0) rebuildOrderCounters(db, terminalId);
      return page;
    })
    .immediate();
}

/**
 * The usual case, every reference already here: the whole batch in one savepoint, each order's
 * state derived once per script that touched it and the cursor moved once per terminal. Null when
 * anything fails (a reference missing, above all): the batch is then applied change by change.
 */
function applyAtOnce(db: Db, terminalId: string, changes: readonly SyncChange[]): AppliedPage | null {
  const attempt = db.transaction(() => {
    const page: AppliedPage = { applied: [], recovered: 0, maxHlc: null };
    const states = new OrderStateQueue(db);
    const cursor = new Map<string, number>();
    for (const change of changes) {
      if (change.entity === 'shop') refuseAnotherShop(db, change);
      if (change.terminalId === terminalId) {
        restoreOwnChange(db, change);
        page.recovered += 1;
      } else applyChange(db, change, 'server', states);
      noteApplied(page, change);
      cursor.set(change.terminalId, change.terminalSeq);
    }
    states.flush();
    for (const [terminal, seq] of cursor) advancePullCursor(db, terminal, seq);
    return page;
  });
  try {
    return attempt();
  } catch {
    return null;
  }
}

/** Change by change, each in its own savepoint: one whose references are missing is held. */
function applyOneByOne(db: Db, terminalId: string, changes: readonly SyncChange[]): AppliedPage {
  const page: AppliedPage = { applied: [], recovered: 0, maxHlc: null };
  for (const change of changes) {
    if (change.entity === 'shop') refuseAnotherShop(db, change);
    if (change.terminalId === terminalId) {
      restoreOwnChange(db, change);
      page.recovered += 1;
    } else if (!tryApply(db, change)) {
      holdChange(db, change.terminalId, change.terminalSeq, JSON.stringify(change), 'referência ainda não recebida');
      advancePullCursor(db, change.terminalId, change.terminalSeq);
      continue;
    }
    noteApplied(page, change);
    advancePullCursor(db, change.terminalId, change.terminalSeq);
  }
  return page;
}

function noteApplied(page: AppliedPage, change: SyncChange): void {
  page.applied.push(change);
  if (page.maxHlc === null || change.hlc > page.maxHlc) page.maxHlc = change.hlc;
}

/** One database, one shop: a change of another shop's row means the server holds two. */
function refuseAnotherShop(db: Db, change: SyncChange): void {
  const ours = sql<[], { id: string }>(db, 'SELECT id FROM shop LIMIT 1').get();
  if (ours && ours.id !== change.entityId) throw new Error('O servidor tem dados de outra loja: a sincronização parou para não misturar as duas.');
}

/** Applies a change in a savepoint; false when a reference is missing (nothing of it is written). */
function tryApply(db: Db, change: SyncChange): boolean {
  try {
    db.transaction(() => applyChange(db, change))();
    return true;
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw new Error(`Mudança ${change.entity} ${change.entityId} (${change.id}) não aplicada: ${(error as Error).message}`, { cause: error });
  }
}

/** Applies held changes whose references have arrived, again until a pass frees none. */
function releaseHeld(db: Db): SyncChange[] {
  const released: SyncChange[] = [];
  for (let freed = true; freed; ) {
    freed = false;
    for (const held of listHeldChanges(db)) {
      const change = JSON.parse(held.change) as SyncChange;
      if (!tryApply(db, change)) continue;
      releaseHeldChange(db, held.terminalId, held.seq);
      released.push(change);
      freed = true;
    }
  }
  return released;
}

/** Puts one of this terminal's changes, lost with a restored backup, back into its data and its log (as it logged it: PIN hash opened). */
export function restoreOwnChange(db: Db, change: SyncChange): void {
  applyChange(db, change);
  sql(
    db,
    `INSERT INTO change_log (terminal_seq, id, terminal_id, hlc, entity, entity_id, op, data, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(change.terminalSeq, change.id, change.terminalId, change.hlc, change.entity, change.entityId, change.op, JSON.stringify(arrivedData(db, change)), change.at);
  sql(db, 'UPDATE change_log_state SET last_seq = max(last_seq, ?), last_hlc = max(last_hlc, ?) WHERE id = 1').run(change.terminalSeq, change.hlc);
  // The server holds it: it is sent.
  if (change.terminalSeq > readPushedSeq(db)) markPushed(db, change.terminalSeq);
}

/** Each business day's next order number follows the highest this terminal has used that day. */
export function rebuildOrderCounters(db: Db, terminalId: string): void {
  sql(
    db,
    `INSERT INTO order_counters (terminal_id, business_day, last_number)
     SELECT terminal_id, business_day, max(number) FROM orders WHERE terminal_id = ? GROUP BY business_day
     ON CONFLICT (terminal_id, business_day) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
  ).run(terminalId);
}
