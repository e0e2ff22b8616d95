import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo } from '../../helpers/migrations.js';

describe('migration 007: the caixa of each void', () => {
  it('gives stored voids the caixa of their refunds (or the order’s when nothing was refunded); events stay immutable', () => {
    const db = migratedTo(5);
    db.exec(`INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES ('c1', 't', 'u', 'U', 0, 0, ''), ('c2', 't', 'u', 'U', 1, 0, '');
             INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, cash_session_id, hlc)
             VALUES ('paid', 't', '2026-11-29', 1, 'A-001', 'balcao', 'u', 'U', 0, 'c1', ''), ('free', 't', '2026-11-29', 2, 'A-002', 'balcao', 'u', 'U', 0, 'c1', '');
             INSERT INTO payments (id, order_id, cash_session_id, method, amount, received_by, at, hlc) VALUES ('p', 'paid', 'c1', 'debit', 600, 'u', 0, '');
             INSERT INTO refunds (id, order_id, payment_id, cash_session_id, method, amount, refunded_by, at, hlc) VALUES ('r', 'paid', 'p', 'c2', 'debit', 600, 'u', 1, '');
             INSERT INTO order_events (id, order_id, kind, by_user, by_name, at, hlc)
             VALUES ('e1', 'paid', 'paid', 'u', 'U', 0, ''), ('e2', 'paid', 'voided', 'u', 'U', 1, ''), ('e3', 'free', 'voided', 'u', 'U', 1, '');`);
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 7))).toContain(7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT id, cash_session_id FROM order_events ORDER BY id').all()).toEqual([
      { id: 'e1', cash_session_id: null },
      { id: 'e2', cash_session_id: 'c2' },
      { id: 'e3', cash_session_id: 'c1' },
    ]);
    expect(() => db.prepare("UPDATE order_events SET cash_session_id = 'c1'").run()).toThrow(/immutable/);
    expect(() => db.prepare("INSERT INTO order_events (id, order_id, kind, by_user, by_name, at, cash_session_id, hlc) VALUES ('e4', 'paid', 'voided', 'u', 'U', 2, 'nope', '')").run()).toThrow(/FOREIGN KEY/);
  });
});
