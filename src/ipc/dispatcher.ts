import type { Db } from '../database/connection.js';
import { appendAudit } from '../database/queries/audit.js';
import type { AuditHeadFile } from '../database/audit-head-file.js';
import { activeBoardLinkByHash } from '../database/queries/board.js';
import { activeDeviceByHash, markDeviceSeen } from '../database/queries/devices.js';
import { appendChange } from '../database/queries/change-log.js';
import { keepFieldStamps } from '../database/queries/field-stamps.js';
import { stampedFields, syncedEntity } from '../sync/tables.js';
import { readTerminalIdentity, type TerminalIdentity } from '../database/queries/meta.js';
import { readSettings, type StoredSettings } from '../database/queries/settings.js';
import { findUserById } from '../database/queries/users.js';
import { BusinessError, httpStatusFor, Rejection } from '../exceptions/business-error.js';
import { sha256Hex } from '../hashing/audit-chain.js';
import type { Logger } from '../logs/logger.js';
import { operations, type OperationName } from '../models/contract.js';
import type { ErrorBody } from '../models/errors.js';
import type { LiveEvent, EventHub } from '../services/event-hub.js';
import { CatalogCache } from '../services/catalog-cache.js';
import { WebhookOutbox } from '../webhooks/outbox.js';
import type { Registry } from '../services/registry.js';
import type { Actor, AnyScript, AuditInput, PrepareContext, ReadContext, ScriptContext, TransactionScript, WorkerReadScript } from '../services/script.js';
import { readInOneSnapshot, type ReadRunner } from '../services/read-pool.js';
import { answerOnce } from '../services/request-replies.js';
import { cookSignedOutIdle, idleLockDue, sessionOutlivedDay } from '../services/session-policy.js';
import { DevicePinThrottle, PinThrottle } from '../services/pin-throttle.js';
import { deviceScope } from '../services/devices/device-rules.js';
import { DisplayBoard } from '../services/display/display-board.js';
import { LOCAL_SOURCE } from '../services/request-source.js';
import type { SessionRecord, SessionStore } from '../services/session-store.js';
import type { BackupControl, RestartControl, ShopNetworkControl, SyncControl } from '../services/script.js';
import type { UpdateControl } from '../updates/updater.js';
import type { Clock } from '../utils/clock.js';
import { HybridLogicalClock } from '../utils/hlc.js';
import { newErrorRef, newId } from '../utils/ids.js';
import { parseInput } from './validation.js';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; status: number; error: ErrorBody };

export interface DispatcherDeps {
  db: Db;
  registry: Registry;
  sessions: SessionStore;
  events: EventHub;
  clock: Clock;
  logger: Logger;
  /** The one-time code shown at start-up for setting the shop up from another device. */
  setupCode?: string | null;
  /** The link to the shop's server, for the `sync.*` operations. */
  sync?: SyncControl | null;
  /** The audit chain's head kept beside the database, for `audit.verify` and the caixa close. */
  auditHeadFile?: AuditHeadFile | null;
  /** The database's copies, for the `backups.*` operations and the caixa close. */
  backups?: BackupControl | null;
  /** This terminal's updater, for the `updates.*` operations. */
  updates?: UpdateControl | null;
  /** The core's restart, for `backups.restore` and `recovery.*`. */
  restarter?: RestartControl | null;
  /** Where the long reads (`reads: 'worker'`) run; none: here, on this thread (hand-built dispatchers in tests). */
  reads?: ReadRunner | null;
  /** The shop-network listener, for the `devices.*` operations. */
  shopNetwork?: ShopNetworkControl | null;
}

/**
 * The one way in for every transport: finds the script, checks the session and role, validates the
 * input, runs the async preparation, then the body in one transaction, and shapes every error.
 */
export class Dispatcher {
  private terminal: TerminalIdentity;
  private settings: StoredSettings;
  private readonly hlc: HybridLogicalClock;
  private readonly catalog = new CatalogCache();
  private readonly outbox = new WebhookOutbox();
  private readonly pinThrottle = new PinThrottle();
  private readonly display = new DisplayBoard();
  private readonly devicePins = new DevicePinThrottle();
  /** Who each session's user is; forgotten whenever a user changes (role, name, deactivation). */
  private readonly actors = new Map<string, Actor | null>();
  /** One transaction wrapper for every call, so none is built on the hot path. */
  private readonly inTransaction: ReturnType<Db['transaction']>;
  /** Calls admitted and not yet answered: a restore waits for them before it closes the database. */
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  /** Once set, what a new call gets instead of running (null lets that operation through). */
  private refusal: ((operation: string) => BusinessError | null) | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: DispatcherDeps) {
    this.terminal = readTerminalIdentity(deps.db);
    this.settings = readSettings(deps.db);
    this.inTransaction = deps.db.transaction((body: () => unknown) => body());
    this.unsubscribe = deps.events.subscribe((event) => {
      if (event.type === 'users.changed') this.actors.clear();
      if (event.type === 'catalog.changed') this.catalog.clear();
      if (event.type === 'recipes.changed') this.catalog.forgetRecipes();
      if (event.type === 'webhooks.changed') this.outbox.forget();
    });
    const last = deps.db.prepare<[], { last_hlc: string }>('SELECT last_hlc FROM change_log_state').get()?.last_hlc;
    this.hlc = new HybridLogicalClock(deps.clock, this.terminal.id, last || undefined);
  }

  /** A stamp applied from another terminal: our next stamps sort after it. */
  observeStamp(hlc: string): void {
    this.hlc.receive(hlc);
  }

  get registry(): Registry {
    return this.deps.registry;
  }

  /**
   * From now on a new call gets `refuse(operation)` instead of running (null lets it through): a
   * restore under way, or recovery mode. Resolves once the calls already admitted have answered.
   */
  closeAdmission(refuse: (operation: string) => BusinessError | null): Promise<void> {
    this.refusal = refuse;
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** This dispatcher is done with (its database is about to close): it stops hearing the live channel. */
  detach(): void {
    this.unsubscribe();
  }

  /** `source` is where the call came from: LOCAL_SOURCE for the desktop window, the client address over HTTP. */
  async dispatch(operation: string, rawInput: unknown, token?: string | null, source: string = LOCAL_SOURCE): Promise<DispatchResult> {
    const started = performance.now();
    const refused = this.refusal?.(operation);
    if (refused) return this.failure(operation, rawInput, refused);
    let outcome: DispatchResult;
    this.inFlight++;
    try {
      outcome = { ok: true, result: await this.execute(operation, rawInput, token ?? null, source) };
    } catch (error) {
      outcome = this.failure(operation, rawInput, error);
    } finally {
      if (--this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
    this.deps.logger.debug('operação', {
      operation,
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(outcome.ok ? {} : { code: outcome.error.code }),
    });
    return outcome;
  }

  private async execute(operation: string, rawInput: unknown, token: string | null, source: string): Promise<unknown> {
    const { db, registry, sessions, clock } = this.deps;
    const script = registry.get(operation);
    if (!script) throw new BusinessError('UNKNOWN_OPERATION', `Operação desconhecida: ${operation}.`, 'operation');
    const now = clock.now();
    const settings = this.settings;

    let session = token ? (this.liveSession(token, now) ?? null) : null;
    let actor: Actor | null = null;
    if (session) {
      actor = this.actorOf(session.userId)!;
      if (session.kiosk) actor = { id: actor.id, name: 'Tela de avaliação', role: 'kiosk' };
      if (session.boardLinkId) actor = { id: actor.id, name: 'Painel de chamada', role: 'board' };
      if (session.device) {
        const name = session.cook ? `${actor.name} (${session.device.label})` : `Aparelho: ${session.device.label}`;
        actor = { id: actor.id, name, role: deviceScope(session.device, Boolean(session.cook)).role };
      }
      if (session.customerDisplay) actor = { id: actor.id, name: 'Tela do cliente', role: 'customerDisplay' };
    }

    // A board link, a paired device or the customer's display calls its screen's operations and nothing else, not even what needs no login.
    const restrictedTo = session?.boardLinkId ? 'board' : session?.device || session?.customerDisplay ? actor!.role : null;
    if (restrictedTo && !(script.roles !== 'public' && script.roles.includes(restrictedTo))) {
      throw new BusinessError('FORBIDDEN', session?.device ? 'Este aparelho só abre a tela para a qual foi pareado.' : 'O link do painel só mostra o painel de chamada.', undefined, { operation });
    }
    if (script.roles !== 'public') {
      if (!session || !actor) throw new BusinessError('UNAUTHENTICATED', 'Sessão encerrada. Entre de novo com seu PIN.');
      if (!session.locked && idleLockDue(actor.role, session.lastActivityAt, now, settings.idleLockMinutes)) {
        sessions.lock(session);
        this.deps.events.publish({ type: 'session.locked', data: { userId: actor.id }, at: now });
      }
      if (session.locked && !script.whileLocked) {
        throw new BusinessError('SESSION_LOCKED', 'Tela bloqueada. Digite seu PIN para continuar.');
      }
      if (!script.roles.includes(actor.role)) {
        this.recordDenial(script, actor, now);
        throw new BusinessError('FORBIDDEN', 'Seu papel não permite esta operação.', undefined, { operation });
      }
    }

    const input = parseInput(operations[script.name as OperationName].input, rawInput);
    if (session && !session.locked) sessions.touch(session);

    if (script.reads === 'worker') {
      return this.read(script, input, { now, actor, terminal: this.terminal, settings, syncStatus: this.deps.sync?.status() ?? null });
    }
    const base: PrepareContext = { db, now, actor, session, terminal: this.terminal, settings, source, setupCode: this.deps.setupCode ?? null, sync: this.deps.sync ?? null, auditHeadFile: this.deps.auditHeadFile ?? null, backups: this.deps.backups ?? null, updates: this.deps.updates ?? null, restarter: this.deps.restarter ?? null, shopNetwork: this.deps.shopNetwork ?? null, pinThrottle: this.pinThrottle, devicePins: this.devicePins, catalog: this.catalog, display: this.display };
    const prepared = script.prepare ? await script.prepare(input, base) : undefined;
    return this.runInTransaction(script, input, { ...base, now: clock.now() }, prepared);
  }

  /** A long read, checked above: in the read pool's worker, or here in one snapshot where there is no pool. */
  private read(script: WorkerReadScript, input: unknown, ctx: ReadContext): unknown {
    const { reads, db } = this.deps;
    return reads ? reads.run(script.name, input, ctx) : readInOneSnapshot(db, script, input, ctx);
  }

  private runInTransaction(script: TransactionScript, input: unknown, base: PrepareContext, prepared: unknown): unknown {
    const { db } = this.deps;
    const effects: (() => void)[] = [];
    const events: LiveEvent[] = [];
    const ctx = this.context(base, effects, events);
    const run = () => script.run(db, input, ctx, prepared);
    const { retry } = script;
    const body = retry ? () => answerOnce(db, script.name, retry, input, base.now, run) : run;
    const output = script.readOnly ? this.inTransaction.deferred(body) : this.inTransaction.immediate(body);
    for (const effect of effects) effect();
    for (const event of events) this.deps.events.publish(event);
    if (output instanceof Rejection) throw output.error;
    return output;
  }

  private context(base: PrepareContext, effects: (() => void)[], events: LiveEvent[]): ScriptContext {
    const { db, logger, sessions } = this.deps;
    const terminalId = this.terminal.id;
    return {
      ...base,
      logger,
      sessions,
      newId,
      stamp: () => this.hlc.tick(),
      recordChange: (entity, entityId, op, data, hlc) => {
        const stamp = hlc ?? this.hlc.tick();
        appendChange(db, { id: newId(), terminalId, hlc: stamp, entity, entityId, op, data, at: base.now });
        // Reference data merges per field: remember which fields this write stamped.
        const synced = syncedEntity(entity);
        if (synced?.kind === 'reference') keepFieldStamps(db, entity, entityId, stampedFields(synced, data), stamp);
      },
      audit: (entry: AuditInput) =>
        appendAudit(db, {
          userId: base.actor?.id ?? null,
          userName: base.actor?.name ?? null,
          recordType: null,
          recordId: null,
          result: 'ok',
          approverId: null,
          approverName: null,
          details: {},
          ...entry,
          id: newId(),
          at: base.now,
          terminalId,
        }),
      emit: (type, data) => events.push({ type, data, at: base.now } as LiveEvent),
      webhook: (type, data, endpointId) => {
        const queued = this.outbox.emit(db, { now: base.now, terminal: this.terminal }, type, data, endpointId);
        if (queued && !events.some((e) => e.type === 'webhooks.queued')) events.push({ type: 'webhooks.queued', data: {}, at: base.now });
        return queued;
      },
      afterCommit: (effect) => effects.push(effect),
      configurationChanged: () => effects.push(() => this.reloadConfiguration()),
    };
  }

  /**
   * The session behind a token while it may still be used: its user is active and its business day has
   * not turned. A session past either is closed here, whichever transport asks; a board link's opens again.
   */
  liveSession(token: string, now: number = this.deps.clock.now()): SessionRecord | undefined {
    const session = this.sessionFor(token);
    if (!session) return undefined;
    const { timezone, businessDayStartsAt } = this.settings;
    const cookGone = session.cook === true && cookSignedOutIdle(session.lastActivityAt, now);
    if (this.actorOf(session.userId) && !cookGone && !sessionOutlivedDay(session.createdAt, now, timezone, businessDayStartsAt)) return session;
    this.deps.sessions.close(token);
    return (session.boardLinkId || session.device) && this.actorOf(session.userId) ? this.sessionFor(token) : undefined;
  }

  /** The session a token names: a live one, or a board link's or a paired device's, opened again after a restart. */
  private sessionFor(token: string): SessionRecord | undefined {
    const live = this.deps.sessions.get(token);
    if (live) return live;
    const hash = sha256Hex(token);
    const link = activeBoardLinkByHash(this.deps.db, hash);
    if (link) return this.deps.sessions.openBoard(link.createdBy, link.id, token);
    const device = activeDeviceByHash(this.deps.db, hash);
    if (!device) return undefined;
    // Seen again: kept on disk once per session, so the list survives a restart without a write per call.
    this.inTransaction.immediate(() => markDeviceSeen(this.deps.db, device.id, this.deps.clock.now()));
    return this.deps.sessions.openDevice(device.pairedBy, { id: device.id, kind: device.kind, label: device.label, terminalId: device.terminalId, cookLogin: device.cookLogin }, token);
  }

  private actorOf(userId: string): Actor | null {
    let actor = this.actors.get(userId);
    if (actor === undefined) {
      const user = findUserById(this.deps.db, userId);
      actor = user?.active ? { id: user.id, name: user.name, role: user.role } : null;
      this.actors.set(userId, actor);
    }
    return actor;
  }

  /** A refused call is itself worth knowing about. */
  private recordDenial(script: AnyScript, actor: Actor, now: number) {
    const { db } = this.deps;
    db.transaction(() =>
      appendAudit(db, {
        id: newId(),
        at: now,
        terminalId: this.terminal.id,
        userId: actor.id,
        userName: actor.name,
        action: 'access.denied',
        recordType: 'operation',
        recordId: script.name,
        result: 'denied',
        approverId: null,
        approverName: null,
        details: { role: actor.role },
      }),
    ).immediate();
  }

  /** Shop, terminal and settings are read once and again only after a script changes them. */
  /** The shop, the terminal or the settings changed (here or from another terminal): reread them. */
  reloadConfiguration(): void {
    this.terminal = readTerminalIdentity(this.deps.db);
    this.settings = readSettings(this.deps.db);
  }

  private failure(operation: string, input: unknown, error: unknown): DispatchResult {
    if (error instanceof BusinessError) return { ok: false, status: httpStatusFor(error.code), error: error.toBody() };
    const ref = newErrorRef();
    // The input helps to reproduce; the logger strips PINs, tokens and other secrets from it.
    this.deps.logger.error('Erro interno ao executar operação', { ref, operation, input, error });
    return { ok: false, status: 500, error: { code: 'INTERNAL', message: `Erro interno (ref ${ref}).`, details: { ref } } };
  }
}

export type { SessionRecord };
