import type { Db } from '../../src/database/connection.js';

/** Every row of every table, as text: equal snapshots mean nothing was written. */
export function snapshotDatabase(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]));
}
