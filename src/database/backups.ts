import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { BACKUP_FILE_PATTERN, type BackupEntry, type BackupReason } from '../models/backups.js';
import { businessDay } from '../utils/business-day.js';
import { ThreadWorker } from '../utils/thread-worker.js';
import { backupsToKeep, DEFAULT_ROTATION, type RotationPolicy } from './backup-rotation.js';
import type { Db } from './connection.js';
import { BACKUPS_DIR } from './data-dir.js';

/**
 * The automatic copies of the database, in `<data folder>/backups/`, named
 * `balcao-<YYYYMMDD>-<HHMMSS>-<reason>.db` (UTC). Each is written under `<name>.partial`, checked
 * with `PRAGMA integrity_check` on the copy opened read-only, then renamed: a listed file is always
 * whole and checked. The folder is 0700 and each file 0600 (on Windows `chmod` only sets read-only:
 * there the data folder lives in the user's profile, whose ACL keeps other users out).
 */

/** Pages copied per step of the online backup: about 2 ms of work on a 4 KiB-page database, so a sale never waits long. */
export const PAGES_PER_STEP = 100;

const PARTIAL = '.partial';
const SIDE_FILES = ['', '-journal', '-wal', '-shm'];

/** Where the driver comes from, for the connections this module opens itself (the desktop passes its Electron build). */
export interface DriverOptions {
  nativeBinding?: string;
}

export interface BackupOptions extends DriverOptions {
  pagesPerStep?: number;
  /** Pages copied so far out of the total, after each step. Throwing from it stops the copy. */
  onProgress?(done: number, total: number): void;
}

/** A copy that failed its check: its partial file is gone, nothing was listed. */
export class BackupCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(`O backup não passou na verificação de integridade: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'BackupCheckError';
  }
}

export const backupsFolder = (dataDir: string): string => join(dataDir, BACKUPS_DIR);

/** The backups folder, created readable only by the user (and tightened if it already existed). */
export function ensureBackupsFolder(dataDir: string): string {
  const folder = backupsFolder(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  return folder;
}

/** `balcao-20261129-150000-daily.db` for a copy taken at 2026-11-29 15:00:00 UTC. */
export function backupFileName(reason: BackupReason, takenAt: number): string {
  const iso = new Date(takenAt).toISOString(); // 2026-11-29T15:00:00.000Z
  return `balcao-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${reason}.db`;
}

export function parseBackupFileName(file: string): { reason: BackupReason; takenAt: number } | null {
  const match = BACKUP_FILE_PATTERN.exec(file);
  if (!match) return null;
  const [, day, time, reason] = match as unknown as [string, string, string, BackupReason];
  const takenAt = Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8), +time.slice(0, 2), +time.slice(2, 4), +time.slice(4, 6));
  return Number.isNaN(takenAt) ? null : { reason, takenAt };
}

/** The whole, checked copies, newest first. Partial files (a copy in progress or one that failed) are never listed. */
export function listBackups(dataDir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(backupsFolder(dataDir));
  } catch {
    return [];
  }
  return names
    .flatMap((file) => {
      const parsed = parseBackupFileName(file);
      if (!parsed) return [];
      const stat = statSync(join(backupsFolder(dataDir), file), { throwIfNoEntry: false });
      return stat?.isFile() ? [{ file, ...parsed, bytes: stat.size }] : [];
    })
    .sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
}

/** A listed backup by its file name, or null: a name not in the list never reaches the file system. */
export function findBackup(dataDir: string, file: string): (BackupEntry & { path: string }) | null {
  const entry = listBackups(dataDir).find((backup) => backup.file === file);
  return entry ? { ...entry, path: join(backupsFolder(dataDir), entry.file) } : null;
}

/**
 * An online copy of the open database with SQLite's backup API: it copies a few pages per turn of
 * the event loop, so sales keep running; a write made through this same connection meanwhile is
 * carried into the copy. Resolves with the checked, listed backup.
 */
export async function makeBackup(db: Db, dataDir: string, reason: BackupReason, now: number, options: BackupOptions = {}): Promise<BackupEntry> {
  const folder = ensureBackupsFolder(dataDir);
  const file = freeFileName(folder, reason, now);
  const partial = join(folder, file + PARTIAL);
  createPrivateFile(partial);
  const pagesPerStep = options.pagesPerStep ?? PAGES_PER_STEP;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
  } catch (error) {
    discardPartial(partial);
    throw error;
  }
  return sealBackup(partial, options);
}

/**
 * The copy taken before migrating an older database, from the file itself before the app opens it.
 * Synchronous (`VACUUM INTO`, still a copy made by SQLite, never a file copy): the backup API is
 * async and `openDatabase` is not; nothing else uses the database yet, so nothing waits. The check
 * runs here too, in this thread.
 */
export function makeMigrationBackup(databaseFile: string, now: number, options: DriverOptions = {}): BackupEntry {
  const folder = ensureBackupsFolder(dirname(databaseFile));
  const file = freeFileName(folder, 'migration', now);
  const partial = join(folder, file + PARTIAL);
  createPrivateFile(partial);
  try {
    const source = new Database(databaseFile, { ...driver(options), readonly: true, fileMustExist: true });
    try {
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      source.close();
    }
    const problems = checkCopy(partial, options);
    if (problems.length) throw new BackupCheckError(problems);
  } catch (error) {
    discardPartial(partial);
    throw error;
  }
  return publish(partial);
}

/**
 * Checks a partial copy off the main thread (an integrity check of a big database takes a while and
 * the counter must not wait), then lists it under its final name, 0600. A copy that fails is deleted.
 */
export async function sealBackup(partial: string, options: DriverOptions = {}): Promise<BackupEntry> {
  let problems: string[];
  try {
    problems = await checkCopyInWorker(partial, options);
  } catch (error) {
    discardPartial(partial);
    throw error;
  }
  if (problems.length) {
    discardPartial(partial);
    throw new BackupCheckError(problems);
  }
  return publish(partial);
}

/**
 * Deletes what rotation does not keep (src/database/backup-rotation.ts); returns the files deleted.
 * Days are the shop's business days.
 */
export function rotateBackups(
  dataDir: string,
  now: number,
  policy: RotationPolicy = DEFAULT_ROTATION,
  calendar: { timezone: string; businessDayStartsAt: string } = { timezone: 'UTC', businessDayStartsAt: '00:00' },
): string[] {
  const backups = listBackups(dataDir);
  const keep = backupsToKeep(backups, now, policy, (at) => businessDay(at, calendar.timezone, calendar.businessDayStartsAt));
  const deleted = backups.filter((backup) => !keep.has(backup.file)).map((backup) => backup.file);
  for (const file of deleted) rmSync(join(backupsFolder(dataDir), file), { force: true });
  return deleted;
}

/** Partial files left by a copy the app did not finish (it was closed or killed meanwhile). */
export function removeLeftoverPartials(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(backupsFolder(dataDir));
  } catch {
    return [];
  }
  const leftovers = names.filter((name) => name.endsWith(PARTIAL));
  for (const name of leftovers) discardPartial(join(backupsFolder(dataDir), name));
  return leftovers;
}

/**
 * Copies a backup into a folder (a USB stick), off the main thread: written under a partial name and
 * then renamed, so a stick pulled out too soon never holds half a file named as a backup.
 */
export async function exportBackup(backupPath: string, folder: string): Promise<{ path: string; bytes: number }> {
  const target = join(folder, basename(backupPath));
  const partial = target + PARTIAL;
  try {
    await copyFile(backupPath, partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path: target, bytes: (await stat(target)).size };
}

/** Up to `length` bytes of a backup from `offset`, read off the main thread. */
export async function readBackupChunk(backupPath: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(backupPath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const driver = (options: DriverOptions) => (options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});

/** Two copies of one reason in the same second get the next free second: names stay unique and in order. */
function freeFileName(folder: string, reason: BackupReason, now: number): string {
  for (let at = now; ; at += 1000) {
    const file = backupFileName(reason, at);
    if (!statSync(join(folder, file), { throwIfNoEntry: false }) && !statSync(join(folder, file + PARTIAL), { throwIfNoEntry: false })) return file;
  }
}

/** Created empty with 0600 before SQLite writes into it, so the copy is never readable by others, not even for a moment. */
function createPrivateFile(path: string) {
  closeSync(openSync(path, 'wx', 0o600));
  chmodSync(path, 0o600);
}

function discardPartial(partial: string) {
  for (const suffix of SIDE_FILES) rmSync(partial + suffix, { force: true });
}

function publish(partial: string): BackupEntry {
  chmodSync(partial, 0o600);
  const final = partial.slice(0, -PARTIAL.length);
  renameSync(partial, final);
  const file = basename(final);
  return { file, ...parseBackupFileName(file)!, bytes: statSync(final).size };
}

/**
 * The copy leaves WAL mode (the online backup copies the source's header), so it is one file that
 * opens anywhere, even from a read-only USB stick; then it is checked, opened read-only.
 * Returns the problems `integrity_check` found (none: the copy is whole). Self-contained: it also
 * runs in a worker thread, from its source text.
 */
function checkCopyWith(Driver: typeof Database, file: string, nativeBinding: string | null): string[] {
  const options = nativeBinding ? { nativeBinding } : {};
  const writable = new Driver(file, { ...options, fileMustExist: true });
  try {
    writable.pragma('journal_mode = DELETE');
  } finally {
    writable.close();
  }
  const copy = new Driver(file, { ...options, readonly: true, fileMustExist: true });
  try {
    const found = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } finally {
    copy.close();
  }
}

const checkCopy = (partial: string, options: DriverOptions) => checkCopyWith(Database, partial, options.nativeBinding ?? null);

const DRIVER_PATH = createRequire(import.meta.url).resolve('better-sqlite3');

/** `checkCopyWith` in a worker thread, started on first use and kept (starting one costs more than a small check). */
let checker: ThreadWorker<string, string[]> | null = null;

function checkCopyInWorker(partial: string, options: DriverOptions): Promise<string[]> {
  checker ??= new ThreadWorker<string, string[]>(
    `const Driver = require(workerData.driverPath);
const check = ${checkCopyWith.toString()};
function handle(file) {
  try {
    return check(Driver, file, workerData.nativeBinding);
  } catch (error) {
    return [String((error && error.message) || error)];
  }
}`,
    { driverPath: DRIVER_PATH, nativeBinding: options.nativeBinding ?? null },
    (code) => new Error(`A verificação do backup parou (código ${code}).`),
  );
  return checker.run(partial);
}
