import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 005: feedback', () => {
  it('adds feedback (one per order, immutable), contacts kept apart, and handling', () => {
    const db = migratedTo(5);
    expect(schemaVersion(db)).toBe(5);
    for (const table of ['feedback', 'feedback_contacts', 'feedback_handling']) expect(tables(db)).toContain(table);
    db.exec(`INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, hlc)
             VALUES ('o', 't', '2026-11-29', 1, 'A-001', 'balcao', 'u', 'U', 0, '');
             INSERT INTO feedback VALUES ('f', 'o', 5, '[]', NULL, 0, '');
             INSERT INTO feedback_contacts VALUES ('f', 'Maria', NULL, NULL, 0);`);
    expect(() => db.prepare("INSERT INTO feedback VALUES ('g', 'o', 4, '[]', NULL, 0, '')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO feedback VALUES ('h', 'o', 6, '[]', NULL, 0, '')").run()).toThrow(/CHECK|UNIQUE/);
    expect(() => db.prepare("UPDATE feedback SET rating = 1").run()).toThrow(/immutable/);
    db.prepare("DELETE FROM feedback_contacts WHERE feedback_id = 'f'").run();
  });
});
