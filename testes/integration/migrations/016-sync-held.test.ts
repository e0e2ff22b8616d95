import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { countHeldChanges, holdChange, listHeldChanges, releaseHeldChange } from '../../../src/database/queries/sync.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 016: sync-held', () => {
  it('keeps pulled changes that wait for their references, once each, in each terminal\'s order', () => {
    const db = migratedTo(16);
    expect(schemaVersion(db)).toBe(16);
    expect(tables(db)).toContain('sync_held');
    holdChange(db, 'terminal-b', 9, '{"id":"b9"}', 'FOREIGN KEY');
    holdChange(db, 'terminal-a', 4, '{"id":"a4"}', 'FOREIGN KEY');
    holdChange(db, 'terminal-b', 3, '{"id":"b3"}', 'FOREIGN KEY');
    holdChange(db, 'terminal-b', 3, '{"id":"other"}', 'FOREIGN KEY');
    expect(listHeldChanges(db).map((h) => `${h.terminalId}:${h.seq}:${h.change}`)).toEqual([
      'terminal-a:4:{"id":"a4"}',
      'terminal-b:3:{"id":"b3"}',
      'terminal-b:9:{"id":"b9"}',
    ]);
    releaseHeldChange(db, 'terminal-b', 3);
    expect(countHeldChanges(db)).toBe(2);
    expect(() => holdChange(db, 'terminal-a', 0, '{}', 'x')).toThrow(/CHECK/);
  });
});

describe('migration 016: an order takes a new number only when the renumbering is recorded', () => {
  it('refuses any other change to an order, and a number nobody recorded', () => {
    const db = migratedTo(16);
    db.prepare("INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES ('s', 't', 'u', 'Ana', 1, 0, 'h')").run();
    db.prepare(
      "INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, cash_session_id, hlc) VALUES ('o', 't', '2026-12-01', 2, 'A-002', 'balcao', 'u', 'Ana', 1, 's', 'h')",
    ).run();
    const renumber = (number: number, display: string) => db.prepare('UPDATE orders SET number = ?, display_number = ? WHERE id = ?').run(number, display, 'o');
    expect(() => renumber(4, 'A-004')).toThrow(/immutable/);
    db.prepare("INSERT INTO order_renumberings (order_id, from_display, to_display, number, at) VALUES ('o', 'A-002', 'A-004', 4, 5)").run();
    expect(() => renumber(5, 'A-005')).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE orders SET number = 4, display_number = 'A-004', customer_name = 'X' WHERE id = 'o'").run()).toThrow(/immutable/);
    renumber(4, 'A-004');
    expect(db.prepare("SELECT display_number FROM orders WHERE id = 'o'").pluck().get()).toBe('A-004');
    expect(() => db.prepare("DELETE FROM orders WHERE id = 'o'").run()).toThrow(/immutable/);
  });
});
