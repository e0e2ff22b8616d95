import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/connection.js';
import { DatabaseTooNewError, latestSchemaVersion, runMigrations, schemaVersion } from '../../src/database/migrations/index.js';
import type { Migration } from '../../src/database/migrations/migration.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'balcao-db-')), 'balcao.sqlite3');

describe('opening the store', () => {
  it('enters WAL with synchronous=FULL, foreign keys and a busy timeout, read back', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    db.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = tempFile();
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    future.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/versão mais nova do Balcão/);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('opening twice applies nothing the second time', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(runMigrations(db)).toEqual([]);
    db.close();
  });
});

describe('the migration runner', () => {
  it('rolls a failing migration back whole, version included', () => {
    const db = new Database(':memory:');
    const good: Migration = { version: 1, name: 'good', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') };
    const bad: Migration = {
      version: 2,
      name: 'bad',
      up: (d) => {
        d.exec('CREATE TABLE b (x INTEGER)');
        throw new Error('falhou no meio');
      },
    };
    expect(() => runMigrations(db, [good, bad])).toThrow('falhou no meio');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    expect(runMigrations(db, [good, { ...bad, up: (d) => d.exec('CREATE TABLE b (x INTEGER)') }])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
  });
});
