import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/database/connection.js';
import { WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS, WalCheckpointer } from '../../src/database/wal-checkpointer.js';
import { MemoryLogger } from '../../src/logs/memory-logger.js';
import { initializedApp } from '../helpers/test-app.js';

const FRAME_BYTES = 4096 + 24;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database file with the app's pragmas and a checkpointer whose timer never fires during a test (looks and passes are asked for). */
function database() {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-wal-'));
  const file = join(dir, 'balcao.sqlite3');
  const db = openDatabase(file);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const memory = new MemoryLogger();
  const checkpoints = new WalCheckpointer({ db, file, logger: memory.logger, tickMs: 3_600_000, maxWaitMs: 500 });
  cleanups.push(async () => {
    await checkpoints.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, checkpoints, memory };
}

/** Commits `transactions` transactions of `pages` pages each. */
function write(db: Db, transactions: number, pages: number) {
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  for (let t = 0; t < transactions; t++) db.transaction(() => insert.run(Buffer.alloc(pages * 4000, t % 251))).immediate();
}

/** The WAL's header: salt-1 changes each time a writer starts the WAL over from its beginning. */
function walSalt(file: string): number {
  const header = Buffer.alloc(32);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 32, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(16);
}

const walFrames = (file: string) => Math.floor((statSync(`${file}-wal`).size - 32) / FRAME_BYTES);

describe('the WAL checkpointer', () => {
  it('takes the checkpoint off the writer: past SQLite’s 1,000 pages the commits only append to the WAL', () => {
    const { db, file, checkpoints } = database();
    checkpoints.start();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS);
    write(db, 1, 1);
    const salt = walSalt(file);
    write(db, 60, 40);
    // With SQLite's default the commit past 1,000 pages would have checkpointed and the next one started the WAL over.
    expect(walSalt(file)).toBe(salt);
    expect(walFrames(file)).toBeGreaterThan(2_400);
    expect(checkpoints.status.passes).toBe(0);
  });

  it('folds every committed page into the file in its thread, and the writer then starts the WAL over', async () => {
    const { db, file, checkpoints } = database();
    checkpoints.start();
    write(db, 30, 40);
    const frames = walFrames(file);
    const salt = walSalt(file);
    const fileBefore = statSync(file).size;
    await checkpoints.passIfWritten();
    expect(checkpoints.status).toEqual({ passes: 1, last: { busy: 0, log: frames, checkpointed: frames } });
    // The rows are in the database file itself now, not only in the WAL.
    expect(statSync(file).size).toBeGreaterThan(fileBefore + 30 * 40 * 4000);
    write(db, 1, 1);
    expect(walSalt(file)).not.toBe(salt);
    expect(walFrames(file)).toBe(frames);
    expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(31);
  });

  it('runs no pass when nothing was committed since the last one', async () => {
    const { db, checkpoints } = database();
    checkpoints.start();
    write(db, 2, 2);
    await checkpoints.passIfWritten();
    await checkpoints.passIfWritten();
    expect(checkpoints.status.passes).toBe(1);
    write(db, 1, 1);
    await checkpoints.passIfWritten();
    expect(checkpoints.status.passes).toBe(2);
  });

  it('folds once the writer rests, never while it keeps writing, unless what it wrote waited the longest wait', async () => {
    const { db, checkpoints } = database();
    checkpoints.start();
    write(db, 1, 1);
    await checkpoints.tick(1_000);
    write(db, 1, 1);
    // Written since each look: a sale may be committing, the pass waits.
    await checkpoints.tick(1_025);
    expect(checkpoints.status.passes).toBe(0);
    await checkpoints.tick(1_050);
    expect(checkpoints.status.passes).toBe(1);
    // Nothing new: no pass however long the wait.
    await checkpoints.tick(9_000);
    expect(checkpoints.status.passes).toBe(1);
    // The first sale after a long rest does not count the rest as waiting.
    for (const now of [9_025, 9_050, 9_075, 9_500]) {
      write(db, 1, 1);
      await checkpoints.tick(now);
    }
    expect(checkpoints.status.passes).toBe(1);
    write(db, 1, 1);
    await checkpoints.tick(9_525);
    // Writing without rest since the first look that found it, for the longest wait: folded anyway, the WAL stays bounded.
    expect(checkpoints.status.passes).toBe(2);
    expect(checkpoints.status.last).toMatchObject({ busy: 0, checkpointed: checkpoints.status.last!.log });
  });

  it('leaves the WAL whole for the next pass when a reader holds an older snapshot, and never blocks it', async () => {
    const { db, file, checkpoints } = database();
    checkpoints.start();
    write(db, 5, 10);
    const reader = openDatabase(file);
    cleanups.push(() => void reader.close());
    const count = reader.prepare('SELECT count(*) FROM filler').pluck();
    reader.exec('BEGIN');
    expect(count.get()).toBe(5);
    write(db, 5, 10);
    await checkpoints.passIfWritten();
    // The reader still sees its snapshot; the pages after it stay in the WAL for the next pass.
    expect(count.get()).toBe(5);
    reader.exec('COMMIT');
    const { last } = checkpoints.status;
    expect(last!.checkpointed).toBeLessThan(last!.log);
    write(db, 1, 1);
    await checkpoints.passIfWritten();
    expect(checkpoints.status.last).toMatchObject({ busy: 0, checkpointed: checkpoints.status.last!.log });
    expect(count.get()).toBe(11);
  });

  it('ends its thread at once when stopped, even one still starting: nothing opens the file after the app closed it', async () => {
    const { db, checkpoints, memory } = database();
    checkpoints.start();
    write(db, 2, 2);
    const pass = checkpoints.passIfWritten();
    await checkpoints.stop();
    await pass;
    expect(checkpoints.status.passes).toBe(0);
    // Stopping is not a failure worth a warning, and nothing runs after it.
    expect(memory.records).toEqual([]);
    write(db, 1, 1);
    await checkpoints.tick(1_000_000);
    await checkpoints.passIfWritten();
    expect(checkpoints.status.passes).toBe(0);
  });

  it('runs beside every app on a database', async () => {
    const t = await initializedApp();
    cleanups.push(() => t.close());
    expect(t.app.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS);
    await t.app.checkpoints.passIfWritten();
    expect(t.app.checkpoints.status.passes).toBeGreaterThanOrEqual(1);
    expect(t.app.checkpoints.status.last).toMatchObject({ busy: 0 });
  });
});
