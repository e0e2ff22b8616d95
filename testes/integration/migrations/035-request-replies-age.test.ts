import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../../../src/database/migrations/index.js';
import { migratedTo } from '../../helpers/migrations.js';

describe('migration 035: answers kept for retries, found by age', () => {
  it('keeps every stored answer and finds the old ones through an index, not by reading the whole table', () => {
    const db = migratedTo(28);
    db.exec("INSERT INTO request_replies (request_key, operation, fingerprint, reply, at) VALUES ('order:a', 'orders.create', 'f', '{}', 1), ('order:b', 'orders.create', 'g', '{}', 2)");
    expect(runMigrations(db, MIGRATIONS)).toContain(35);
    expect(db.prepare('SELECT request_key FROM request_replies ORDER BY at').pluck().all()).toEqual(['order:a', 'order:b']);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT rowid FROM request_replies WHERE at < ? LIMIT 500').all(5) as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX request_replies_at/);
  });
});
