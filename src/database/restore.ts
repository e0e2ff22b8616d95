import Database from 'better-sqlite3';
import { chmodSync, closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkBackupFile, type DriverOptions } from './backups.js';
import { latestSchemaVersion, schemaVersion } from './migrations/index.js';

/**
 * Putting a backup in place of the database, and telling at start whether the database can be opened
 * at all. The swap never leaves half a file under the database's name: the copy is written beside it
 * under `<database>.restoring`, flushed, and renamed over it in one step.
 */

/** The copy being put in place; one left at start was cut short and is thrown away. */
export const SWAP_SUFFIX = '.restoring';

/** Side files of the database in use: after a clean close they hold nothing the file lacks. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Why this backup cannot be restored here (damaged, from a newer version, not Balcão's), or null: checked before anything is touched. */
export async function restoreProblem(backupPath: string, options: DriverOptions = {}): Promise<string | null> {
  const problems = await checkBackupFile(backupPath, options);
  if (problems.length) return `O backup está danificado e não pode ser restaurado (${problems.slice(0, 3).join('; ')}). Escolha outro.`;
  const probe = new Database(backupPath, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), readonly: true, fileMustExist: true });
  let found: number;
  try {
    found = schemaVersion(probe);
  } finally {
    probe.close();
  }
  if (found === 0) return 'Este arquivo não é um banco do Balcão. Escolha outro backup.';
  const supported = latestSchemaVersion();
  if (found > supported) return `Este backup é de uma versão mais nova do Balcão (esquema ${found}; esta conhece até ${supported}). Atualize o Balcão antes de restaurá-lo.`;
  return null;
}

/**
 * Puts the backup in place of the database, which must be closed (its WAL checkpointed into it).
 * A kill at any moment leaves either the old database or the backup whole under the database's name:
 * until the rename the old file is untouched, and its side files held nothing it lacked.
 */
export async function swapDatabaseFile(databaseFile: string, backupPath: string): Promise<void> {
  const staged = databaseFile + SWAP_SUFFIX;
  rmSync(staged, { force: true });
  await copyFile(backupPath, staged);
  chmodSync(staged, 0o600);
  flush(staged);
  // Why: a WAL left beside the database would be replayed onto the backup's pages.
  for (const suffix of SIDE_FILES) rmSync(databaseFile + suffix, { force: true });
  renameSync(staged, databaseFile);
  flushFolder(dirname(databaseFile));
}

/** A copy the app did not finish putting in place (it was killed mid-restore): the database beside it is still the old one, whole. */
export function removeLeftoverSwap(databaseFile: string): boolean {
  const staged = databaseFile + SWAP_SUFFIX;
  if (!statSync(staged, { throwIfNoEntry: false })) return false;
  rmSync(staged, { force: true });
  return true;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * The check made before the database is opened, cheap whatever its size: the file's header, then the
 * schema read through SQLite (a damaged first page or schema fails here with "file is not a database"
 * or "malformed"). Pages further in are read by `quick_check` in the background after opening, since on
 * a big file it takes seconds (bench/startup-check.ts). Returns the problem in words, or null.
 */
export function startupProblem(databaseFile: string, options: DriverOptions = {}): string | null {
  const size = statSync(databaseFile, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return null;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(databaseFile, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) return 'o arquivo do banco não é mais um banco SQLite (o começo dele foi sobrescrito).';
  try {
    // Not read-only: after a kill, the WAL left beside the file is folded in first (a read-only connection cannot).
    const probe = new Database(databaseFile, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), fileMustExist: true });
    try {
      probe.prepare('SELECT count(*) FROM sqlite_schema').get();
      probe.pragma('user_version');
    } finally {
      probe.close();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return `o SQLite não consegue ler o banco (${(error as Error).message}).`;
    throw error;
  }
  return null;
}

function flush(file: string) {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename itself reaches the disk (POSIX); Windows cannot open a folder for this, and its rename is journaled by NTFS. */
function flushFolder(folder: string) {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
