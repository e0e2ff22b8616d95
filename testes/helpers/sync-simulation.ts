import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { readTerminalIdentity } from '../../src/database/queries/meta.js';
import type { DispatchResult } from '../../src/ipc/dispatcher.js';
import type { OperationInput, OperationName, OperationOutput } from '../../src/models/contract.js';
import { makeJoinCode } from '../../src/sync/join-code.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { seedCatalog, type Menu } from './catalog-fixture.js';
import { FaultySyncStore } from './faulty-sync-store.js';
import { seedStock, type StockItems } from './stock-fixture.js';
import { createTestApp, initializedApp, type TestApp } from './test-app.js';

/**
 * A shop of several terminals for the sync simulation: each a real app on its own SQLite file and
 * its own clock, each behind its own bad network link to one shared server. Terminals can be killed
 * and reopened on their folder, or restored from an older copy of their database, like a real PC.
 */
export interface SimTerminal {
  name: string;
  dir: string;
  t: TestApp;
  id: string;
  token: string;
  link: FaultySyncStore;
  /** How far this terminal's clock is from the shop's real time. */
  skewMs: number;
  /** This terminal's caixa, opened when it joined. */
  sessionId: string;
  snapshots: string[];
}

export const OPENING_FLOAT = 10_000;
/** Midday in São Paulo: a few hours before the business day turns at 04:00. */
const START = Date.UTC(2026, 10, 29, 15, 0, 0);

export class SimShop {
  now = START;
  readonly terminals: SimTerminal[] = [];
  private constructor(
    private readonly root: string,
    /** The shop's server, as no terminal sees it: no faults, never closed by a terminal. */
    readonly server: SyncStore,
    readonly menu: Menu,
    readonly items: StockItems,
    /** What a new terminal is given to join the shop. */
    private readonly joinCode: string,
  ) {}

  /**
   * Terminal A sets the shop up (menu, stock items, recipes) and opens its caixa (its first sync
   * claims its letter); the others join with the join code, which pulls everything from the server
   * and claims the next free letter, and open their caixa. The network is clean
   * while they join: the faults come with the commands.
   */
  static async open(server: SyncStore, count: number): Promise<SimShop> {
    const shared: SyncStore = {
      push: (id, changes) => server.push(id, changes),
      pull: (cursor, limit) => server.pull(cursor, limit),
      terminals: () => server.terminals(),
      claimLetter: (id, letter) => server.claimLetter(id, letter),
      auditHeadOf: (id) => server.auditHeadOf(id),
      keepAuditHead: (id, head) => server.keepAuditHead(id, head),
      publish: (documents) => server.publish(documents),
      // The terminals come and go; the server stays up.
      close: async () => {},
    };
    // Real SQLite files, in memory when the machine has a tmpfs: thousands of fsyncs per run are not what this simulates.
    const root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'balcao-sim-'));
    const link = new FaultySyncStore(shared);
    const dir = join(root, 'A');
    const first = await initializedApp({ dir, app: syncOptions(link) });
    first.clock.advance(START - first.clock.now());
    const menu = await seedCatalog(first, first.adminToken);
    const items = await seedStock(first, first.adminToken, menu);
    const shop = new SimShop(root, shared, menu, items, makeJoinCode(first.app.db));
    const a: SimTerminal = { name: 'A', dir, t: first, id: readTerminalIdentity(first.app.db).id, token: first.adminToken, link, skewMs: 0, sessionId: '', snapshots: [] };
    a.sessionId = (await shop.ok(a, 'cash.open', { id: newId(), openingFloat: OPENING_FLOAT })).id;
    shop.terminals.push(a);
    await shop.expectClean(a);
    for (let i = 1; i < count; i++) await shop.join(String.fromCharCode(65 + i));
    return shop;
  }

  private async join(letter: string): Promise<void> {
    const link = new FaultySyncStore(this.server);
    const dir = join(this.root, letter);
    const t = await createTestApp({ dir, app: syncOptions(link) });
    const term: SimTerminal = { name: letter, dir, t, id: readTerminalIdentity(t.app.db).id, token: '', link, skewMs: 0, sessionId: '', snapshots: [] };
    this.setClock(term);
    const joined = await t.ok('setup.join', { joinCode: this.joinCode });
    if (joined.terminalLetter !== letter) throw new Error(`O terminal ${letter} recebeu a letra ${joined.terminalLetter}.`);
    await this.expectClean(term);
    term.token = signIn(t);
    term.sessionId = (await this.ok(term, 'cash.open', { id: newId(), openingFloat: OPENING_FLOAT })).id;
    this.terminals.push(term);
  }

  /** A round on a clean network must succeed. */
  async expectClean(term: SimTerminal) {
    const status = await term.t.app.sync.syncNow();
    if (status.lastError !== null || status.mode !== 'online') throw new Error(`${term.name}: sincronização limpa falhou: ${status.lastError}`);
    return status;
  }

  /** Calls an operation as the terminal's admin; a session ended by the day's turn or an idle lock is opened again. */
  async call<N extends OperationName>(term: SimTerminal, operation: N, input: OperationInput<N>): Promise<DispatchResult> {
    this.setClock(term);
    const outcome = await term.t.call(operation, input, term.token);
    if (outcome.ok || !['UNAUTHENTICATED', 'SESSION_LOCKED'].includes(outcome.error.code)) return outcome;
    term.token = signIn(term.t);
    return term.t.call(operation, input, term.token);
  }

  async ok<N extends OperationName>(term: SimTerminal, operation: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
    const outcome = await this.call(term, operation, input);
    if (!outcome.ok) throw new Error(`${term.name}: ${operation} falhou: ${JSON.stringify(outcome.error)}`);
    return outcome.result as OperationOutput<N>;
  }

  /** Each terminal's clock is the shop's time plus its own skew. */
  setClock(term: SimTerminal): void {
    term.t.clock.advance(this.now + term.skewMs - term.t.clock.now());
  }

  advance(ms: number): void {
    this.now += ms;
    for (const term of this.terminals) this.setClock(term);
  }

  snapshot(term: SimTerminal): void {
    const file = join(term.dir, `copia-${term.snapshots.length + 1}.db`);
    term.t.app.db.exec(`VACUUM INTO '${file}'`);
    term.snapshots.push(file);
  }

  /**
   * Kills the terminal right after the server acted on its next request, before the answer comes
   * back (after the local commit, before marking the run sent), then starts it again on its folder.
   * Offline, it dies between rounds instead; says whether it died mid-round.
   */
  async killMidRound(term: SimTerminal): Promise<boolean> {
    let killed = false;
    term.link.afterServerActs = () => {
      killed = true;
      term.t.close();
    };
    // The round ends in an error once its database is gone; the terminal is down either way.
    await term.t.app.sync.syncNow().catch(() => {});
    term.link.afterServerActs = null;
    if (!killed) term.t.close();
    await this.reopen(term);
    return killed;
  }

  /** Replaces the terminal's database with an older copy of it and starts it again. */
  async restore(term: SimTerminal, copy: string): Promise<void> {
    term.t.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(term.dir, DATABASE_FILE + suffix), { force: true });
    copyFileSync(copy, join(term.dir, DATABASE_FILE));
    await this.reopen(term);
  }

  private async reopen(term: SimTerminal): Promise<void> {
    term.t = await createTestApp({ dir: term.dir, app: syncOptions(term.link) });
    this.setClock(term);
    term.token = signIn(term.t);
  }

  async close(): Promise<void> {
    for (const term of this.terminals) term.t.close();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * The admin's session on a terminal, opened as a login would once the PIN matched: checking the PIN
 * is a bcrypt hash each time (a terminal signs in again after every restart and every business day),
 * and sign-in is not what this simulates.
 */
function signIn(t: TestApp): string {
  const adminId = t.app.db.prepare("SELECT id FROM users WHERE role = 'admin' AND active = 1").pluck().get() as string;
  return t.app.sessions.open(adminId).token;
}

const syncOptions = (link: FaultySyncStore) => ({
  sync: { connection: { uri: 'mongodb://loja', database: 'loja' }, openStore: () => link, autoStart: false },
});

