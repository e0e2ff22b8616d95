import { createRequire } from 'node:module';
import type { Logger } from '../logs/logger.js';
import { ThreadWorker } from '../utils/thread-worker.js';
import type { Db } from './connection.js';
import { sql } from './statements.js';

/**
 * How many WAL pages the app's own connection lets pile up before it folds them into the file itself,
 * on the commit that crosses it (SQLite's default is 1,000: a five-line sale writes about 50 pages,
 * so every twentieth sale paid a checkpoint). The thread below keeps the WAL far from this; it only
 * bounds the file when the thread cannot run, or the writer never rests and commits faster than any counter.
 */
export const WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS = 8_000;

/**
 * How often the writer is looked at: a pass starts once a whole tick went by with nothing new written
 * since the previous look, so it copies pages while the counter rests rather than under a sale's
 * commit (both sync the same disk).
 */
const DEFAULT_TICK_MS = 25;

/** Writes that never rest (a long import, a sync catching up) are folded at least this often anyway. */
const DEFAULT_MAX_WAIT_MS = 500;

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
  tickMs?: number;
  maxWaitMs?: number;
}

const DRIVER_PATH = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Folds the WAL into the database file from a thread with its own connection, so no sale waits for a
 * checkpoint: the app's connection commits to the WAL only (each commit synced, synchronous=FULL),
 * and a passive checkpoint (which never blocks the writer nor a reader) copies the committed pages
 * to the file and syncs it. A pass runs when the writer rests after writing, or after the longest wait
 * if it never does; a pass that finds nothing new written during it lets the writer start the WAL over
 * from its beginning. The thread starts at the first pass and is kept. A crash in the middle of a pass
 * loses nothing: the WAL still holds every page, and the next open folds them in.
 */
export class WalCheckpointer {
  private readonly thread: ThreadWorker<null, CheckpointPass>;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  /** The writer's count of changed rows at the last look, and at the start of the last pass. */
  private changesSeen = -1;
  private changesFolded = -1;
  /** When a look first found writes not folded yet (null: none since the last pass). */
  private unfoldedSince: number | null = null;
  private last: CheckpointPass | null = null;
  private passes = 0;
  private stopped = false;

  constructor(private readonly options: WalCheckpointerOptions) {
    this.thread = new ThreadWorker<null, CheckpointPass>(
      `const Driver = require(workerData.driverPath);
const db = new Driver(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
// A pass syncs the WAL before copying and the file after: what it copied survives a power cut.
db.pragma('synchronous = FULL');
const pass = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
function handle() {
  return pass.get();
}`,
      { driverPath: DRIVER_PATH, file: options.file, nativeBinding: options.nativeBinding ?? null },
      (code) => new Error(`A linha que grava o WAL no banco parou (código ${code}).`),
    );
  }

  /** Takes the checkpoints off the app's connection (up to the bound above) and starts looking at the writer. */
  start(): void {
    if (this.timer) return;
    this.options.db.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_THE_WRITER_CHECKPOINTS}`);
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? DEFAULT_TICK_MS);
    this.timer.unref();
  }

  /** How many passes ran and the last one's row. */
  get status(): { passes: number; last: CheckpointPass | null } {
    return { passes: this.passes, last: this.last };
  }

  /** One look at the writer: a pass if it rested since it wrote, or if what it wrote has waited the longest wait. */
  tick(now: number = performance.now()): Promise<void> {
    if (this.running || this.stopped || !this.options.db.open) return this.running ?? Promise.resolve();
    const changes = this.writerChanges();
    const writing = changes !== this.changesSeen;
    this.changesSeen = changes;
    if (changes === this.changesFolded) return Promise.resolve();
    this.unfoldedSince ??= now;
    if (writing && now - this.unfoldedSince < (this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS)) return Promise.resolve();
    return this.passIfWritten();
  }

  /** One pass now if anything was committed since the last one started; resolves when it is done. */
  passIfWritten(): Promise<void> {
    if (this.running) return this.running;
    if (this.stopped || !this.options.db.open) return Promise.resolve();
    const changes = this.writerChanges();
    if (changes === this.changesFolded) return Promise.resolve();
    this.changesSeen = changes;
    this.changesFolded = changes;
    this.unfoldedSince = null;
    this.running = this.thread
      .run(null)
      .then(
        (pass) => {
          this.last = pass;
          this.passes++;
        },
        (error: unknown) => {
          // The next pass tries again in a new thread; meanwhile the app's connection keeps the WAL bounded.
          this.changesFolded = -1;
          if (!this.stopped) this.options.logger.warn('O checkpoint do WAL em segundo plano falhou', { error });
        },
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Every write of this terminal goes through the app's connection; its count moves with each row written, at no cost to a sale. */
  private writerChanges(): number {
    return sql<[], number>(this.options.db, 'SELECT total_changes()').pluck().get()!;
  }

  /** Stops the passes and the thread (the app's close; a restore, before it swaps the file). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopped = true;
    // Ended now, not after the pass in flight: a thread still starting never opens the file being closed.
    const closing = this.thread.close();
    await this.running;
    await closing;
  }
}
