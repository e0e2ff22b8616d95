import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import { openSession } from './cash.js';
import { readMeta, writeMeta } from './meta.js';

/** What keeps this terminal selling, so an update waits: its open caixa and its orders neither paid nor cancelled. */
export function sellingOnTerminal(db: Db, terminalId: string): { caixaOpen: boolean; openOrders: number } {
  const openOrders = sql<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM orders o JOIN order_state s ON s.order_id = o.id WHERE o.terminal_id = ? AND s.status = 'open'`,
  ).get(terminalId)!.n;
  return { caixaOpen: openSession(db, terminalId) !== undefined, openOrders };
}

/** The last version whose "what changed" was shown on this terminal (each terminal updates on its own, so it is not synced). */
const NOTES_SEEN = 'release_notes_seen';

export const readNotesSeen = (db: Db): string | null => readMeta(db, NOTES_SEEN) ?? null;

export const writeNotesSeen = (db: Db, version: string): void => writeMeta(db, NOTES_SEEN, version);
