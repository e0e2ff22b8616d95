import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './database/connection.js';
import { AUDIT_HEAD_FILE, AuditHeadFile } from './database/audit-head-file.js';
import { DATABASE_FILE } from './database/data-dir.js';
import { fileSecretStore, PLAIN_SECRETS_FILE, type SecretStore } from './database/secret-store.js';
import { BackupWorker, type BackupWorkerOptions } from './database/backup-worker.js';
import { ensureTerminalId } from './database/queries/meta.js';
import { Dispatcher } from './ipc/dispatcher.js';
import { createHttpBridge } from './ipc/http-server.js';
import { ShopNetwork, type ShopNetworkOptions } from './ipc/shop-network.js';
import type { Logger } from './logs/logger.js';
import { EventHub } from './services/event-hub.js';
import { PrintWorker, type SendBytes } from './printing/print-worker.js';
import { WebhookWorker, type WebhookWorkerOptions } from './webhooks/worker.js';
import { eraseExpiredContacts } from './services/privacy-retention.js';
import { loadRegistry } from './services/registry.js';
import { SessionStore } from './services/session-store.js';
import { newSetupCode } from './services/setup/setup-code.js';
import { systemClock, type Clock } from './utils/clock.js';
import { SyncWorker, type SyncWorkerOptions, type SyncConnection } from './sync/sync-worker.js';
import { fixedConnection, type ConnectionStore } from './sync/sync-connection.js';
import { unsealed } from './utils/sealed-file.js';
import type { SyncControl } from './services/script.js';
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
  /**
   * The shop-network listener for paired devices: the built renderer it serves, its port, and (tests)
   * which interfaces count. It comes back on at start when it was on (autoStart: false keeps it off).
   */
  shopNetwork?: Partial<Pick<ShopNetworkOptions, 'port' | 'interfaces' | 'extraInterfaces'>> & { staticDir?: string; autoStart?: boolean };
}

/** The core, assembled: one database, one dispatcher, one live channel. Transports attach to it. */
export interface App {
  db: Db;
  dispatcher: Dispatcher;
  events: EventHub;
  printer: PrintWorker;
  webhooks: WebhookWorker;
  sessions: SessionStore;
  sync: SyncWorker;
  backups: BackupWorker;
  updates: UpdateControl;
  shopNetwork: ShopNetwork;
  logger: Logger;
  dataDir: string;
  /** Lets another device set the shop up; shown at start-up, never logged. */
  setupCode: string;
  close(): void;
}

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DATABASE_FILE);
  const secrets = options.secrets ?? fileSecretStore(join(options.dataDir, PLAIN_SECRETS_FILE), unsealed);
  const driver = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = openDatabase(file, { secrets, ...driver, clock });
  const terminalId = ensureTerminalId(db);
  const registry = await loadRegistry();
  const events = new EventHub();
  const sessions = new SessionStore(clock);
  const setupCode = newSetupCode();
  const updates = startUpdates(options, { db, terminalId, events, clock });
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
  const backups = new BackupWorker({ db, dataDir: options.dataDir, clock, logger: options.logger, events, ...driver, ...backupPacing });
  const { staticDir, autoStart: shopNetworkAutoStart = true, ...shopNetworkOptions } = options.shopNetwork ?? {};
  const shopNetwork = new ShopNetwork({
    secrets,
    logger: options.logger,
    ...shopNetworkOptions,
    serve: (tls, hosts) => createHttpBridge(app, { tls, shopNetworkHosts: hosts, ...(staticDir ? { staticDir } : {}) }),
  });
  const dispatcher: Dispatcher = new Dispatcher({ db, registry, sessions, events, clock, logger: options.logger, setupCode, sync: syncControl, auditHeadFile, backups, updates, shopNetwork });
  const saved = connections.read();
  if (saved) await sync.connect(saved);
  if (syncAutoStart) sync.start();
  const printer = new PrintWorker({ db, events, clock, logger: options.logger }, options.sendToPrinter);
  printer.start();
  const webhooks = new WebhookWorker({ db, events, clock, logger: options.logger, ...options.webhooks });
  if (options.webhooks?.autoStart !== false) webhooks.start();
  if (backupsAutoStart) backups.start();
  eraseExpiredContacts(db, clock.now());
  const retention = setInterval(() => eraseExpiredContacts(db, clock.now()), 3_600_000);
  retention.unref();
  // The audit head beside the database, at a pace that costs no sale (also at each caixa close and sync round).
  const auditCheckpoint = setInterval(() => auditHeadFile.checkpoint(db, clock.now()), AUDIT_CHECKPOINT_MS);
  auditCheckpoint.unref();
  options.logger.info('Banco de dados aberto', { file, operations: registry.size });
  const app: App = {
    db,
    dispatcher,
    events,
    printer,
    webhooks,
    sessions,
    sync,
    backups,
    updates,
    shopNetwork,
    logger: options.logger,
    dataDir: options.dataDir,
    setupCode,
    close: () => {
      if (!db.open) return;
      updates.stop();
      void shopNetwork.stop();
      void sync.stop();
      printer.stop();
      webhooks.stop();
      backups.stop();
      clearInterval(retention);
      clearInterval(auditCheckpoint);
      auditHeadFile.checkpoint(db, clock.now());
      db.close();
    },
  };
  if (shopNetworkAutoStart) await shopNetwork.restore(db);
  return app;
}

function startUpdates(options: AppOptions, core: Pick<UpdaterDeps, 'db' | 'terminalId' | 'events' | 'clock'>): UpdateControl {
  if (!options.updates) return installerOnlyUpdates(core.db, appPackage().version);
  const { autoStart = true, ...settings } = options.updates;
  const updater = new Updater({ ...core, ...settings, logger: options.logger });
  if (autoStart) updater.start();
  return updater;
}
