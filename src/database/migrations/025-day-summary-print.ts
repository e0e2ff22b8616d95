import type { Migration } from './migration.js';

/**
 * The print queue also carries the day's summary for the counter printer (its ref_id is the business
 * day). SQLite cannot change a CHECK in place: the table is copied into one that allows the new kind.
 */
export const migration025: Migration = {
  version: 25,
  name: 'day-summary-print',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs_new (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('receipt', 'kitchen', 'cash_slip', 'day_summary')), ref_id TEXT NOT NULL,
        label TEXT NOT NULL, reprint INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL CHECK (status IN ('pending', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO print_jobs_new (id, kind, ref_id, label, reprint, status, attempts, last_error, created_at, updated_at)
        SELECT id, kind, ref_id, label, reprint, status, attempts, last_error, created_at, updated_at FROM print_jobs;
      DROP TABLE print_jobs;
      ALTER TABLE print_jobs_new RENAME TO print_jobs;
      CREATE INDEX print_jobs_status ON print_jobs (status, created_at);
    `);
  },
};
