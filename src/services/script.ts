import type { Db } from '../database/connection.js';
import type { CatalogCache } from './catalog-cache.js';
import type { DisplayBoard } from './display/display-board.js';
import type { StoredSettings } from '../database/queries/settings.js';
import type { TerminalIdentity } from '../database/queries/meta.js';
import type { AuditEntry } from '../database/queries/audit.js';
import type { AuditHeadFile } from '../database/audit-head-file.js';
import type { Rejection } from '../exceptions/business-error.js';
import type { LiveEventName, LiveEvents, OperationName, OperationOutput, ParsedInput } from '../models/contract.js';
import type { SessionRole } from '../models/roles.js';
import type { WebhookEventType } from '../models/webhooks.js';
import type { Logger } from '../logs/logger.js';
import type { RetryRule } from './request-replies.js';
import type { DevicePinThrottle, PinThrottle } from './pin-throttle.js';
import type { SessionRecord, SessionStore } from './session-store.js';
import type { ConnectionStore } from '../sync/sync-connection.js';
import type { SyncWorker } from '../sync/sync-worker.js';
import type { SyncStatus } from '../models/sync.js';
import type { BackupWorker } from '../database/backup-worker.js';
import type { UpdateControl } from '../updates/updater.js';
import type { ShopNetwork } from '../ipc/shop-network.js';

/** Who is calling: the user behind the session. */
export interface Actor {
  id: string;
  name: string;
  role: SessionRole;
}

/** What a script may look at before its transaction (async work: PIN hashes). Reads only. */
export interface PrepareContext {
  readonly db: Db;
  readonly now: number;
  readonly actor: Actor | null;
  readonly session: SessionRecord | null;
  readonly terminal: TerminalIdentity;
  readonly settings: StoredSettings;
  /** Where the call came from (see request-source.ts). */
  readonly source: string;
  /** The one-time code that lets another device set the shop up, while it is not set up. */
  readonly setupCode: string | null;
  /** Wrong PINs per source address (other devices only). */
  readonly pinThrottle: PinThrottle;
  /** Wrong PINs per paired device (a kitchen device that asks for its cook's PIN). */
  readonly devicePins: DevicePinThrottle;
  /** The catalog as sales read it, kept between calls and forgotten when it changes. */
  readonly catalog: CatalogCache;
  /** What each counter's customer sees now (in memory: a restart shows the idle slides until the next push). */
  readonly display: DisplayBoard;
  /** The link to the shop's server; null where the core runs without one (some tests). */
  readonly sync: SyncControl | null;
  /** The audit chain's head as kept beside the database (a witness outside the file); null where there is none. */
  readonly auditHeadFile: AuditHeadFile | null;
  /** The database's copies; null where the core runs without them (some tests). */
  readonly backups: BackupControl | null;
  /** This terminal's updater; null where the core runs without one (hand-built dispatchers in tests). */
  readonly updates: UpdateControl | null;
  /** The shop-network listener for paired devices; null where the core runs without one. */
  readonly shopNetwork: ShopNetworkControl | null;
  /** Restores a backup in place of the database; null where the core cannot restart itself (hand-built dispatchers in tests). */
  readonly restarter: RestartControl | null;
}

/** Where a restore stands, for the screens waiting on it (the RESTARTING error carries it). */
export type RestoreStep = 'waiting' | 'stopping' | 'copying' | 'swapping' | 'reopening';

/** What `backups.restore` and `recovery.*` may ask of the core that runs them. */
export interface RestartControl {
  /** The restore under way, or null. */
  readonly step: RestoreStep | null;
  /** Why the database could not be used (recovery mode), or null. */
  readonly damaged: string | null;
  /**
   * Starts putting a checked backup (its path) in place of the database, after this call has answered:
   * from now on new calls get RESTARTING; the core opens again on the backup, every session gone.
   */
  restore(backupPath: string, by: Actor | null): void;
}

/** What the `devices.*` operations may ask of the shop-network listener. */
export type ShopNetworkControl = Pick<ShopNetwork, 'status' | 'apply' | 'currentFingerprint' | 'interfaces'>;

/** What the `sync.*` operations may ask of the sync worker, and where its connection is kept (absent: nowhere). */
export type SyncControl = Pick<SyncWorker, 'status' | 'syncNow' | 'connect' | 'connected' | 'claimFreeLetter' | 'auditHeadOnServer'> & { readonly connections?: ConnectionStore };

/** What the `backups.*` operations and the caixa close may ask of the backup worker. */
export type BackupControl = Pick<BackupWorker, 'dataDir' | 'driver' | 'running' | 'lastFailure' | 'runManual' | 'afterClose'>;

export type AuditInput = Pick<AuditEntry, 'action'> & Partial<Omit<AuditEntry, 'id' | 'at' | 'terminalId' | 'action'>>;

/** What a script body gets besides the transaction handle and its validated input. */
export interface ScriptContext extends PrepareContext {
  readonly logger: Logger;
  readonly sessions: SessionStore;
  newId(): string;
  /** A hybrid logical clock stamp for a row other terminals will merge. */
  stamp(): string;
  /** Records a change for the other terminals, in this transaction. */
  recordChange(entity: string, entityId: string, op: 'insert' | 'update', data: Record<string, unknown>, hlc?: string): void;
  /** Appends to the audit chain, in this transaction. Actor and terminal are filled in. */
  audit(entry: AuditInput): void;
  /** Queues a signed webhook for every endpoint subscribed to the type (or one endpoint), in this transaction. */
  webhook(type: WebhookEventType, data: Record<string, unknown>, endpointId?: string): { eventId: string; deliveryIds: string[] } | null;
  /** Publishes on the live channel once the transaction has committed. */
  emit<E extends LiveEventName>(type: E, data: LiveEvents[E]): void;
  /** Runs once the transaction has committed (sessions, caches): never on rollback. */
  afterCommit(effect: () => void): void;
  /** The shop, the terminal or the settings changed: reread them after commit. */
  configurationChanged(): void;
}

/** Who may call an operation: checked by the dispatcher on the main thread, wherever the body runs. */
interface Access {
  /** Roles allowed to call it, or 'public' for the few operations that need no session. */
  roles: readonly SessionRole[] | 'public';
  /** May run while the session's screen is locked (unlock, logout). */
  whileLocked?: boolean;
}

/** A script whose body runs on the main thread, in one transaction on the app's connection. */
export interface TransactionScriptDefinition<N extends OperationName, P> extends Access {
  reads?: undefined;
  /** Reads only: runs in a deferred transaction and never takes the writer. */
  readOnly?: boolean;
  /** Creates something from an id the screen made: a retry is the same request (same answer) or a CONFLICT. */
  retry?: RetryRule<ParsedInput<N>>;
  prepare?: (input: ParsedInput<N>, ctx: PrepareContext) => Promise<P>;
  run: (tx: Db, input: ParsedInput<N>, ctx: ScriptContext, prepared: P) => OperationOutput<N> | Rejection;
}

/**
 * What a read run off the main thread gets (src/services/read-pool.ts): only what can be copied to
 * a worker, taken on the main thread when the call came.
 */
export interface ReadContext {
  readonly now: number;
  readonly actor: Actor | null;
  readonly terminal: TerminalIdentity;
  readonly settings: StoredSettings;
  /** The link to the shop's server as it stood; null where the core runs without one. */
  readonly syncStatus: SyncStatus | null;
}

/**
 * A long read (reports, the dashboard, big exports) that runs in the read pool's worker, on its own
 * read-only connection to the same file, so a sale asked for meanwhile never waits behind it. The
 * body reads in one deferred transaction and writes nothing.
 */
export interface WorkerReadDefinition<N extends OperationName> extends Access {
  reads: 'worker';
  run: (db: Db, input: ParsedInput<N>, ctx: ReadContext) => OperationOutput<N> | Rejection;
}

export type ScriptDefinition<N extends OperationName, P> = TransactionScriptDefinition<N, P> | WorkerReadDefinition<N>;

const SCRIPT = Symbol.for('balcao.script');

export type Script<N extends OperationName = OperationName, P = unknown> = ScriptDefinition<N, P> & {
  readonly name: N;
  readonly [SCRIPT]: true;
};

/** One business operation = one exported script = one SQLite transaction. */
export function defineScript<N extends OperationName, P = undefined>(name: N, definition: ScriptDefinition<N, P>): Script<N, P> {
  return { ...definition, name, [SCRIPT]: true };
}

/** A script of any operation, as the registry holds them (their input types differ). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScript = Script<any, any>;

/** A script as the dispatcher runs it in a transaction, and one it hands to the read pool. */
export type TransactionScript = AnyScript & { reads?: undefined };
export type WorkerReadScript = AnyScript & { reads: 'worker' };

export const isScript = (value: unknown): value is AnyScript =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCRIPT] === true;
