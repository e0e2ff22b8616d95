import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001 } from '../../../src/database/migrations/001-initial.js';
import { runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';

const migrated = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, [migration001]);
  return db;
};

describe('migration 001: initial', () => {
  it('creates every table and sets version 1', () => {
    const db = migrated();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'change_log', 'change_log_state', 'meta', 'overrides', 'pin_attempts', 'settings', 'shop', 'terminals', 'users']);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT last_seq, last_hlc FROM change_log_state').get()).toEqual({ last_seq: 0, last_hlc: '' });
  });

  it('keeps the audit log append-only', () => {
    const db = migrated();
    db.prepare(
      `INSERT INTO audit_log (seq, id, at, terminal_id, action, result, details, prev_hash, hash) VALUES (1, 'x', 0, 't', 'a', 'ok', '{}', 'p', 'h')`,
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('allows one active user per name, and rejects unknown roles', () => {
    const db = migrated();
    const insert = db.prepare(
      `INSERT INTO users (id, name, name_key, role, pin_hash, active, created_at, updated_at, hlc) VALUES (?, ?, ?, ?, 'h', ?, 0, 0, 'c')`,
    );
    insert.run('1', 'Ana', 'ana', 'cashier', 1);
    expect(() => insert.run('2', 'ANA', 'ana', 'cashier', 1)).toThrow(/UNIQUE/);
    insert.run('3', 'Ana', 'ana', 'cashier', 0);
    expect(() => insert.run('4', 'Bia', 'bia', 'chef', 1)).toThrow(/CHECK/);
  });

  it('enforces the terminal letter', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO terminals VALUES ('t', 'a', 0, 'c')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO terminals VALUES ('t', 'AB', 0, 'c')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO terminals VALUES ('t', 'B', 0, 'c')").run();
  });
});
