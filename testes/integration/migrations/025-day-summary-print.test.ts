import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo } from '../../helpers/migrations.js';

const insertJob = (kind: string) => `INSERT INTO print_jobs (id, kind, ref_id, label, status, created_at, updated_at) VALUES ('${kind}-job', '${kind}', '2026-12-01', 'x', 'pending', 1, 1)`;

describe('migration 025: the day summary in the print queue', () => {
  it('keeps every queued job as it was and lets the queue carry the day summary, still refusing unknown kinds', () => {
    const db = migratedTo(23);
    expect(() => db.exec(insertJob('day_summary'))).toThrow(/CHECK constraint failed/);
    db.exec(`INSERT INTO print_jobs (id, kind, ref_id, label, reprint, status, attempts, last_error, created_at, updated_at) VALUES
               ('j1', 'receipt', 'o1', 'Cupom A-001', 0, 'printed', 1, NULL, 10, 11),
               ('j2', 'kitchen', 't1', 'Cozinha A-001', 1, 'failed', 2, 'sem papel', 12, 13)`);
    const before = db.prepare('SELECT * FROM print_jobs ORDER BY id').all();
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 25))).toEqual([25]);
    expect(schemaVersion(db)).toBe(25);
    expect(db.prepare('SELECT * FROM print_jobs ORDER BY id').all()).toEqual(before);
    db.exec(insertJob('day_summary'));
    expect(() => db.exec(insertJob('poster'))).toThrow(/CHECK constraint failed/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM print_jobs WHERE status = 'pending' ORDER BY created_at").all().map((row) => (row as { detail: string }).detail);
    expect(plan).toEqual([expect.stringContaining('USING INDEX print_jobs_status')]);
  });
});
