import type { Db } from '../connection.js';
import { sql } from '../statements.js';

/** The highest seq of this terminal's log the server holds with no hole below it. */
export const readPushedSeq = (db: Db): number =>
  sql<[], { held_seq: number }>(db, 'SELECT held_seq FROM sync_push_state WHERE id = 1').get()!.held_seq;

/** Set to what the server answered, also downwards: rows the server no longer holds are sent again. */
export const markPushed = (db: Db, heldSeq: number): void => {
  sql(db, 'UPDATE sync_push_state SET held_seq = ? WHERE id = 1').run(heldSeq);
};

/** Per terminal, the last seq of its log applied here. */
export const readPullCursor = (db: Db): Record<string, number> =>
  Object.fromEntries(
    sql<[], { terminal_id: string; last_seq: number }>(db, 'SELECT terminal_id, last_seq FROM sync_cursor').all().map((row) => [row.terminal_id, row.last_seq]),
  );

/** Moves one terminal's cursor forward (never back), in the transaction that applied its changes. */
export const advancePullCursor = (db: Db, terminalId: string, lastSeq: number): void => {
  sql(
    db,
    `INSERT INTO sync_cursor (terminal_id, last_seq) VALUES (?, ?)
     ON CONFLICT (terminal_id) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  ).run(terminalId, lastSeq);
};

export interface HeldChange {
  terminalId: string;
  seq: number;
  change: string;
}

/** Keeps a pulled change that cannot be applied yet; holding it again changes nothing. */
export const holdChange = (db: Db, terminalId: string, seq: number, change: string, reason: string): void => {
  sql(db, 'INSERT INTO sync_held (terminal_id, seq, change, reason) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(terminalId, seq, change, reason);
};

/** Held changes in the order their terminals made them. */
export const listHeldChanges = (db: Db): HeldChange[] =>
  sql<[], HeldChange>(db, 'SELECT terminal_id AS terminalId, seq, change FROM sync_held ORDER BY terminal_id, seq').all();

export const releaseHeldChange = (db: Db, terminalId: string, seq: number): void => {
  sql(db, 'DELETE FROM sync_held WHERE terminal_id = ? AND seq = ?').run(terminalId, seq);
};

export const countHeldChanges = (db: Db): number => sql<[], { n: number }>(db, 'SELECT count(*) AS n FROM sync_held').get()!.n;
