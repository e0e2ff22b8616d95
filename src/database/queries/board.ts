import type { Db } from '../connection.js';
import { sql } from '../statements.js';

export interface BoardLinkRow {
  id: string;
  label: string;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
}

const COLUMNS = 'id, label, created_by AS createdBy, created_at AS createdAt, revoked_at AS revokedAt';

export function insertBoardLink(db: Db, link: { id: string; label: string; tokenHash: string; createdBy: string; createdAt: number }): void {
  sql(db, 'INSERT INTO board_links (id, label, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(link.id, link.label, link.tokenHash, link.createdBy, link.createdAt);
}

export const findBoardLink = (db: Db, id: string) => sql<[string], BoardLinkRow>(db, `SELECT ${COLUMNS} FROM board_links WHERE id = ?`).get(id);

/** The link a token opens, unless it was revoked. */
export const activeBoardLinkByHash = (db: Db, tokenHash: string) =>
  sql<[string], BoardLinkRow>(db, `SELECT ${COLUMNS} FROM board_links WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash);

export const listBoardLinks = (db: Db) => sql<[], BoardLinkRow>(db, `SELECT ${COLUMNS} FROM board_links ORDER BY created_at, rowid`).all();

export function revokeBoardLink(db: Db, id: string, at: number): void {
  sql(db, 'UPDATE board_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
}
