import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setImmediate as yieldToTimers } from 'node:timers/promises';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { createApp, type App } from '../src/app.js';
import { openDatabase, type Db } from '../src/database/connection.js';
import { listChanges } from '../src/database/queries/change-log.js';
import { makeJoinCode } from '../src/sync/join-code.js';
import { toSyncChange } from '../src/sync/push-pending.js';
import { installShopKey, readShopKey } from '../src/sync/shop-key.js';
import { ensureTerminalId } from '../src/database/queries/meta.js';
import { readPullCursor, readPushedSeq } from '../src/database/queries/sync.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { orderOf } from '../src/sync/apply-changes.js';
import { applyPulledPage } from '../src/sync/apply-page.js';
import { MemorySyncStore } from '../src/sync/memory-sync-store.js';
import { MongoSyncStore, toDocument, type ChangeDocument } from '../src/sync/mongo-sync-store.js';
import { pushPending } from '../src/sync/push-pending.js';
import type { SyncChange, SyncStore } from '../src/sync/sync-store.js';
import type { SyncConnection } from '../src/sync/sync-worker.js';
import type { SyncStatus } from '../src/models/sync.js';
import { syncedEntity, type SyncedEntity } from '../src/sync/tables.js';
import { newId } from '../src/utils/ids.js';
import { ferretDbBinary, freshDbName, startMongoTestServer, type MongoTestServer } from '../testes/helpers/mongo-test-server.js';
import { compare, plainFigure, ratioFigure, type Figures } from './lib.js';
import { call, counter, fiveLineSale } from './sale.js';

/** How far behind the terminals are in the catch-up figures; how long the log pushed to FerretDB is. */
const BEHIND = 100_000;
const FERRETDB_PUSHED = 10_000;
/** Changes per local transaction, as the worker applies them (SyncWorker's applyBatch). */
const APPLY_BATCH = 250;

type Row = Record<string, unknown>;
type Shop = Awaited<ReturnType<typeof counter>>;

/**
 * The sync figures: a lunch rush sold on a real terminal until its log holds 100,000 changes, then
 * applied on a second terminal against its bare floor (sync.apply_ratio) and caught up by a third
 * through its worker, from the in-memory reference store (sync.catchup_100k_s) and from FerretDB
 * (sync.catchup_100k_ferretdb_s, beside its floor sync.catchup_ferretdb_floor_s); a smaller rush
 * pushed to FerretDB (sync.push_per_s); and the sale while a worker pushes and pulls through the
 * in-memory store (sale.sync_overhead_ratio).
 *
 * FerretDB 1.24 on SQLite uses no index for any find: it pushes down only a lone `_id` equality,
 * and even that compares another expression than the one its `_id` index is on. Every query reads,
 * decodes and sorts the whole collection, so the held-seq check after each push grows with the log
 * (the push figure uses 10,000 changes), and a catch-up costs what its queries cost: one per
 * terminal, kept open across pages, plus the held-seq look of each terminal before it starts.
 */
export async function syncFigures(figures: Figures) {
  const server = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-sync-'));
  try {
    // First, while the heap is small: the 100,000 changes the catch-ups keep alive would make every
    // collection slower, and the synced counter (which allocates more) would pay for them.
    await syncOverhead(figures, dir);
    const rush = await lunchRush(join(dir, 'rush'), BEHIND);
    const changes = pulledLog(rush.app.db);
    console.log(`Sincronização: ${changes.length} alterações de um caixa (${describeMix(changes)}).`);
    await applyRatio(figures, join(dir, 'apply'), rush.app.db, changes);
    const memory = new MemorySyncStore();
    await pushPending(rush.app.db, memory, ensureTerminalId(rush.app.db));
    figures['sync.catchup_100k_s'] = plainFigure(await catchUp(join(dir, 'catchup'), { uri: 'memoria://loja', database: 'loja' }, () => memory, rush.app), 's');
    if (server) await ferretDbCatchUp(figures, server, dir, rush.app, changes);
    rush.app.close();
    if (server) await ferretDbPush(figures, server, dir);
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A terminal's whole log as a pull brings it. */
const pulledLog = (db: Db) => listChanges(db, 0, Number.MAX_SAFE_INTEGER).map((row) => toSyncChange(db, row));

/** FerretDB started on loopback (or the server in MONGODB_TEST_URI), or null after saying in one line why not. */
async function startServer(): Promise<MongoTestServer | null> {
  if (!process.env.MONGODB_TEST_URI && !existsSync(ferretDbBinary())) {
    console.log(`Medidas da sincronização no FerretDB puladas: sem FerretDB em ${ferretDbBinary()} (./run.sh bench o compila onde há Go).`);
    return null;
  }
  const started = await startMongoTestServer();
  if ('skipReason' in started) {
    console.log(`Medidas da sincronização no FerretDB puladas: ${started.skipReason}.`);
    return null;
  }
  console.log(`Sincronização medida contra ${started.label}.`);
  return started;
}

/**
 * A real terminal selling until its log holds `size` changes: five-line sales and two-line ones, all
 * with recipes (stock movements), split and cash payments, kitchen tickets, a fifth of them taken
 * through the kitchen, and a price edit every forty sales.
 */
async function lunchRush(dir: string, size: number) {
  const shop = await counter(dir, { recipes: true, sync: { autoStart: false } });
  const admin = (await call(shop.app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token as string;
  const lastSeq = shop.app.db.prepare('SELECT last_seq FROM change_log_state WHERE id = 1').pluck();
  const ticketOf = shop.app.db.prepare('SELECT id FROM kitchen_tickets WHERE order_id = ?').pluck();
  for (let sale = 0; (lastSeq.get() as number) < size; sale++) {
    const order = sale % 3 === 0 ? fiveLineSale(shop) : twoLineSale(shop);
    await call(shop.app, 'orders.create', order, shop.token);
    if (sale % 5 === 0) {
      const ticketId = ticketOf.get(order.id) as string;
      await call(shop.app, 'kitchen.start', { ticketId }, admin);
      await call(shop.app, 'kitchen.ready', { ticketId }, admin);
    }
    if (sale % 40 === 39) {
      const i = (sale / 40) % shop.products.length | 0;
      await call(shop.app, 'catalog.saveProduct', { ...productInput(shop, i), price: 1000 + i * 250 + (sale % 7) * 10 }, admin);
    }
  }
  return shop;
}

/** Two lines with a kitchen station, paid in cash: 35,00 for 50,00. */
const twoLineSale = ({ products }: Shop) => ({
  id: newId(),
  type: 'balcao',
  lines: [
    { id: newId(), productId: products[2], quantity: 1 },
    { id: newId(), productId: products[4], quantity: 1 },
  ],
  payments: [{ id: newId(), method: 'cash', tendered: 5000 }],
});

/** A product as `counter` saved it, for an edit to send whole. */
const productInput = ({ products, ponto, extras }: Shop, i: number) => ({
  id: products[i],
  name: `Produto ${i}`,
  code: `P${i}`,
  price: 1000 + i * 250,
  station: i < 3 ? 'Chapa' : null,
  modifierGroupIds: i < 2 ? [ponto.id, extras.id] : [],
});

const describeMix = (changes: readonly SyncChange[]) => {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.entity, (counts.get(c.entity) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([entity, n]) => `${entity} ${n}`).join(', ');
};

/** A new terminal of the shop before its first sync: it holds the shop key its join code gave it. */
async function blankTerminal(dir: string, shop: Db, connection?: SyncConnection, openStore?: () => SyncStore) {
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, webhooks: { autoStart: false }, sync: { autoStart: false, connection, openStore } });
  installShopKey(app.db, readShopKey(shop)!);
  return { app, terminalId: ensureTerminalId(app.db) };
}

/**
 * sync.apply_ratio: the pulled log applied on a second terminal through applyPulledPage, a batch of
 * 250 per transaction as the worker does, vs its floor: the rows that batch left in the database
 * (facts, their child rows, the derived states, field stamps, the cursor) inserted by prepared
 * statements in one IMMEDIATE transaction into the same tables of a file with the same pragmas.
 * Batches alternate between the two, so both meet the same noise; the figure is per batch.
 */
async function applyRatio(figures: Figures, dir: string, shop: Db, changes: readonly SyncChange[]) {
  const { app, terminalId } = await blankTerminal(dir, shop);
  const floorDb = openDatabase(join(dir, 'bare.sqlite3'));
  const tables = new Set<string>(['sync_cursor', 'change_field_stamps', 'order_state', 'kitchen_ticket_state', 'stock_levels', 'sync_held']);
  for (const change of changes) {
    const entity = syncedEntity(change.entity)!;
    tables.add(entity.table);
    for (const child of entity.children ?? []) for (const table of child.tables) tables.add(table);
  }
  const before = { app: rowCounts(app.db, tables), floor: rowCounts(floorDb, tables) };
  const floor = floorWriter(floorDb);
  const samples = { subject: [] as number[], floor: [] as number[] };
  for (let start = 0; start < changes.length; start += APPLY_BATCH) {
    const batch = changes.slice(start, start + APPLY_BATCH);
    let began = performance.now();
    applyPulledPage(app.db, terminalId, batch);
    samples.subject.push(performance.now() - began);
    const rows = rowsLeftBy(app.db, batch);
    began = performance.now();
    floor(rows);
    samples.floor.push(performance.now() - began);
  }
  // Honesty check: both sides hold the same rows, and nothing waited for a missing reference.
  const after = { app: rowCounts(app.db, tables), floor: rowCounts(floorDb, tables) };
  for (const table of tables) {
    const a = after.app[table]! - before.app[table]!;
    const f = after.floor[table]! - before.floor[table]!;
    if (a !== f) throw new Error(`a base não escreve as mesmas linhas: ${table} ${a} ≠ ${f}`);
  }
  if (after.app.sync_held !== 0) throw new Error(`${after.app.sync_held} alterações ficaram retidas`);
  figures['sync.apply_ratio'] = ratioFigure(samples.subject, samples.floor);
  app.close();
  floorDb.close();
}

const rowCounts = (db: Db, tables: Iterable<string>) => Object.fromEntries([...tables].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

interface TableRow {
  table: string;
  row: Row;
}

/**
 * What a batch left in the database, read back after it was applied: each change's own rows and
 * their child rows, in log order; the field stamps of reference data; then each derived state and
 * the cursor once, as they stand at the end of the batch.
 */
function rowsLeftBy(db: Db, batch: readonly SyncChange[]): TableRow[] {
  const rows: TableRow[] = [];
  const derived = new Map<string, TableRow>();
  const keep = (table: string, column: string, value: unknown) => {
    const row = db.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).get(value) as Row | undefined;
    if (row) derived.set(`${table}:${String(value)}`, { table, row });
  };
  for (const change of batch) {
    const entity = syncedEntity(change.entity)!;
    rows.push(...ownRows(db, entity, change.data));
    if (entity.kind === 'reference') {
      for (const row of db.prepare('SELECT * FROM change_field_stamps WHERE entity = ? AND entity_id = ?').all(change.entity, change.entityId) as Row[]) {
        rows.push({ table: 'change_field_stamps', row });
      }
    }
    const orderId = orderOf(db, change.entity, change.data);
    if (orderId) keep('order_state', 'order_id', orderId);
    if (change.entity === 'kitchen_ticket') keep('kitchen_ticket_state', 'ticket_id', change.data.id);
    if (change.entity === 'kitchen_event') keep('kitchen_ticket_state', 'ticket_id', change.data.ticketId);
    if (change.entity === 'stock_movement') keep('stock_levels', 'item_id', change.data.itemId);
  }
  rows.push(...derived.values());
  for (const row of db.prepare('SELECT * FROM sync_cursor').all() as Row[]) rows.push({ table: 'sync_cursor', row });
  return rows;
}

/** The entry's row (or, for a recipe, its rows) and the child rows hanging from them by foreign key. */
function ownRows(db: Db, entity: SyncedEntity, data: Row): TableRow[] {
  const where = entity.key.map((field) => `${snakeCase(field)} = ?`).join(' AND ');
  const found = new Map<string, Row[]>([[entity.table, db.prepare(`SELECT * FROM ${entity.table} WHERE ${where}`).all(...entity.key.map((f) => data[f])) as Row[]]]);
  for (const table of (entity.children ?? []).flatMap((c) => c.tables)) {
    if (found.has(table)) continue;
    const fk = (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string }[]).find((k) => found.has(k.table))!;
    const select = db.prepare(`SELECT * FROM ${table} WHERE ${fk.from} = ?`);
    found.set(table, found.get(fk.table)!.flatMap((parent) => select.all(parent[fk.to]) as Row[]));
  }
  return [...found].flatMap(([table, rows]) => rows.map((row) => ({ table, row })));
}

/** Writes rows with one prepared upsert per table and column set, in one IMMEDIATE transaction. */
function floorWriter(db: Db) {
  const statements = new Map<string, Statement<unknown[]>>();
  const write = db.transaction((rows: TableRow[]) => {
    for (const { table, row } of rows) {
      const columns = Object.keys(row);
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
        );
        statements.set(key, statement);
      }
      statement.run(...Object.values(row));
    }
  });
  return (rows: TableRow[]) => write.immediate(rows);
}

/**
 * Seconds a new terminal takes to catch up with everything `source` has pushed, through
 * SyncWorker.syncNow(), telling its screens how far it has come as it goes.
 */
async function catchUp(dir: string, connection: SyncConnection, openStore: (() => SyncStore) | undefined, source: App): Promise<number> {
  const sourceId = ensureTerminalId(source.db);
  const last = source.db.prepare('SELECT last_seq FROM change_log_state WHERE id = 1').pluck().get() as number;
  const behind = await blankTerminal(dir, source.db, connection, openStore);
  const progress: NonNullable<SyncStatus['progress']>[] = [];
  behind.app.events.subscribe((event) => {
    const told = event.type === 'sync.status' && (event.data as SyncStatus).progress;
    if (told) progress.push(told);
  });
  const began = performance.now();
  const status = await behind.app.sync.syncNow();
  const seconds = (performance.now() - began) / 1000;
  if (status.mode !== 'online' || status.held !== 0 || readPullCursor(behind.app.db)[sourceId] !== last) {
    throw new Error(`o terminal não alcançou a loja: ${JSON.stringify(status)}`);
  }
  // Honesty check: the screens heard the catch-up from its start to its end.
  if (progress[0]?.done !== 0 || progress.at(-1)?.done !== last || progress.at(-1)?.total !== last) {
    throw new Error(`o progresso não acompanhou: ${JSON.stringify([progress[0], progress.at(-1)])}`);
  }
  console.log(`Alcance de ${last} alterações (${connection.uri.startsWith('memoria:') ? 'memória' : 'FerretDB'}): ${progress.length} avisos de progresso às telas.`);
  behind.app.close();
  return seconds;
}

/**
 * sync.catchup_100k_ferretdb_s: a new terminal catches up through syncNow() with the rush's 100,000
 * changes on FerretDB. They are written there in bulk, as the rush's pushes would have left them
 * (each change, and its terminal holding all of them): pushing them one run at a time would spend
 * the time on the held-seq check after each push, which the push figure measures.
 * sync.catchup_ferretdb_floor_s: the same documents read by the bare driver in one query, the least
 * any catch-up from this server can cost.
 */
async function ferretDbCatchUp(figures: Figures, server: MongoTestServer, dir: string, source: App, changes: readonly SyncChange[]) {
  const connection = { uri: server.uri, database: freshDbName() };
  const client = new MongoClient(server.uri);
  const db = client.db(connection.database);
  try {
    const store = new MongoSyncStore({ uri: connection.uri, dbName: connection.database });
    await store.ensureIndexes();
    await store.close();
    for (let start = 0; start < changes.length; start += 1000) {
      await db.collection<ChangeDocument>('changes').insertMany(changes.slice(start, start + 1000).map(toDocument), { ordered: true });
    }
    await db.collection<{ _id: string; heldSeq: number }>('terminals').insertOne({ _id: ensureTerminalId(source.db), heldSeq: changes.length });
    const began = performance.now();
    let read = 0;
    for await (const _ of db.collection('changes').find({}, { batchSize: 2000 })) read += 1;
    if (read !== changes.length) throw new Error(`a leitura leu ${read} de ${changes.length}`);
    figures['sync.catchup_ferretdb_floor_s'] = plainFigure((performance.now() - began) / 1000, 's');
    console.log(`Leitura simples das ${read} alterações no FerretDB: ${figures['sync.catchup_ferretdb_floor_s'].median} s.`);
    // FerretDB sorts the whole log before its first reply, which on a busy machine can outlast the
    // 30 s a terminal gives one reply before taking the connection for dead.
    const patient = () => new MongoSyncStore({ uri: connection.uri, dbName: connection.database, socketTimeoutMS: 600_000 });
    figures['sync.catchup_100k_ferretdb_s'] = plainFigure(await catchUp(join(dir, 'ferret-catchup'), connection, patient, source), 's');
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

/** sync.push_per_s: a rush of 10,000 changes pushed to FerretDB by pushPending, as its worker would. */
async function ferretDbPush(figures: Figures, server: MongoTestServer, dir: string) {
  const connection = { uri: server.uri, database: freshDbName() };
  const store = new MongoSyncStore({ uri: connection.uri, dbName: connection.database });
  const rush = await lunchRush(join(dir, 'ferret-rush'), FERRETDB_PUSHED);
  const total = rush.app.db.prepare('SELECT last_seq FROM change_log_state WHERE id = 1').pluck().get() as number;
  try {
    const began = performance.now();
    const pushed = await pushPending(rush.app.db, store, ensureTerminalId(rush.app.db));
    const seconds = (performance.now() - began) / 1000;
    if (pushed.kind !== 'stored' || pushed.heldSeq !== total) throw new Error(`o envio parou em ${JSON.stringify(pushed)}`);
    figures['sync.push_per_s'] = plainFigure(total / seconds, 'changes/s');
  } finally {
    rush.app.close();
    await store.close();
    const client = new MongoClient(server.uri);
    await client.db(connection.database).dropDatabase();
    await client.close();
  }
}

/**
 * sale.sync_overhead_ratio: the five-line sale on a counter whose worker pushes its sales and pulls
 * another terminal's on a short timer (200 ms), while that terminal sells every 100 ms and pushes,
 * vs the same counter with sync off. Both counters are measured in alternating rounds while the other
 * terminal sells. The shop's server is the in-memory reference store: on FerretDB each pull reads the
 * whole collection (see above), so the worker spent the whole measurement in its first pull.
 */
async function syncOverhead(figures: Figures, dir: string) {
  const memory = new MemorySyncStore();
  const connection = { uri: 'memoria://loja', database: 'loja' };
  const openStore = () => memory;
  const synced = await counter(join(dir, 'synced'), { sync: { connection, openStore, activePollMs: 200, idlePollMs: 200 } });
  const plain = await counter(join(dir, 'plain'), { sync: { autoStart: false } });
  await synced.app.sync.syncNow();

  // The other terminal joins the shop with its join code, as a second counter does.
  const other = await blankTerminal(join(dir, 'other'), synced.app.db, connection, openStore);
  await call(other.app, 'setup.join', { joinCode: makeJoinCode(synced.app.db) });
  await other.app.sync.stop();
  const cashier = (await call(other.app, 'auth.login', { name: 'Caio Caixa', pin: '2580' })).token as string;
  await call(other.app, 'cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  const otherStore = openStore();
  let selling: Promise<void> | null = null;
  const sellAndPush = async () => {
    await call(other.app, 'orders.create', fiveLineSale(synced), cashier);
    await pushPending(other.app.db, otherStore, other.terminalId);
  };
  const producer = setInterval(() => {
    selling ??= sellAndPush().finally(() => (selling = null));
  }, 100);

  // A sale comes in as its own event (an IPC message, an HTTP request): each one first lets the timers
  // run, the worker's among them, so a sale that arrives while the worker applies a batch waits for it.
  const sale = async (shop: Shop) => {
    await yieldToTimers();
    return call(shop.app, 'orders.create', fiveLineSale(shop), shop.token);
  };
  const pushedBefore = readPushedSeq(synced.app.db);
  try {
    const samples = await compare(
      () => sale(synced),
      () => sale(plain),
      { rounds: 10, perRound: 100, warmup: 100 },
    );
    figures['sale.sync_overhead_ratio'] = ratioFigure(samples.subject, samples.floor);
  } finally {
    clearInterval(producer);
    await selling;
  }
  // Honesty check: the worker pushed this counter's sales and pulled the other's while they were timed.
  const pushed = readPushedSeq(synced.app.db) - pushedBefore;
  const pulled = readPullCursor(synced.app.db)[other.terminalId] ?? 0;
  if (pushed === 0 || pulled === 0) throw new Error(`o caixa não sincronizou durante a medida: ${pushed} enviadas, ${pulled} recebidas`);
  console.log(`Venda com sincronização (loja em memória): durante a medida o caixa enviou ${pushed} alterações e recebeu ${pulled} do outro.`);
  await otherStore.close();
  for (const shop of [synced.app, plain.app, other.app]) shop.close();
}
