import type { Db } from '../connection.js';
import { sql } from '../statements.js';

export interface OverrideRecord {
  id: string;
  operation: string;
  recordId: string;
  approverId: string;
  requestedBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export function insertOverride(db: Db, tokenHash: string, record: Omit<OverrideRecord, 'usedAt'>): void {
  sql(
    db,
    `INSERT INTO overrides (id, token_hash, operation, record_id, approver_id, requested_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(record.id, tokenHash, record.operation, record.recordId, record.approverId, record.requestedBy, record.createdAt, record.expiresAt);
}

export const findOverrideByTokenHash = (db: Db, tokenHash: string): OverrideRecord | undefined =>
  sql<[string], OverrideRecord>(
    db,
    `SELECT id, operation, record_id AS recordId, approver_id AS approverId, requested_by AS requestedBy,
            created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt
     FROM overrides WHERE token_hash = ?`,
  ).get(tokenHash);

export const markOverrideUsed = (db: Db, id: string, at: number): void => {
  sql(db, 'UPDATE overrides SET used_at = ? WHERE id = ? AND used_at IS NULL').run(at, id);
};
