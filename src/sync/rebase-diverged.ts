import type { Db } from '../database/connection.js';
import { appendChange, listChanges } from '../database/queries/change-log.js';
import { formatOrderNumber } from '../database/queries/orders.js';
import { sql } from '../database/statements.js';
import { HybridLogicalClock } from '../utils/hlc.js';
import { applyChange } from './apply-changes.js';
import { restoreOwnChange, rebuildOrderCounters } from './apply-page.js';
import type { SyncChange, SyncStore } from './sync-store.js';
import { syncedEntity } from './tables.js';

export interface Rebase {
  /** Changes of this terminal the server held and this database had lost. */
  recovered: number;
  /** Changes made here since the backup, kept and sent after them. */
  kept: number;
  /** Orders made here since the backup whose number the server's had already used: old → new. */
  renumbered: { from: string; to: string }[];
  /** The highest stamp now in this terminal's log, for its clock to go on from. */
  lastStamp: string | null;
}

/**
 * This database is older than the log it already sent (restored from a backup) and has sold since:
 * from `divergedAt` on, the server's copy of this terminal's log and the local one differ. Both are
 * real: the server's rows are sales the backup lost, the local ones sales made after the restore.
 * The server's rows come back under their seqs, the local ones follow them with new seqs, and an
 * order made here whose number the lost ones had used takes the next free number of its day.
 *
 * The backup's clock resumed from the backup's last stamp, so a write made here since may carry the
 * very stamp of a lost one (same clock reading) or an older one: as a terminal's stamps rise along its
 * log, a kept edit of reference data not stamped above what came back takes a new stamp above it,
 * and is applied again here with it, so it wins everywhere as it did here.
 */
export async function rebaseOnServer(db: Db, store: SyncStore, terminalId: string, divergedAt: number, now: number): Promise<Rebase> {
  const serverRows = await pullOwnLog(store, terminalId, divergedAt - 1);
  let kept = 0;
  let moves: Renumbering[] = [];
  let lastStamp = serverRows.reduce<string | null>((top, row) => (top === null || row.hlc > top ? row.hlc : top), null);
  db.transaction(() => {
    const serverIds = new Set(serverRows.map((row) => row.id));
    const localRows = listChanges(db, divergedAt - 1, Number.MAX_SAFE_INTEGER).filter((row) => !serverIds.has(row.id));
    const keptOrders = ordersIn(localRows.map((row) => ({ entity: row.entity, data: JSON.parse(row.data) as unknown })));
    // Moved first, so the lost orders land on free numbers.
    moves = renumberClashes(db, ordersIn(serverRows), keptOrders, now);
    sql(db, 'DELETE FROM change_log WHERE terminal_seq >= ?').run(divergedAt);
    sql(db, 'UPDATE change_log_state SET last_seq = ? WHERE id = 1').run(divergedAt - 1);
    for (const change of serverRows) restoreOwnChange(db, change);
    const stamps = new HybridLogicalClock({ now: () => now }, terminalId, lastStamp ?? undefined);
    for (const row of localRows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const moved = row.entity === 'order' ? moves.find((m) => m.orderId === row.entityId) : undefined;
      if (moved) Object.assign(data, { number: moved.number, displayNumber: moved.to });
      const restamp = syncedEntity(row.entity)?.kind === 'reference' && lastStamp !== null && row.hlc <= lastStamp;
      const hlc = restamp ? stamps.tick() : row.hlc;
      const change = { id: row.id, terminalId: row.terminalId, hlc, entity: row.entity, entityId: row.entityId, op: row.op, data, at: row.at };
      appendChange(db, change);
      if (restamp) applyChange(db, change, 'log');
      if (lastStamp === null || hlc > lastStamp) {
        lastStamp = hlc;
        stamps.receive(hlc);
      }
      kept += 1;
    }
    rebuildOrderCounters(db, terminalId);
  }).immediate();
  return { recovered: serverRows.length, kept, renumbered: moves.map(({ from, to }) => ({ from, to })), lastStamp };
}

/** This terminal's log on the server after `after`, every page of it. */
async function pullOwnLog(store: SyncStore, terminalId: string, after: number): Promise<SyncChange[]> {
  const others = (await store.terminals()).filter((t) => t.terminalId !== terminalId);
  const skipOthers = Object.fromEntries(others.map((t) => [t.terminalId, Number.MAX_SAFE_INTEGER]));
  const rows: SyncChange[] = [];
  for (;;) {
    const page = await store.pull({ ...skipOthers, [terminalId]: after + rows.length }, 1000);
    rows.push(...page.changes.filter((c) => c.terminalId === terminalId));
    if (!page.more || page.changes.length === 0) return rows;
  }
}

interface OrderNumber {
  id: string;
  terminalId: string;
  businessDay: string;
  number: number;
  displayNumber: string;
}

interface Renumbering {
  orderId: string;
  number: number;
  from: string;
  to: string;
}

const ordersIn = (changes: readonly { entity: string; data: unknown }[]): OrderNumber[] =>
  changes.filter((c) => c.entity === 'order').map((c) => c.data as OrderNumber);

/**
 * Orders made here since the backup whose number one of the lost orders had used (same terminal,
 * same business day) take the next numbers above every order of that day, in the order they were made.
 */
function renumberClashes(db: Db, lost: readonly OrderNumber[], kept: readonly OrderNumber[], at: number): Renumbering[] {
  const taken = new Set(lost.map((o) => `${o.businessDay}:${o.number}`));
  const top = new Map<string, number>();
  for (const order of [...lost, ...kept]) top.set(order.businessDay, Math.max(top.get(order.businessDay) ?? 0, order.number));
  const moves: Renumbering[] = [];
  for (const order of kept) {
    if (!taken.has(`${order.businessDay}:${order.number}`)) continue;
    const number = top.get(order.businessDay)! + 1;
    top.set(order.businessDay, number);
    const to = formatOrderNumber(order.displayNumber.split('-')[0]!, number);
    sql(db, 'INSERT INTO order_renumberings (order_id, from_display, to_display, number, at) VALUES (?, ?, ?, ?, ?)').run(order.id, order.displayNumber, to, number, at);
    sql(db, 'UPDATE orders SET number = ?, display_number = ? WHERE id = ?').run(number, to, order.id);
    moves.push({ orderId: order.id, number, from: order.displayNumber, to });
  }
  return moves;
}
