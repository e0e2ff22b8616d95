import { BusinessError } from '../exceptions/business-error.js';
import type { Logger } from '../logs/logger.js';
import type { BackupEntry, BackupReason } from '../models/backups.js';
import type { EventHub } from '../services/event-hub.js';
import { businessDay } from '../utils/business-day.js';
import type { Clock } from '../utils/clock.js';
import { DEFAULT_ROTATION, type RotationPolicy } from './backup-rotation.js';
import { listBackups, makeBackup, removeLeftoverPartials, rotateBackups, type DriverOptions } from './backups.js';
import type { Db } from './connection.js';
import { readSettings } from './queries/settings.js';

export interface BackupWorkerOptions extends DriverOptions {
  db: Db;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  events: EventHub;
  policy?: RotationPolicy;
  pagesPerStep?: number;
  /** How long after start the first daily check runs: the counter opens first, the copy follows. */
  startDelayMs?: number;
  /** How often the daily copy is looked for afterwards. */
  intervalMs?: number;
  /** A failure from before this worker (a restore that did not happen), shown until a copy succeeds. */
  lastFailure?: BackupFailure | null;
}

export interface BackupFailure {
  at: number;
  reason: BackupReason;
  message: string;
}

/**
 * Takes the copies that just happen: once per business day, after every caixa close, before an
 * update, and on the admin's request. One at a time, in the order asked, each followed by rotation.
 * A copy never runs inside a sale's transaction: it is asked for after commit and runs on its own.
 */
export class BackupWorker {
  private pending = 0;
  private current: BackupReason | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private failure: BackupFailure | null;
  private stopped = false;
  private timers: ReturnType<typeof setTimeout>[] = [];

  constructor(private readonly options: BackupWorkerOptions) {
    this.failure = options.lastFailure ?? null;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** The SQLite driver this terminal runs with, for other checks of its copies. */
  get driver(): DriverOptions {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  /** The copy being taken now, if any. */
  get running(): BackupReason | null {
    return this.current;
  }

  /** The last copy that failed, until one succeeds. */
  get lastFailure(): BackupFailure | null {
    return this.failure;
  }

  start(): void {
    const { startDelayMs = 60_000, intervalMs = 15 * 60_000 } = this.options;
    removeLeftoverPartials(this.options.dataDir);
    const first = setTimeout(() => {
      void this.dailyIfDue();
      const every = setInterval(() => void this.dailyIfDue(), intervalMs);
      every.unref();
      this.timers.push(every);
    }, startDelayMs);
    first.unref();
    this.timers.push(first);
  }

  /** Stops the schedule; a copy in progress stops at its next step and leaves nothing listed. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** Takes a copy after the ones already asked for; logs and remembers a failure before rejecting. */
  run(reason: BackupReason): Promise<BackupEntry> {
    this.pending++;
    const next = this.queue.then(() => this.take(reason)).finally(() => this.pending--);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** "Fazer backup agora": refused while another copy runs or waits, so a double click makes one. */
  runManual(): Promise<BackupEntry> {
    if (this.pending > 0) {
      throw new BusinessError('INVALID_STATE', 'Já há um backup em andamento. Aguarde ele terminar e tente de novo.', undefined, { running: this.current });
    }
    return this.run('manual');
  }

  /** A caixa just closed (after its commit): its copy is taken in the background. */
  afterClose(): void {
    this.run('close').catch(() => undefined); // logged and shown by take()
  }

  /**
   * The day's copy, when this business day has no copy of this database yet. A copy taken at a close,
   * before an update or by hand counts (rotation keeps one a day: a daily copy after it would only
   * replace it); the copy set aside before a restore does not, being of the database replaced.
   */
  async dailyIfDue(): Promise<BackupEntry | null> {
    if (this.stopped || !this.dailyDue()) return null;
    return this.run('daily').catch(() => null);
  }

  private dailyDue(): boolean {
    const { timezone, businessDayStartsAt } = readSettings(this.options.db);
    const today = businessDay(this.options.clock.now(), timezone, businessDayStartsAt);
    const last = listBackups(this.options.dataDir).find((backup) => backup.reason !== 'restore');
    return !last || businessDay(last.takenAt, timezone, businessDayStartsAt) < today;
  }

  private async take(reason: BackupReason): Promise<BackupEntry> {
    const { db, dataDir, clock, logger, events } = this.options;
    if (this.stopped) throw new Error('O Balcão está fechando: backup não feito.');
    this.current = reason;
    let shown = -1;
    try {
      const entry = await makeBackup(db, dataDir, reason, clock.now(), {
        ...this.driver,
        ...(this.options.pagesPerStep ? { pagesPerStep: this.options.pagesPerStep } : {}),
        onProgress: (done, total) => {
          if (this.stopped) throw new Error('O Balcão fechou durante o backup.');
          const percent = total ? Math.floor((done * 100) / total) : 100;
          if (percent === shown) return;
          shown = percent;
          events.publish({ type: 'backups.progress', data: { reason, done, total }, at: clock.now() });
        },
      });
      const settings = readSettings(db);
      const deleted = rotateBackups(dataDir, clock.now(), this.options.policy ?? DEFAULT_ROTATION, settings);
      this.failure = null;
      logger.info('Backup feito', { file: entry.file, bytes: entry.bytes, rotated: deleted });
      events.publish({ type: 'backups.changed', data: { file: entry.file }, at: clock.now() });
      return entry;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.stopped) {
        logger.info('Backup interrompido: o Balcão fechou', { reason });
      } else {
        this.failure = { at: clock.now(), reason, message };
        logger.error('Falha no backup', { reason, error });
        events.publish({ type: 'backups.changed', data: { file: null, error: message }, at: clock.now() });
      }
      throw error;
    } finally {
      this.current = null;
    }
  }
}

/** For the desktop updater: a copy of the database before an update is installed. Resolves with it, or rejects (do not update then). */
export const backupBeforeUpdate = (app: { backups: BackupWorker }): Promise<BackupEntry> => app.backups.run('update');
