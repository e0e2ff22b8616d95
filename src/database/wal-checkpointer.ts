import { createRequire } from 'node:module';
import type { Logger } from '../logs/logger.js';
import { ThreadWorker } from '../utils/thread-worker.js';
import type { Db } from './connection.js';
import { sql } from './statements.js';

/**
 * How many WAL pages the app's own connection lets pile up before it folds them into the file itself,
 * on the commit that crosses it (SQLite's default is 1,000: a five-line sale writes about 50 pages,
 * so every twentieth sale paid a checkpoint). The thread below keeps the WAL far from this; it only
 * bounds the file when the thread cannot run.
 */
export const WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS = 8_000;

/** How often the thread is asked to fold what was committed since its last pass. */
const DEFAULT_INTERVAL_MS = 200;

/** At most this many passes follow one another while sales keep committing (then the next tick goes on). */
const CATCH_UP_PASSES = 8;

/** What the last pass found and did: `wal_checkpoint(PASSIVE)`'s row. */
export interface CheckpointPass {
  /** The reader or writer in the way (PASSIVE never waits for them: what it could not copy waits for the next pass). */
  busy: number;
  /** Pages in the WAL. */
  log: number;
  /** Pages of them now in the database file. */
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  db: Db;
  /** The app's database file, opened by the thread with its own connection. */
  file: string;
  nativeBinding?: string;
  logger: Logger;
  intervalMs?: number;
}

const DRIVER_PATH = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Folds the WAL into the database file from a thread with its own connection, so no sale waits for a
 * checkpoint: the app's connection commits to the WAL only (each commit synced, synchronous=FULL),
 * and a passive checkpoint (which never blocks the writer nor a reader) copies the committed pages
 * to the file and syncs it. A pass runs only when something was committed since the last one; the
 * thread starts at the first and is kept. A crash in the middle of a pass loses nothing: the WAL
 * still holds every page, and the next open folds them in.
 */
export class WalCheckpointer {
  private readonly thread: ThreadWorker<null, CheckpointPass>;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private changesSeen = -1;
  private last: CheckpointPass | null = null;
  private passes = 0;

  constructor(private readonly options: WalCheckpointerOptions) {
    this.thread = new ThreadWorker<null, CheckpointPass>(
      `const Driver = require(workerData.driverPath);
const db = new Driver(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
// A pass syncs the WAL before copying and the file after: what it copied survives a power cut.
db.pragma('synchronous = FULL');
const pass = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
// Sales committed during a pass are folded by the next one at once, until one finds nothing new: the
// writer starts the WAL over from its beginning only once every page in it is in the file.
function handle() {
  let row = pass.get();
  for (let more = 0; more < workerData.catchUpPasses && row.busy === 0; more++) {
    const next = pass.get();
    if (next.log === row.log) break;
    row = next;
  }
  return row;
}`,
      { driverPath: DRIVER_PATH, file: options.file, nativeBinding: options.nativeBinding ?? null, catchUpPasses: CATCH_UP_PASSES },
      (code) => new Error(`A linha que grava o WAL no banco parou (código ${code}).`),
    );
  }

  /** Takes the checkpoints off the app's connection (up to the bound above) and starts the passes. */
  start(): void {
    if (this.timer) return;
    this.options.db.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS}`);
    this.timer = setInterval(() => void this.passIfWritten(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.timer.unref();
  }

  /** How many passes ran and the last one's row. */
  get status(): { passes: number; last: CheckpointPass | null } {
    return { passes: this.passes, last: this.last };
  }

  /** One pass now if anything was committed since the last one; resolves when it is done. */
  passIfWritten(): Promise<void> {
    if (this.running) return this.running;
    const { db } = this.options;
    if (!db.open) return Promise.resolve();
    // Every write of this terminal goes through this connection; its count moves with each row written.
    const changes = sql<[], number>(db, 'SELECT total_changes()').pluck().get()!;
    if (changes === this.changesSeen) return Promise.resolve();
    this.changesSeen = changes;
    this.running = this.thread
      .run(null)
      .then(
        (pass) => {
          this.last = pass;
          this.passes++;
        },
        (error: unknown) => {
          // The next pass tries again in a new thread; meanwhile the app's connection keeps the WAL bounded.
          this.changesSeen = -1;
          this.options.logger.warn('O checkpoint do WAL em segundo plano falhou', { error });
        },
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Stops the passes and the thread (the app's close; a restore, before it swaps the file). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.thread.close();
  }
}
