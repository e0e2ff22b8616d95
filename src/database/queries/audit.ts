import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import { AUDIT_GENESIS, auditRowHash } from '../../hashing/audit-chain.js';
import type { AuditHead } from '../../hashing/audit-witness.js';
import type { AuditRow } from '../../models/audit.js';

export interface AuditEntry {
  id: string;
  at: number;
  terminalId: string;
  userId: string | null;
  userName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  result: AuditRow['result'];
  approverId: string | null;
  approverName: string | null;
  details: Record<string, unknown>;
}

interface StoredAuditRow {
  seq: number;
  id: string;
  at: number;
  terminal_id: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  result: AuditRow['result'];
  approver_id: string | null;
  approver_name: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** What the hash covers: every column but the hashes themselves. */
const hashedContent = (seq: number, entry: AuditEntry) => ({ seq, ...entry });

const fromStored = (row: StoredAuditRow): AuditEntry & { seq: number } => ({
  seq: row.seq,
  id: row.id,
  at: row.at,
  terminalId: row.terminal_id,
  userId: row.user_id,
  userName: row.user_name,
  action: row.action,
  recordType: row.record_type,
  recordId: row.record_id,
  result: row.result,
  approverId: row.approver_id,
  approverName: row.approver_name,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

/** The chain's last row: its seq and hash. Null while the chain is empty. */
export const readAuditHead = (db: Db): AuditHead | null =>
  sql<[], AuditHead>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;

export const auditHashAt = (db: Db, seq: number): string | undefined =>
  sql<[number], { hash: string }>(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(seq)?.hash;

/** Appends a row linked to the previous one. Call inside the transaction of what it records. */
export function appendAudit(db: Db, entry: AuditEntry): { seq: number; hash: string } {
  const last = readAuditHead(db);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? AUDIT_GENESIS;
  const hash = auditRowHash(prevHash, hashedContent(seq, entry));
  sql(
    db,
    `INSERT INTO audit_log (seq, id, at, terminal_id, user_id, user_name, action, record_type, record_id, result,
                            approver_id, approver_name, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seq, entry.id, entry.at, entry.terminalId, entry.userId, entry.userName, entry.action, entry.recordType,
    entry.recordId, entry.result, entry.approverId, entry.approverName, JSON.stringify(entry.details), prevHash, hash,
  );
  return { seq, hash };
}

export interface AuditFilter {
  from?: number;
  to?: number;
  action?: string;
  userId?: string;
  result?: AuditRow['result'];
  beforeSeq?: number;
  limit: number;
}

export function listAudit(db: Db, filter: AuditFilter): AuditRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at <= ?', filter.to);
  if (filter.action) add("action LIKE ? ESCAPE '\\'", `${filter.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.userId) {
    where.push('(user_id = ? OR approver_id = ?)');
    params.push(filter.userId, filter.userId);
  }
  if (filter.result) add('result = ?', filter.result);
  if (filter.beforeSeq !== undefined) add('seq < ?', filter.beforeSeq);
  const text = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return db
    .prepare<unknown[], StoredAuditRow>(text)
    .all(...params, filter.limit)
    .map(fromStored);
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; badRowId: string };

/** Walks the chain from the first row; the first row whose links or content do not add up is named. */
export function verifyAuditChain(db: Db): AuditVerification {
  let previousHash = AUDIT_GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  for (const row of db.prepare<[], StoredAuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    rows += 1;
    const entry = fromStored(row);
    const { seq, ...content } = entry;
    const intact =
      row.seq === expectedSeq &&
      row.prev_hash === previousHash &&
      row.hash === auditRowHash(previousHash, hashedContent(seq, content));
    if (!intact) return { ok: false, rows, badRowId: row.id };
    previousHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, rows };
}
