import type { Db } from '../connection.js';
import { sql } from '../statements.js';

export interface Change {
  id: string;
  terminalId: string;
  hlc: string;
  entity: string;
  entityId: string;
  op: 'insert' | 'update';
  data: Record<string, unknown>;
  at: number;
}

export interface ChangeRow extends Omit<Change, 'data'> {
  terminalSeq: number;
  data: string;
}

/**
 * Appends one change with the next gap-free terminal sequence. Call inside the write's transaction.
 * The stored stamp is a high-water mark the clock resumes from after a restart, so it only moves
 * forward: a write may record a change stamped earlier than one it already recorded.
 */
export function appendChange(db: Db, change: Change): number {
  const { last_seq: seq } = sql<[string], { last_seq: number }>(
    db,
    'UPDATE change_log_state SET last_seq = last_seq + 1, last_hlc = max(last_hlc, ?) WHERE id = 1 RETURNING last_seq',
  ).get(change.hlc)!;
  sql(
    db,
    `INSERT INTO change_log (terminal_seq, id, terminal_id, hlc, entity, entity_id, op, data, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, change.id, change.terminalId, change.hlc, change.entity, change.entityId, change.op, JSON.stringify(change.data), change.at);
  return seq;
}

export const listChanges = (db: Db, afterSeq = 0, limit = 1000): ChangeRow[] =>
  sql<[number, number], ChangeRow>(
    db,
    `SELECT terminal_seq AS terminalSeq, id, terminal_id AS terminalId, hlc, entity, entity_id AS entityId, op, data, at
     FROM change_log WHERE terminal_seq > ? ORDER BY terminal_seq LIMIT ?`,
  ).all(afterSeq, limit);
