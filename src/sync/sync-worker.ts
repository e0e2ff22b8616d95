import { setImmediate as yieldToSales } from 'node:timers/promises';
import type { Db } from '../database/connection.js';
import type { AuditHeadFile } from '../database/audit-head-file.js';
import { auditHashAt, readAuditHead } from '../database/queries/audit.js';
import { judgeWitness, type AuditHead, type WitnessedHead } from '../hashing/audit-witness.js';
import { countHeldChanges, readPullCursor, readPushedSeq } from '../database/queries/sync.js';
import { readTerminalIdentity } from '../database/queries/meta.js';
import { sql } from '../database/statements.js';
import type { Logger } from '../logs/logger.js';
import type { SyncStatus } from '../models/sync.js';
import type { EventHub } from '../services/event-hub.js';
import type { Clock } from '../utils/clock.js';
import { announceApplied } from './announce-applied.js';
import { applyPulledPage } from './apply-page.js';
import { describeSyncError } from './sync-errors.js';
import { MongoSyncStore } from './mongo-sync-store.js';
import { publishPending } from './publish-documents.js';
import { pushPending } from './push-pending.js';
import { rebaseOnServer } from './rebase-diverged.js';
import type { PullCursor, ServerTerminal, SyncStore } from './sync-store.js';

/** Where the shop's database is. The URI holds a password: it is handed to the driver and never logged. */
export interface SyncConnection {
  uri: string;
  database: string;
}

export interface SyncWorkerOptions {
  db: Db;
  terminalId: string;
  clock: Clock;
  logger: Logger;
  events: EventHub;
  /** This terminal's clock moves past the stamps it applies, so its next edits win over them. */
  observeStamp(hlc: string): void;
  /** The shop, the terminals or the settings arrived from another terminal. */
  configurationChanged(): void;
  /** Where this terminal's audit head is kept beside the database; each round records the one the server holds. */
  auditHeadFile?: AuditHeadFile;
  /** Opens the shop's server (tests pass the reference store or a faulty one). */
  openStore?: (connection: SyncConnection) => SyncStore;
  random?: () => number;
  /** Changes asked for per pull. */
  pageSize?: number;
  /** Changes applied per local transaction: a sale waits at most for one of them. */
  applyBatch?: number;
  /** How soon to look again while the terminal is in use, and when it is quiet. */
  activePollMs?: number;
  idlePollMs?: number;
  /** Longest wait between attempts while the server cannot be reached. */
  maxBackoffMs?: number;
}

const ANOTHER_SHOP =
  'Este banco de dados já tem os dados de outra loja. Para juntar este terminal a ela, instale-o de novo e escolha "Conectar a uma loja existente"; para uma loja nova, use outro banco de dados.';

/** The server is reachable but must not be used as it is: no retry will change that. */
export class SyncRefused extends Error {}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

const openMongo = (connection: SyncConnection): SyncStore =>
  new MongoSyncStore({ uri: connection.uri, dbName: connection.database });

/**
 * Keeps this terminal and the shop's server in step, in the background (design §5): pushes the
 * local log, pulls the others' and applies them a batch per transaction, yielding between batches so
 * a sale never waits behind a catch-up. Offline is the normal case: a failed round is retried with
 * backoff and jitter, and nothing is lost in between, since the log and the cursor are local.
 */
export class SyncWorker {
  private store: SyncStore | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerDueAt = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  /** Once stopped the database may be closed under a round still waiting on the network. */
  private stopped = false;
  private failures = 0;
  /** Stops the change stream, while one tells us of other terminals' changes. */
  private unwatch: (() => Promise<void>) | null = null;
  private watching = false;
  /** Whether the server was found to have no change streams: then the timer is all there is. */
  private watchUnsupported = false;
  /** Whether this connection's server was checked to be this shop's, and our letter claimed on it. */
  private serverChecked = false;
  private claimedLetter: string | null = null;
  /** The audit head this connection's server was last given: an unchanged head costs no request. */
  private shippedAuditHead: AuditHead | null = null;
  private lastActivityAt = 0;
  private readonly state: Omit<SyncStatus, 'waiting' | 'held'> = {
    mode: 'local',
    phase: 'idle',
    lastSuccessAt: null,
    lastError: null,
    progress: null,
    notice: null,
  };
  private readonly unsubscribe: () => void;

  constructor(private readonly options: SyncWorkerOptions) {
    // A local write is pushed soon after it commits; the screens being used keeps the pulls short.
    this.unsubscribe = options.events.subscribe((event) => {
      if (event.type !== 'sync.status') this.nudge();
    });
  }

  /** Sets the shop's server (null: this terminal runs on its own) and syncs with it at once. */
  async connect(connection: SyncConnection | null): Promise<void> {
    await this.running;
    await this.stopWatching();
    await this.store?.close().catch(() => {});
    this.watchUnsupported = false;
    this.store = connection ? (this.options.openStore ?? openMongo)(connection) : null;
    Object.assign(this.state, { mode: connection ? 'offline' : 'local', lastError: null, progress: null });
    this.failures = 0;
    this.serverChecked = false;
    this.claimedLetter = null;
    this.shippedAuditHead = null;
    this.publish();
    if (this.started) this.schedule(0);
  }

  get connected(): boolean {
    return this.store !== null;
  }

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe();
    await this.running;
    await this.stopWatching();
    await this.store?.close().catch(() => {});
    this.store = null;
  }

  status(): SyncStatus {
    const { db } = this.options;
    const lastSeq = sql<[], { last_seq: number }>(db, 'SELECT last_seq FROM change_log_state WHERE id = 1').get()!.last_seq;
    const progress = this.state.progress && { ...this.state.progress };
    return { ...this.state, progress, waiting: Math.max(0, lastSeq - readPushedSeq(db)), held: countHeldChanges(db) };
  }

  /** One whole round now (after the one running, which may have started before what is asked for). */
  async syncNow(): Promise<SyncStatus> {
    await this.running;
    await this.round();
    return this.status();
  }

  /**
   * Claims on the server the first order-number letter no terminal of the shop holds, for a terminal
   * joining the shop. The server decides: two terminals joining at once never get the same letter.
   */
  async claimFreeLetter(): Promise<string> {
    const store = this.store;
    if (!store) throw new Error('Sem conexão com o servidor da loja.');
    const { terminalId } = this.options;
    const held = new Set((await store.terminals()).flatMap((t) => (t.terminalId !== terminalId && t.letter ? [t.letter] : [])));
    for (const letter of LETTERS) {
      if (held.has(letter)) continue;
      const claim = await store.claimLetter(terminalId, letter);
      if (claim.kind === 'claimed') return letter;
      if (claim.kind === 'has-other') return claim.letter;
    }
    throw new Error('Todas as letras de A a Z já são de terminais desta loja.');
  }

  /** Something changed here or on the server: look soon, not at the next idle tick. */
  nudge(): void {
    this.lastActivityAt = this.options.clock.now();
    if (!this.started || !this.store) return;
    if (this.running) this.again = true;
    else this.schedule(250);
  }

  /** Sets the next round; one already set sooner stays (a terminal selling every few ms still syncs, never put off sale after sale). */
  private schedule(delayMs: number): void {
    if (!this.started) return;
    const dueAt = Date.now() + delayMs;
    if (this.timer && this.timerDueAt <= dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round();
    }, delayMs);
    this.timer.unref();
  }

  private round(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.runRound().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      } else this.schedule(this.nextDelay());
    });
    return this.running;
  }

  private async runRound(): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.state.phase = 'syncing';
    try {
      // Listing the terminals walks their logs on the server: the first round's check serves its progress too.
      const terminals = this.serverChecked ? null : await this.checkServer(store);
      await this.claimOwnLetter(store);
      const pushed = await pushPending(this.options.db, store, this.options.terminalId);
      if (pushed.kind === 'diverged') {
        await this.rebase(store, pushed.seq);
        await pushPending(this.options.db, store, this.options.terminalId);
      }
      await this.shipAuditHead(store);
      await this.pullAll(store, terminals);
      // After the pull: a void of one of our orders made on another terminal goes out this round too.
      await this.publishDocuments(store);
      void this.watch(store);
      this.failures = 0;
      Object.assign(this.state, { mode: 'online', lastSuccessAt: this.options.clock.now(), lastError: null });
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      const message = describeSyncError(error);
      Object.assign(this.state, { mode: 'offline', lastError: message });
      this.options.logger.warn('Sincronização falhou', { error: message, failures: this.failures });
    } finally {
      Object.assign(this.state, { phase: 'idle', progress: null });
      this.publish();
    }
  }

  /**
   * Before the first push to a server: it must be this shop's. A terminal set up on its own (its own
   * shop) that never pulled from a server holding other terminals' logs would mix two shops; one
   * joins a shop with "Conectar a uma loja existente" instead.
   */
  private async checkServer(store: SyncStore): Promise<ServerTerminal[]> {
    const { db, terminalId } = this.options;
    const terminals = await store.terminals();
    const others = terminals.filter((t) => t.terminalId !== terminalId && t.heldSeq > 0);
    const hasShop = sql<[], { n: number }>(db, 'SELECT count(*) AS n FROM shop').get()!.n > 0;
    const neverPulled = Object.keys(readPullCursor(db)).length === 0;
    const known = terminals.some((t) => t.terminalId === terminalId);
    if (hasShop && neverPulled && !known && others.length > 0) throw new SyncRefused(ANOTHER_SHOP);
    this.serverChecked = true;
    return terminals;
  }

  /** The head of this terminal's audit chain as the shop's server holds it (null: none sent yet, or no server). */
  async auditHeadOnServer(): Promise<WitnessedHead | null> {
    return (await this.store?.auditHeadOf(this.options.terminalId)) ?? null;
  }

  /**
   * Sends the head of this terminal's audit chain to its terminal document, a witness outside the
   * database file. Only a chain that still reaches the head the server holds replaces it: one cut
   * short or rewritten leaves the server's head as it was, for "Verificar integridade" to show.
   */
  private async shipAuditHead(store: SyncStore): Promise<void> {
    const { db, terminalId, clock, auditHeadFile } = this.options;
    const head = readAuditHead(db);
    if (!head || (this.shippedAuditHead?.seq === head.seq && this.shippedAuditHead.hash === head.hash)) return;
    const held = await store.auditHeadOf(terminalId);
    if (held) auditHeadFile?.noteServer(held);
    if (held?.seq === head.seq && held.hash === head.hash) {
      this.shippedAuditHead = head;
      return;
    }
    if (held && judgeWitness(head.seq, auditHashAt(db, held.seq), held) !== 'agrees') {
      this.state.notice = 'A auditoria deste terminal não confere com a que o servidor da loja guardou: veja "Verificar integridade" em Auditoria.';
      return;
    }
    const shipped = { ...head, at: clock.now() };
    await store.keepAuditHead(terminalId, shipped);
    this.shippedAuditHead = head;
    auditHeadFile?.noteServer(shipped);
    auditHeadFile?.checkpoint(db, shipped.at);
  }

  /**
   * This terminal's orders and day summaries as current documents beside the logs (for Atlas
   * Charts, Compass). A failure fails the round, shown in the status, and the next one retries.
   */
  private async publishDocuments(store: SyncStore): Promise<void> {
    try {
      await publishPending(this.options.db, store);
    } catch (error) {
      if (this.stopped) return;
      throw new Error(`Pedidos e resumos do dia não publicados no banco da loja: ${describeSyncError(error)}`);
    }
  }

  /** Our letter, claimed on the server once it is known here (set up after connecting, or changed). */
  private async claimOwnLetter(store: SyncStore): Promise<void> {
    const { letter } = readTerminalIdentity(this.options.db);
    if (!letter || letter === this.claimedLetter) return;
    const claim = await store.claimLetter(this.options.terminalId, letter);
    if (claim.kind === 'taken') this.state.notice = `A letra ${letter} já é de outro terminal da loja: os números de pedido dos dois se confundem. Troque a letra deste terminal em Configurações.`;
    this.claimedLetter = letter;
  }

  /** Pulls until the server has nothing more for us, a batch per local transaction; `terminals`, when this round listed them. */
  private async pullAll(store: SyncStore, terminals: ServerTerminal[] | null): Promise<void> {
    const { db, terminalId } = this.options;
    const pageSize = this.options.pageSize ?? 2000;
    const batch = this.options.applyBatch ?? 250;
    let recovered = 0;
    for (let first = true; ; first = false) {
      const cursor = this.cursor();
      const page = await store.pull(cursor, pageSize);
      if (this.stopped || page.changes.length === 0) break;
      if (first && page.more) {
        this.state.progress = { done: 0, total: remainingOnServer(terminals ?? (await store.terminals()), cursor) };
        this.publish();
      }
      for (let start = 0; start < page.changes.length; start += batch) {
        const applied = applyPulledPage(db, terminalId, page.changes.slice(start, start + batch));
        recovered += applied.recovered;
        if (applied.maxHlc) this.options.observeStamp(applied.maxHlc);
        const { configurationChanged } = announceApplied(db, this.options.events, applied.applied, this.options.clock.now());
        if (configurationChanged) this.options.configurationChanged();
        if (this.state.progress) {
          this.state.progress.done += Math.min(batch, page.changes.length - start);
          this.publish();
        }
        await yieldToSales();
        if (this.stopped) return;
      }
      if (!page.more) break;
    }
    if (recovered > 0) {
      this.state.notice = `Este terminal foi restaurado de um backup: ${recovered} alterações feitas nele depois do backup voltaram do servidor da loja. Os números de pedido seguem de onde pararam.`;
      this.options.logger.warn('Terminal restaurado de um backup: alterações recuperadas do servidor', { recovered });
    }
  }

  private async rebase(store: SyncStore, divergedAt: number): Promise<void> {
    this.state.phase = 'recovering';
    this.publish();
    const rebase = await rebaseOnServer(this.options.db, store, this.options.terminalId, divergedAt, this.options.clock.now());
    if (rebase.lastStamp) this.options.observeStamp(rebase.lastStamp);
    const moved = rebase.renumbered.map((r) => `${r.from} agora é ${r.to}`).join(', ');
    this.state.notice =
      `Este terminal foi restaurado de um backup: ${rebase.recovered} alterações feitas depois do backup voltaram do servidor ` +
      `e as ${rebase.kept} feitas desde então foram mantidas.` +
      (moved ? ` Pedidos renumerados: ${moved}.` : '');
    this.options.logger.warn('Terminal restaurado de um backup: registro refeito sobre o do servidor', {
      recovered: rebase.recovered,
      kept: rebase.kept,
      renumbered: rebase.renumbered.length,
    });
  }

  /** Where the server offers a change stream, another terminal's push is a "pull now". */
  private async watch(store: SyncStore): Promise<void> {
    if (this.unwatch || this.watching || this.watchUnsupported || !store.watch || this.stopped) return;
    this.watching = true;
    try {
      this.unwatch = await store.watch(
        () => this.nudge(),
        () => {
          // Watching stopped (the connection dropped): the next good round opens it again.
          this.unwatch = null;
        },
      );
    } catch {
      this.watchUnsupported = true;
    } finally {
      this.watching = false;
    }
  }

  private async stopWatching(): Promise<void> {
    const unwatch = this.unwatch;
    this.unwatch = null;
    await unwatch?.().catch(() => {});
  }

  /** Our own log starts from what this database holds: anything beyond it on the server was lost here. */
  private cursor(): PullCursor {
    const { db, terminalId } = this.options;
    const ownSeq = sql<[], { last_seq: number }>(db, 'SELECT last_seq FROM change_log_state WHERE id = 1').get()!.last_seq;
    return { ...readPullCursor(db), [terminalId]: ownSeq };
  }

  /** Exponential backoff with jitter while failing; a short look while the terminal is in use. */
  private nextDelay(): number {
    if (this.failures > 0) return retryDelay(this.failures, this.options.random ?? Math.random, this.options.maxBackoffMs ?? 60_000);
    // A change stream tells us of the others' changes: the timer is only a safety net then.
    if (this.unwatch) return this.options.idlePollMs ?? 30_000;
    const active = this.options.clock.now() - this.lastActivityAt < 120_000;
    return active ? (this.options.activePollMs ?? 5000) : (this.options.idlePollMs ?? 30_000);
  }

  private publish(): void {
    if (this.stopped) return;
    this.options.events.publish({ type: 'sync.status', data: this.status(), at: this.options.clock.now() });
  }
}

/**
 * The wait before the next attempt after `failures` failed rounds in a row: doubling from 1 s up to
 * `maxMs`, "equal jitter" (half fixed, half random) so a shop's terminals coming back online together
 * do not all knock at the same instant.
 */
export function retryDelay(failures: number, random: () => number, maxMs: number): number {
  const ceiling = Math.min(maxMs, 1000 * 2 ** Math.min(failures - 1, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** How many changes the server holds beyond the cursor, for the progress bar. */
function remainingOnServer(terminals: readonly ServerTerminal[], cursor: PullCursor): number {
  return terminals.reduce((sum, t) => sum + Math.max(0, t.heldSeq - (cursor[t.terminalId] ?? 0)), 0);
}
