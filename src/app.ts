import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDatabase, type Db } from './database/connection.js';
import { AUDIT_HEAD_FILE, AuditHeadFile } from './database/audit-head-file.js';
import { DATABASE_FILE } from './database/data-dir.js';
import { fileSecretStore, PLAIN_SECRETS_FILE, type SecretStore } from './database/secret-store.js';
import { BackupWorker, backupBeforeUpdate, type BackupFailure, type BackupWorkerOptions } from './database/backup-worker.js';
import { makeBackup, parseBackupFileName, quickCheckInBackground } from './database/backups.js';
import { WalCheckpointer } from './database/wal-checkpointer.js';
import { appendAudit, readAuditHead } from './database/queries/audit.js';
import { catalogVersion, markCatalogRestored } from './database/queries/catalog.js';
import { removeLeftoverSwap, startupProblem, swapDatabaseFile } from './database/restore.js';
import { BusinessError } from './exceptions/business-error.js';
import type { AuditHead } from './hashing/audit-witness.js';
import { newId } from './utils/ids.js';
import type { Registry } from './services/registry.js';
import { ensureTerminalId } from './database/queries/meta.js';
import { Dispatcher } from './ipc/dispatcher.js';
import { createHttpBridge } from './ipc/http-server.js';
import { ShopNetwork, type ShopNetworkOptions } from './ipc/shop-network.js';
import type { Logger } from './logs/logger.js';
import { EventHub } from './services/event-hub.js';
import { PrintWorker, type SendBytes } from './printing/print-worker.js';
import { WebhookWorker, type WebhookWorkerOptions } from './webhooks/worker.js';
import { eraseExpiredContacts } from './services/privacy-retention.js';
import { forgetOldReplies } from './services/request-replies.js';
import { loadRegistry } from './services/registry.js';
import { ReadPool } from './services/read-pool.js';
import { SessionStore } from './services/session-store.js';
import { newSetupCode } from './services/setup/setup-code.js';
import { systemClock, type Clock } from './utils/clock.js';
import { SyncWorker, type SyncWorkerOptions, type SyncConnection } from './sync/sync-worker.js';
import { fixedConnection, type ConnectionStore } from './sync/sync-connection.js';
import { unsealed } from './utils/sealed-file.js';
import type { Actor, RestartControl, RestoreStep, SyncControl } from './services/script.js';
import { appPackage } from './updates/release-notes.js';
import { installerOnlyUpdates, Updater, type UpdateControl, type UpdaterDeps } from './updates/updater.js';

/** How often the audit head beside the database catches up, besides caixa closes, sync rounds and the app's close. */
const AUDIT_CHECKPOINT_MS = 5 * 60_000;

export interface AppOptions {
  dataDir: string;
  logger: Logger;
  clock?: Clock;
  /** A better-sqlite3 binary for another runtime (the desktop's Electron build). */
  nativeBinding?: string;
  /**
   * Where the terminal's secrets (webhook secrets, the shop key) are kept, never in the database.
   * Desktop: a file sealed by the operating system's key store. Default (browser mode, tests): a
   * file in the data folder readable by this user only.
   */
  secrets?: SecretStore;
  /** How print jobs reach the printer (tests pass a recorder). */
  sendToPrinter?: SendBytes;
  /** Webhook delivery settings (tests pass a network switch, a short timeout, fixed jitter). */
  webhooks?: Omit<WebhookWorkerOptions, 'db' | 'events' | 'logger' | 'clock'> & { autoStart?: boolean };
  /** The shop's server (none: this terminal runs on its own) and how the worker paces itself. */
  sync?: Partial<Omit<SyncWorkerOptions, 'db' | 'terminalId' | 'clock' | 'logger' | 'events' | 'observeStamp' | 'configurationChanged'>> & {
    /** Where the connection is kept (desktop: saved encrypted; browser mode: `.env`), read at start. */
    connections?: ConnectionStore;
    /** A connection fixed for this run, when no store is given (tests). */
    connection?: SyncConnection | null;
    autoStart?: boolean;
  };
  /** The database's automatic copies: rotation, pacing, and whether the daily schedule starts (tests: no). */
  backups?: Partial<Pick<BackupWorkerOptions, 'policy' | 'pagesPerStep' | 'startDelayMs' | 'intervalMs'>> & { autoStart?: boolean };
  /**
   * Automatic updates (the installed desktop app: electron-updater behind the driver). None: updates
   * come with the installer (browser mode, a desktop run from the sources).
   */
  updates?: Pick<UpdaterDeps, 'driver' | 'firstCheckDelayMs' | 'intervalMs'> & { autoStart?: boolean };
  /** After a restore opened the database again (the desktop relaunches itself here; browser mode goes on in-process). */
  onRestarted?: () => void;
  /**
   * The shop-network listener for paired devices: the built renderer it serves, its port, and (tests)
   * which interfaces count. It comes back on at start when it was on (autoStart: false keeps it off).
   */
  shopNetwork?: Partial<Pick<ShopNetworkOptions, 'port' | 'interfaces' | 'extraInterfaces'>> & { staticDir?: string; autoStart?: boolean };
}

/** The core, assembled: one database, one dispatcher, one live channel. Transports attach to it. */
export interface App {
  /** The parts below are those of the database open now: a restore replaces them (read them through `app`, never keep them). */
  readonly db: Db;
  readonly dispatcher: Dispatcher;
  readonly printer: PrintWorker;
  readonly webhooks: WebhookWorker;
  readonly sessions: SessionStore;
  readonly sync: SyncWorker;
  readonly backups: BackupWorker;
  readonly updates: UpdateControl;
  /** The worker thread the long reads run in (one per database: a restore closes it before the swap). */
  readonly reads: ReadPool;
  /** Folds the WAL into the database file from its own thread, so no sale pays for a checkpoint. */
  readonly checkpoints: WalCheckpointer;
  /** Why the database could not be used (the core runs in recovery mode: only `recovery.*` answers), or null. */
  readonly damaged: string | null;
  /** The `quick_check` run in the background after opening: the problems it found (none: whole). */
  readonly integrityChecked: Promise<string[]>;
  /** Kept across restores: screens stay subscribed. */
  events: EventHub;
  /** The shop-network listener for paired devices (kept across restores: it serves whichever core is open). */
  readonly shopNetwork: ShopNetwork;
  logger: Logger;
  dataDir: string;
  /** Lets another device set the shop up; shown at start-up, never logged. */
  setupCode: string;
  /** Puts a listed backup in place of the database and opens again (see RestartControl); resolves once open. */
  restore(backupFile: string, by: Actor | null): Promise<void>;
  close(): void;
}

/** What one open database carries; replaced whole by a restore. */
interface Core {
  db: Db;
  dispatcher: Dispatcher;
  printer: PrintWorker;
  webhooks: WebhookWorker;
  sessions: SessionStore;
  sync: SyncWorker;
  backups: BackupWorker;
  updates: UpdateControl;
  /** The worker thread the long reads run in; a new one per database (it opens the file as it is then). */
  reads: ReadPool;
  checkpoints: WalCheckpointer;
  auditHeadFile: AuditHeadFile;
  damaged: string | null;
  integrityChecked: Promise<string[]>;
  /** Stops the workers and timers; resolves once the sync round in progress ended. The database stays open. */
  stop(): Promise<void>;
  /** Records the audit head beside the database, folds the WAL into the file and closes it. */
  closeDb(): void;
}

/** What stays the same from one core to the next. */
interface Shared {
  options: AppOptions;
  clock: Clock;
  file: string;
  secrets: SecretStore;
  driver: { nativeBinding?: string };
  events: EventHub;
  setupCode: string;
  registry: Registry;
  restarter: RestartControl;
  /** A restore that failed, shown by the next core's backups list until a copy succeeds. */
  failure: BackupFailure | null;
  /** The background check found damage in the database open now. */
  onDamaged(problem: string): void;
  shopNetwork: ShopNetwork;
}

const RESTARTING_MESSAGE = 'O Balcão está restaurando um backup e reabre em instantes. Aguarde e entre de novo.';

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DATABASE_FILE);
  removeLeftoverSwap(file);
  let core: Core;
  let step: RestoreStep | null = null;
  const restarter: RestartControl = {
    get step() {
      return step;
    },
    get damaged() {
      return core.damaged;
    },
    restore: (backupFile, by) => void restore(backupFile, by).catch(() => undefined),
  };
  const secrets = options.secrets ?? fileSecretStore(join(options.dataDir, PLAIN_SECRETS_FILE), unsealed);
  const { staticDir, autoStart: shopNetworkAutoStart = true, ...shopNetworkOptions } = options.shopNetwork ?? {};
  const shared: Shared = {
    options,
    clock,
    file,
    secrets,
    driver: options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    events: new EventHub(),
    setupCode: newSetupCode(),
    registry: await loadRegistry(),
    restarter,
    failure: null,
    onDamaged: (problem) => void restart(null, null, problem).catch(() => undefined),
    shopNetwork: new ShopNetwork({
      secrets,
      logger: options.logger,
      ...shopNetworkOptions,
      // Served only once the facade exists (the listener starts at the end of createApp or from Configurações).
      serve: (tls, hosts) => createHttpBridge(app, { tls, shopNetworkHosts: hosts, ...(staticDir ? { staticDir } : {}) }),
    }),
  };

  /**
   * The restore: new calls get RESTARTING at once, the calls in flight end, the workers stop, the
   * database as it is now is copied to `backups/` (reason `restore`), closed, and the backup put in
   * its place; then everything opens again on it, with new sessions (every screen goes to the login).
   * Anything failing before the swap leaves the database as it was, and it opens again.
   */
  const restore = (backupFile: string, by: Actor | null) => restart(backupFile, by, null);

  /** A restore (`backupFile`), or the fall to recovery mode when the background check found damage (`damage`). */
  async function restart(backupFile: string | null, by: Actor | null, damage: string | null): Promise<void> {
    if (step) throw new BusinessError('RESTARTING', RESTARTING_MESSAGE);
    const { logger } = options;
    const old = core;
    step = 'waiting';
    await old.dispatcher.closeAdmission(() => new BusinessError('RESTARTING', RESTARTING_MESSAGE, undefined, { step }));
    let replacedHead: AuditHead | null = null;
    // The catalog version counters may have kept from the database being replaced (unknown if it is damaged).
    let replacedCatalogVersion: number | null = null;
    let safetyCopy: string | null = null;
    let failed: unknown = null;
    try {
      if (backupFile && !old.damaged) {
        replacedHead = readAuditHead(old.db);
        replacedCatalogVersion = catalogVersion(old.db);
      }
      step = 'stopping';
      await old.stop();
      if (backupFile) {
        step = 'copying';
        safetyCopy = old.damaged ? setDamagedAside(file, clock.now()) : (await makeBackup(old.db, options.dataDir, 'restore', clock.now(), shared.driver)).file;
        old.closeDb();
        step = 'swapping';
        await swapDatabaseFile(file, backupFile);
        shared.failure = null;
      }
    } catch (error) {
      failed = error;
      logger.error('Falha ao restaurar o backup: o banco continua como estava', { error, backup: backupFile && basename(backupFile) });
      shared.failure = { at: clock.now(), reason: 'restore', message: error instanceof Error ? error.message : String(error) };
    } finally {
      if (old.db.open) old.closeDb();
    }
    step = 'reopening';
    try {
      core = damage ? await openCore(shared, damage) : await reopen(shared);
      if (backupFile && !failed && !core.damaged) recordRestore(core, basename(backupFile), by, safetyCopy, replacedHead, replacedCatalogVersion, clock.now());
      if (backupFile) logger.info(failed ? 'Banco reaberto sem restaurar' : 'Backup restaurado', { backup: basename(backupFile), safetyCopy });
    } finally {
      step = null;
    }
    if (backupFile) options.onRestarted?.();
    if (failed) throw failed;
  }

  core = await openOrRecover(shared);
  options.logger.info(core.damaged ? 'Banco de dados danificado: modo de recuperação' : 'Banco de dados aberto', { file, operations: shared.registry.size, ...(core.damaged ? { problem: core.damaged } : {}) });
  const app: App = {
    get db() {
      return core.db;
    },
    get dispatcher() {
      return core.dispatcher;
    },
    get printer() {
      return core.printer;
    },
    get webhooks() {
      return core.webhooks;
    },
    get sessions() {
      return core.sessions;
    },
    get sync() {
      return core.sync;
    },
    get backups() {
      return core.backups;
    },
    get updates() {
      return core.updates;
    },
    get reads() {
      return core.reads;
    },
    get checkpoints() {
      return core.checkpoints;
    },
    get damaged() {
      return core.damaged;
    },
    get integrityChecked() {
      return core.integrityChecked;
    },
    events: shared.events,
    shopNetwork: shared.shopNetwork,
    logger: options.logger,
    dataDir: options.dataDir,
    setupCode: shared.setupCode,
    restore,
    close: () => {
      if (!core.db.open) return;
      void shared.shopNetwork.stop();
      void core.stop();
      core.closeDb();
    },
  };
  if (shopNetworkAutoStart && !core.damaged) await shared.shopNetwork.restore(core.db);
  return app;
}

/** After a restart the core must come back whatever happens: a database that cannot be opened leaves the recovery mode, never a closed core. */
async function reopen(shared: Shared): Promise<Core> {
  try {
    return await openOrRecover(shared);
  } catch (error) {
    shared.options.logger.error('Não foi possível reabrir o banco depois da restauração', { error });
    return openCore(shared, `não foi possível abri-lo de novo (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** The database at `shared.file`, or the recovery mode when it is damaged; a file from a newer version is refused (thrown) as before. */
async function openOrRecover(shared: Shared): Promise<Core> {
  const problem = startupProblem(shared.file, shared.driver);
  if (problem) return openCore(shared, problem);
  try {
    return await openCore(shared, null);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw error;
    return openCore(shared, `o SQLite não consegue ler o banco (${(error as Error).message}).`);
  }
}

/**
 * One database and everything that works on it. A damaged one is not opened: an empty database in
 * memory stands in, nothing starts, and the dispatcher answers only `recovery.*` (DATABASE_DAMAGED).
 */
async function openCore(shared: Shared, damaged: string | null): Promise<Core> {
  const { options, clock, file, secrets, driver, events, setupCode, registry, restarter } = shared;
  const db = damaged ? openDatabase(':memory:') : openDatabase(file, { secrets, ...driver, clock });
  const terminalId = ensureTerminalId(db);
  const sessions = new SessionStore(clock);
  const live = !damaged;
  const updates = startUpdates(options, { db, terminalId, events, clock }, () => backupBeforeUpdate({ backups }), live);
  const { connection = null, connections = fixedConnection(connection), autoStart: syncAutoStart = true, ...syncPacing } = options.sync ?? {};
  const auditHeadFile = new AuditHeadFile(join(options.dataDir, AUDIT_HEAD_FILE));
  const sync = new SyncWorker({
    db,
    auditHeadFile,
    terminalId,
    clock,
    logger: options.logger,
    events,
    observeStamp: (hlc) => dispatcher.observeStamp(hlc),
    configurationChanged: () => {
      dispatcher.reloadConfiguration();
      // The update channel and hold are shop settings: one changed on another terminal applies here too.
      updates.preferencesChanged();
    },
    ...syncPacing,
  });
  const syncControl: SyncControl = {
    status: () => sync.status(),
    syncNow: () => sync.syncNow(),
    connect: (next) => sync.connect(next),
    claimFreeLetter: () => sync.claimFreeLetter(),
    auditHeadOnServer: () => sync.auditHeadOnServer(),
    get connected() {
      return sync.connected;
    },
    connections,
  };
  const { autoStart: backupsAutoStart = true, ...backupPacing } = options.backups ?? {};
  const backups = new BackupWorker({ db, dataDir: options.dataDir, clock, logger: options.logger, events, ...driver, ...backupPacing, lastFailure: shared.failure });
  const reads = new ReadPool({ file, logger: options.logger, ...driver });
  const checkpoints = new WalCheckpointer({ db, file, logger: options.logger, ...driver });
  const dispatcher: Dispatcher = new Dispatcher({ db, registry, sessions, events, clock, logger: options.logger, setupCode, sync: syncControl, auditHeadFile, backups, updates, restarter, reads, shopNetwork: shared.shopNetwork });
  const printer = new PrintWorker({ db, events, clock, logger: options.logger }, options.sendToPrinter);
  const webhooks = new WebhookWorker({ db, events, clock, logger: options.logger, ...options.webhooks });
  const timers: ReturnType<typeof setInterval>[] = [];
  let integrityChecked: Promise<string[]> = Promise.resolve([]);
  if (damaged) {
    void dispatcher.closeAdmission((operation) => (operation.startsWith('recovery.') ? null : new BusinessError('DATABASE_DAMAGED', `O banco de dados está danificado: ${damaged} Restaure um backup na tela de recuperação deste computador.`)));
  } else {
    const saved = connections.read();
    if (saved) await sync.connect(saved);
    if (syncAutoStart) sync.start();
    printer.start();
    if (options.webhooks?.autoStart !== false) webhooks.start();
    if (backupsAutoStart) backups.start();
    checkpoints.start();
    const tidy = () => {
      eraseExpiredContacts(db, clock.now());
      forgetOldReplies(db, clock.now()).catch((error: unknown) => options.logger.warn('Falha ao apagar respostas antigas guardadas para novas tentativas', { error }));
    };
    tidy();
    timers.push(setInterval(tidy, 3_600_000));
    // The audit head beside the database, at a pace that costs no sale (also at each caixa close and sync round).
    timers.push(setInterval(() => auditHeadFile.checkpoint(db, clock.now()), AUDIT_CHECKPOINT_MS));
    for (const timer of timers) timer.unref();
    integrityChecked = checkInBackground(shared, db);
  }
  let stopping: Promise<void> | null = null;
  return {
    db,
    dispatcher,
    printer,
    webhooks,
    sessions,
    sync,
    backups,
    updates,
    reads,
    checkpoints,
    auditHeadFile,
    damaged,
    integrityChecked,
    stop() {
      stopping ??= (async () => {
        updates.stop();
        printer.stop();
        webhooks.stop();
        backups.stop();
        for (const timer of timers) clearInterval(timer);
        dispatcher.detach();
        // What is in flight still writes its outcome (a delivery's status, a print job's) before the database closes.
        await Promise.all([sync.stop(), printer.settled(), webhooks.settled(), reads.close(), checkpoints.stop()]);
      })();
      return stopping;
    },
    closeDb() {
      if (!db.open) return;
      try {
        if (live) {
          auditHeadFile.checkpoint(db, clock.now());
          db.pragma('wal_checkpoint(TRUNCATE)');
        }
      } catch (error) {
        // A damaged file may fail here; it is closed all the same (recovery mode takes over).
        options.logger.warn('O banco foi fechado sem registrar o fim da auditoria', { error });
      } finally {
        db.close();
      }
    },
  };
}

/**
 * The pages the start-up check did not read, read by `quick_check` beside the app's connection (on a
 * big file it takes seconds: bench/startup.ts). Damage found sends the core to recovery mode.
 */
async function checkInBackground(shared: Shared, db: Db): Promise<string[]> {
  const { logger } = shared.options;
  let problems: string[];
  try {
    problems = await quickCheckInBackground(shared.file, shared.driver);
  } catch (error) {
    logger.warn('A verificação do banco em segundo plano não terminou', { error });
    return [];
  }
  if (problems.length && db.open) {
    logger.error('Banco de dados danificado (quick_check)', { problems: problems.slice(0, 10) });
    shared.onDamaged(`o SQLite encontrou páginas danificadas (${problems.slice(0, 3).join('; ')}).`);
  }
  return problems;
}

/** The damaged file (with its side files) kept beside the database under another name, never deleted: returns that name. */
function setDamagedAside(file: string, now: number): string {
  const aside = `${file}.danificado-${new Date(now).toISOString().replaceAll(':', '').slice(0, 17)}`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return basename(aside);
}

/**
 * The restore in the restored database's own audit chain (who, which copy, the copy of what was
 * replaced), and the head beside the database moved to this chain: the one it held belongs to the
 * replaced database, whose head this row keeps.
 */
/** Past any version a damaged database could have given: its writes may have run ahead of the clock (bursts of more than one a millisecond). */
const UNKNOWN_CATALOG_MARGIN_MS = 24 * 3_600_000;

function recordRestore(core: Core, backupFile: string, by: Actor | null, safetyCopy: string | null, replacedHead: AuditHead | null, replacedCatalogVersion: number | null, now: number) {
  const { db } = core;
  const terminalId = ensureTerminalId(db);
  db.transaction(() => {
    markCatalogRestored(db, replacedCatalogVersion ?? now + UNKNOWN_CATALOG_MARGIN_MS);
    appendAudit(db, {
      id: newId(),
      at: now,
      terminalId,
      userId: by?.id ?? null,
      userName: by?.name ?? null,
      action: 'backups.restore',
      recordType: 'backup',
      recordId: backupFile,
      result: 'ok',
      approverId: null,
      approverName: null,
      details: { safetyCopy, replacedAuditHead: replacedHead, takenAt: parseBackupFileName(backupFile)?.takenAt ?? null },
    });
  }).immediate();
  core.auditHeadFile.restartAt(db, now);
}

function startUpdates(options: AppOptions, core: Pick<UpdaterDeps, 'db' | 'terminalId' | 'events' | 'clock'>, backup: UpdaterDeps['backup'], live: boolean): UpdateControl {
  // Recovery mode (not `live`) installs nothing: it has no database to copy first.
  if (!options.updates || !live) return installerOnlyUpdates(core.db, appPackage().version);
  const { autoStart = true, ...settings } = options.updates;
  const updater = new Updater({ ...core, ...settings, backup, logger: options.logger });
  if (autoStart) updater.start();
  return updater;
}
