import type { Db } from '../connection.js';
import { sql } from '../statements.js';

export interface StoredReply {
  operation: string;
  fingerprint: string;
  reply: string;
}

export const findReply = (db: Db, key: string): StoredReply | undefined =>
  sql<[string], StoredReply>(db, 'SELECT operation, fingerprint, reply FROM request_replies WHERE request_key = ?').get(key);

export function insertReply(db: Db, row: StoredReply & { key: string; at: number }): void {
  sql(db, 'INSERT INTO request_replies (request_key, operation, fingerprint, reply, at) VALUES (@key, @operation, @fingerprint, @reply, @at)').run(row);
}

/** Forgets up to `limit` answers given before `before`; says how many went. */
export const deleteRepliesBefore = (db: Db, before: number, limit: number): number =>
  sql(db, 'DELETE FROM request_replies WHERE rowid IN (SELECT rowid FROM request_replies WHERE at < ? LIMIT ?)').run(before, limit).changes;
