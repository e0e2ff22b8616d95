import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { keepSecretsIn, type SecretStore } from './secret-store.js';
import { systemClock, type Clock } from '../utils/clock.js';
import { makeMigrationBackup } from './backups.js';
import { DatabaseTooNewError, latestSchemaVersion, runMigrations, schemaVersion } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better-sqlite3 binary built for another runtime (the desktop passes its Electron build). */
  nativeBinding?: string;
  busyTimeoutMs?: number;
  /** Where this terminal keeps its secrets (migrations move old ones there). */
  secrets?: SecretStore;
  /** Dates the copy taken before a migration. */
  clock?: Clock;
}

/**
 * Opens the store with the durability the design asks for: WAL, synchronous=FULL read back (the
 * driver's WAL default is NORMAL, which can lose the last sales on power loss), foreign keys on,
 * a busy timeout, and the schema migrated. A file from a newer version is refused before any write;
 * an older one is copied to `backups/` (reason `migration`) before its schema changes.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (file !== ':memory:' && existsSync(file) && holdsOlderSchema(file, driverOptions)) {
    try {
      makeMigrationBackup(file, (options.clock ?? systemClock).now(), driverOptions);
    } catch (error) {
      // Why: an update never changes the shop's data without a copy to go back to.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Não foi possível fazer o backup do banco antes de atualizá-lo (${reason}). O arquivo não foi alterado.`, { cause: error });
    }
  }

  const db = new Database(file, driverOptions);
  try {
    applyPragmas(db, options.busyTimeoutMs ?? 5000);
    if (options.secrets) keepSecretsIn(db, options.secrets);
    runMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Whether an existing file is about to be migrated (an empty one holds nothing to keep), read before
 * opening it for writing; a file from a newer version is refused here.
 */
function holdsOlderSchema(file: string, driverOptions: Database.Options): boolean {
  const probe = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
  let found: number;
  try {
    found = schemaVersion(probe);
  } finally {
    probe.close();
  }
  const supported = latestSchemaVersion();
  if (found > supported) throw new DatabaseTooNewError(found, supported);
  return found > 0 && found < supported;
}

export function applyPragmas(db: Db, busyTimeoutMs: number) {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && db.name !== ':memory:') throw new Error(`O SQLite não entrou em modo WAL (ficou "${String(mode)}").`);
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`O SQLite não aceitou synchronous=FULL (ficou ${String(synchronous)}).`);
  db.pragma('foreign_keys = ON');
  if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('O SQLite não ativou as chaves estrangeiras.');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}
