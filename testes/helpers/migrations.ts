import Database from 'better-sqlite3';
import { MIGRATIONS, runMigrations } from '../../src/database/migrations/index.js';

/** A database migrated up to (and including) `version`, the way an older install would hold it. */
export function migratedTo(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= version));
  return db;
}

export const tables = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
export const triggers = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
