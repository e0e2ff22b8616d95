import { mkdtempSync, rmSync } from 'node:fs';

import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { setImmediate as yieldToTimers } from 'node:timers/promises';
import { join } from 'node:path';
import { Agent, createServer, request, type Server } from 'node:http';
import { createApp, type App, type AppOptions } from '../src/app.js';
import { openDatabase, type Db } from '../src/database/connection.js';
import { WalCheckpointer } from '../src/database/wal-checkpointer.js';
import { createHttpBridge } from '../src/ipc/http-server.js';
import { LOGS_DIR } from '../src/database/data-dir.js';
import { createFileLogger } from '../src/logs/file-logger.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { compare, median, p99Figure, percentile, plainFigure, ratioFigure, type Figures } from './lib.js';

export async function call(app: App, operation: string, input: unknown, token?: string) {
  const outcome = await app.dispatcher.dispatch(operation, input, token);
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
  return outcome.result as any;
}

/**
 * A counter ready to sell: a menu with modifiers, a cashier's session, an open caixa; optionally recipes and a shop's server.
 * It logs as browser mode does (a file in the data folder, from info up): a log kept in memory would hold every call's trace.
 */
export async function counter(dir: string, { recipes = false, webhooks = false, sync }: { recipes?: boolean; webhooks?: boolean; sync?: AppOptions['sync'] } = {}) {
  const app = await createApp({ dataDir: dir, logger: createFileLogger({ dir: join(dir, LOGS_DIR), echoLevel: null }), webhooks: { autoStart: !webhooks }, sync });
  await call(app, 'setup.initialize', { shopName: 'Bancada', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
  const admin = (await call(app, 'auth.login', { name: 'Ana Admin', pin: '480135' })).token;
  const ponto = { id: newId(), options: [newId(), newId()] };
  const extras = { id: newId(), options: [newId(), newId(), newId()] };
  await call(app, 'catalog.saveModifierGroup', { id: ponto.id, name: 'Ponto', minChoices: 1, maxChoices: 1, options: ponto.options.map((id, i) => ({ id, name: `P${i}`, priceDelta: 0 })) }, admin);
  await call(app, 'catalog.saveModifierGroup', { id: extras.id, name: 'Adicionais', minChoices: 0, maxChoices: 3, options: extras.options.map((id, i) => ({ id, name: `A${i}`, priceDelta: 300 + i * 50 })) }, admin);
  const products = Array.from({ length: 5 }, () => newId());
  for (const [i, id] of products.entries()) {
    await call(app, 'catalog.saveProduct', { id, name: `Produto ${i}`, code: `P${i}`, price: 1000 + i * 250, station: i < 3 ? 'Chapa' : null, modifierGroupIds: i < 2 ? [ponto.id, extras.id] : [] }, admin);
  }
  if (recipes) {
    // Three ingredients per product: a five-line sale writes fifteen stock movements.
    const items = Array.from({ length: 15 }, () => newId());
    for (const [i, id] of items.entries()) {
      await call(app, 'stock.saveItem', { id, name: `Insumo ${i}`, baseUnit: 'g', minimum: 0 }, admin);
      await call(app, 'stock.receive', { id: newId(), lines: [{ id: newId(), itemId: id, quantity: 100_000_000, unitCost: 3 }] }, admin);
    }
    for (const [i, productId] of products.entries()) {
      await call(app, 'recipes.save', { productId, items: items.slice(i * 3, i * 3 + 3).map((itemId) => ({ itemId, quantity: 50_000 })) }, admin);
    }
  }
  await call(app, 'users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, admin);
  const token = (await call(app, 'auth.login', { name: 'Caio Caixa', pin: '2580' })).token as string;
  await call(app, 'cash.open', { id: newId(), openingFloat: 10_000 }, token);
  return { app, token, products, ponto, extras };
}

type Counter = Awaited<ReturnType<typeof counter>>;

/** 5 lines (two with modifiers and notes), paid by debit and cash with change. Total 133,00: change 7,00. */
export const fiveLineSale = ({ products, ponto, extras }: Counter) => ({
  id: newId(),
  type: 'balcao',
  customerName: 'Maria',
  lines: [
    { id: newId(), productId: products[0], quantity: 2, modifierOptionIds: [ponto.options[0], extras.options[0], extras.options[1]], notes: 'sem maionese' },
    { id: newId(), productId: products[1], quantity: 1, modifierOptionIds: [ponto.options[1]] },
    { id: newId(), productId: products[2], quantity: 1 },
    { id: newId(), productId: products[3], quantity: 3 },
    { id: newId(), productId: products[4], quantity: 1 },
  ],
  payments: [
    { id: newId(), method: 'debit', amount: 4000 },
    { id: newId(), method: 'cash', tendered: 10_000 },
  ],
});

/** One payment of a bare sale: method, amount, tendered, change. */
type BarePayment = readonly [method: string, amount: number, tendered: number | null, change: number | null];

/** The five-line sale's payments: debit and cash with change. */
const FIVE_LINE_PAYMENTS: readonly BarePayment[] = [['debit', 4000, null, null], ['cash', 5200, 10_000, 4800]];

/**
 * The floor: the same rows a sale writes (order number, order, lines, payments, events, kitchen
 * ticket, cached state, change log with one entry per line), written by prepared statements in one IMMEDIATE
 * transaction on a file opened with the same pragmas. `stations` says which lines go to the kitchen.
 */
function bareSale(db: Db, productIds: string[], { recipeItems = [], stations = productIds.map((_, i) => (i < 3 ? 'Chapa' : null)), payments = FIVE_LINE_PAYMENTS }: { recipeItems?: string[][]; stations?: (string | null)[]; payments?: readonly BarePayment[] } = {}) {
  const sessionId = newId();
  db.prepare("INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES (?, 't', 'u', 'U', 0, 0, '')").run(sessionId);
  const s = {
    counter: db.prepare("INSERT INTO order_counters (terminal_id, business_day, last_number) VALUES ('t', '2026-11-29', 1) ON CONFLICT (terminal_id, business_day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number"),
    order: db.prepare("INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, customer_name, pager, created_by, created_by_name, created_at, cash_session_id, hlc) VALUES (?, 't', '2026-11-29', ?, ?, 'balcao', 'Maria', NULL, 'u', 'Caio', ?, ?, 'h')"),
    line: db.prepare('INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, notes, station, discount, total, added_by, added_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)'),
    payment: db.prepare("INSERT INTO payments (id, order_id, cash_session_id, method, amount, tendered, change, received_by, at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, 'u', ?, 'h')"),
    event: db.prepare("INSERT INTO order_events (id, order_id, kind, by_user, by_name, at, reason, approver_id, approver_name, hlc) VALUES (?, ?, ?, 'u', 'Caio', ?, NULL, NULL, NULL, 'h')"),
    ticket: db.prepare("INSERT INTO kitchen_tickets (id, order_id, created_at, hlc) VALUES (?, ?, ?, 'h')"),
    ticketItem: db.prepare('INSERT INTO kitchen_ticket_items (ticket_id, line_id, part, station) VALUES (?, ?, 0, ?)'),
    ticketState: db.prepare("INSERT INTO kitchen_ticket_state (ticket_id, order_id, status, status_at) VALUES (?, ?, 'queued', ?)"),
    state: db.prepare("INSERT INTO order_state (order_id, status, subtotal, discount, total, paid, paid_at, status_at) VALUES (?, 'paid', 9200, 0, 9200, 9200, ?, ?)"),
    seq: db.prepare('UPDATE change_log_state SET last_seq = last_seq + 1, last_hlc = ? WHERE id = 1 RETURNING last_seq'),
    change: db.prepare("INSERT INTO change_log (terminal_seq, id, terminal_id, hlc, entity, entity_id, op, data, at) VALUES (?, ?, 't', ?, ?, ?, 'insert', ?, ?)"),
    movement: db.prepare("INSERT INTO stock_movements (id, item_id, kind, quantity, value, order_id, order_line_id, by_user, by_name, at, hlc) VALUES (?, ?, 'venda', ?, ?, ?, ?, 'u', 'Caio', ?, 'h')"),
    level: db.prepare('INSERT INTO stock_levels (item_id, quantity, value, rate_value, rate_quantity, updated_at) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (item_id) DO UPDATE SET quantity = stock_levels.quantity + excluded.quantity, value = stock_levels.value + excluded.value, updated_at = excluded.updated_at'),
  };
  const change = (entity: string, entityId: string, data: unknown, at: number) => {
    const hlc = String(at);
    const { last_seq } = s.seq.get(hlc) as { last_seq: number };
    s.change.run(last_seq, newId(), hlc, entity, entityId, JSON.stringify(data), at);
  };
  return db.transaction(() => {
    const now = Date.now();
    const orderId = newId();
    const { last_number: number } = s.counter.get() as { last_number: number };
    s.order.run(orderId, number, `A-${number}`, now, sessionId);
    change('order', orderId, { number, type: 'balcao', customerName: 'Maria' }, now);
    const lines = productIds.map((productId, i) => {
      const id = newId();
      for (const itemId of recipeItems[i] ?? []) {
        const movementId = newId();
        s.movement.run(movementId, itemId, -50_000, -150, orderId, id, now);
        s.level.run(itemId, -50_000, -150, now);
        change('stock_movement', movementId, { itemId, quantity: -50_000, value: -150, orderId, lineId: id }, now);
      }
      const line = { id, orderId, position: i, productId, name: `Produto ${i}`, quantity: 1, unitPrice: 1000, modifiers: '[{"optionId":"x","name":"P0","priceDelta":0}]', combo: '[]', notes: i === 0 ? 'sem maionese' : null, station: stations[i] ?? null, discount: 0, total: 1000, cost: 0, addedBy: 'u', addedAt: now };
      s.line.run(id, orderId, i, productId, line.name, 1, 1000, line.modifiers, line.combo, line.notes, line.station, 1000, 'u', now, 'h');
      change('order_line', id, line, now);
      return { id, productId, station: line.station };
    });
    for (const kind of ['opened', 'paid']) {
      const id = newId();
      s.event.run(id, orderId, kind, now);
      change('order_event', id, { kind }, now);
    }
    for (const [method, amount, tendered, back] of payments) {
      const id = newId();
      s.payment.run(id, orderId, sessionId, method, amount, tendered, back, now);
      change('payment', id, { method, amount, tendered, change: back }, now);
    }
    const ticketId = newId();
    s.ticket.run(ticketId, orderId, now);
    for (const line of lines.filter((l) => l.station)) s.ticketItem.run(ticketId, line.id, line.station);
    s.ticketState.run(ticketId, orderId, now);
    change('kitchen_ticket', ticketId, { orderId }, now);
    s.state.run(orderId, now, now);
  });
}

const FACT_TABLES = ['orders', 'order_lines', 'payments', 'order_events', 'kitchen_tickets', 'kitchen_ticket_items', 'order_state', 'change_log', 'stock_movements'];
const rowsPerTable = (db: Db) => Object.fromEntries(FACT_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
type RowCounts = ReturnType<typeof rowsPerTable>;

/** Honesty check: the app and its floor wrote the same rows per sale. */
function checkSameRows(before: { app: RowCounts; floor: RowCounts }, after: { app: RowCounts; floor: RowCounts }) {
  for (const table of FACT_TABLES) {
    const a = after.app[table]! - before.app[table]!;
    const f = after.floor[table]! - before.floor[table]!;
    if (a !== f) throw new Error(`a base não escreve as mesmas linhas: ${table} ${a} ≠ ${f}`);
  }
}

/** The floor's file: the app's pragmas, and its WAL folded into the file by a thread as the app's is. */
function floorDatabase(file: string) {
  const db = openDatabase(file);
  const checkpoints = new WalCheckpointer({ db, file, logger: new MemoryLogger().logger });
  checkpoints.start();
  return {
    db,
    close: async () => {
      await checkpoints.stop();
      db.close();
    },
  };
}

/** `count` products for the floor's lines to point at. */
function seedBareProducts(db: Db, count: number): string[] {
  const ids = Array.from({ length: count }, () => newId());
  for (const id of ids) db.prepare("INSERT INTO products (id, name, search_key, code, price, kind, active, sold_out, created_at, updated_at, hlc) VALUES (?, 'p', 'p', ?, 100, 'simple', 1, 0, 0, 0, '')").run(id, id);
  return ids;
}

/** The five-line sale through the dispatcher against its bare-SQLite floor, same run; checks both wrote the same rows. */
async function measureSale(recipes: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-sale-'));
  const shop = await counter(dir, { recipes });
  const floor = floorDatabase(join(dir, 'bare.sqlite3'));
  const floorIds = seedBareProducts(floor.db, 5);
  const recipeItems = recipes ? floorIds.map(() => Array.from({ length: 3 }, () => newId())) : [];
  for (const id of recipeItems.flat()) floor.db.prepare("INSERT INTO stock_items (id, name, search_key, base_unit, minimum, active, created_at, updated_at, hlc) VALUES (?, 'i', 'i', 'g', 0, 1, 0, 0, '')").run(id);
  const writeBare = bareSale(floor.db, floorIds, { recipeItems });

  const before = { app: rowsPerTable(shop.app.db), floor: rowsPerTable(floor.db) };
  // Each sale comes as its own event (an IPC message, an HTTP request): the loop runs its timers in
  // between, the WAL checkpointer's among them, on both sides.
  const samples = await compare(
    async () => {
      await yieldToTimers();
      const sale = await call(shop.app, 'orders.create', fiveLineSale(shop), shop.token);
      if (sale.change !== 700) throw new Error(`troco inesperado: ${sale.change}`);
    },
    async () => {
      await yieldToTimers();
      writeBare.immediate();
    },
    { rounds: 10, perRound: 100, warmup: 100 },
  );
  checkSameRows(before, { app: rowsPerTable(shop.app.db), floor: rowsPerTable(floor.db) });
  shop.app.close();
  await floor.close();
  rmSync(dir, { recursive: true, force: true });
  return samples;
}

/** sale.ratio and sale.p99_ms: the sale script (5 lines, modifiers, split payment) vs its floor. */
export async function saleRatio(figures: Figures) {
  const samples = await measureSale(false);
  figures['sale.ratio'] = ratioFigure(samples.subject, samples.floor);
  figures['sale.p99_ms'] = plainFigure(percentile(samples.subject, 99), 'ms');
}

/** sale_with_recipe.ratio: the same sale of five products with recipes (15 stock movements) vs its floor. */
export async function saleWithRecipeRatio(figures: Figures) {
  const samples = await measureSale(true);
  figures['sale_with_recipe.ratio'] = ratioFigure(samples.subject, samples.floor);
}

/**
 * sale.http_ms, sale.http_p99_ms and sale.http_ratio: a whole sale as the counter screen sends it —
 * one request that creates and pays (3 lines, cash with change) — timed by a client on loopback,
 * durable settings, 2,000 sales. The floor, in alternating rounds: the same request body to a bare
 * Node HTTP echo answering a body of the sale's reply size, same client, then the bare transaction
 * writing the same rows (checked table by table).
 */
export async function saleOverHttp(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-http-'));
  const shop = await counter(dir);
  const server = createHttpBridge(shop.app);
  let replySize = 0;
  const echo = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(Buffer.alloc(replySize, 0x20));
    });
  });
  const portOf = async (listener: Server) => {
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    return (listener.address() as AddressInfo).port;
  };
  const salePort = await portOf(server);
  const echoPort = await portOf(echo);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (port: number, body: string) =>
    new Promise<{ status: number; size: number }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/orders.create', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${shop.token}`, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let size = 0;
          res.on('data', (chunk: Buffer) => (size += chunk.length));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, size }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const sale = () =>
    JSON.stringify({
      id: newId(),
      type: 'balcao',
      lines: [
        { id: newId(), productId: shop.products[0], quantity: 1, modifierOptionIds: [shop.ponto.options[0]] },
        { id: newId(), productId: shop.products[2], quantity: 2 },
        { id: newId(), productId: shop.products[4], quantity: 1 },
      ],
      payments: [{ id: newId(), method: 'cash', tendered: 10_000 }],
    });
  const floor = floorDatabase(join(dir, 'bare.sqlite3'));
  // Products 0 and 2 go to the grill, product 4 to no station; one cash payment with change.
  const writeBare = bareSale(floor.db, seedBareProducts(floor.db, 3), { stations: ['Chapa', 'Chapa', null], payments: [['cash', 6000, 10_000, 4000]] });
  replySize = (await post(salePort, sale())).size;

  const before = { app: rowsPerTable(shop.app.db), floor: rowsPerTable(floor.db) };
  const samples = await compare(
    async () => {
      const { status } = await post(salePort, sale());
      if (status !== 200) throw new Error(`venda falhou com HTTP ${status}`);
    },
    async () => {
      await post(echoPort, sale());
      writeBare.immediate();
    },
    { rounds: 20, perRound: 100, warmup: 100 },
  );
  checkSameRows(before, { app: rowsPerTable(shop.app.db), floor: rowsPerTable(floor.db) });
  figures['sale.http_ms'] = plainFigure(median(samples.subject), 'ms');
  figures['sale.http_p99_ms'] = plainFigure(percentile(samples.subject, 99), 'ms');
  figures['sale.http_ratio'] = ratioFigure(samples.subject, samples.floor);
  agent.destroy();
  for (const listener of [server, echo]) {
    listener.closeAllConnections();
    listener.close();
  }
  await floor.close();
  shop.app.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * sale.p99_during_logins_ms: the p99 of the five-line sale while someone logs in five times a second (each login
 * checks a bcrypt PIN hash), against the p99 of the same sales with no login (its floor), same counter, same run. Between
 * sales the loop lets timers run, as a server between requests does, so the logins really interleave.
 */
export async function salesDuringLogins(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-logins-'));
  const shop = await counter(dir);
  const timeSales = async (count: number) => {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const start = performance.now();
      await call(shop.app, 'orders.create', fiveLineSale(shop), shop.token);
      samples.push(performance.now() - start);
    }
    return samples;
  };
  await timeSales(200);
  const alone = await timeSales(2000);
  const logins: Promise<unknown>[] = [];
  const started = performance.now();
  const timer = setInterval(() => logins.push(call(shop.app, 'auth.login', { name: 'Ana Admin', pin: '480135' })), 200);
  const during = await timeSales(2000);
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(logins);
  if (logins.length < Math.floor(seconds * 5 * 0.8)) throw new Error(`poucos logins durante as vendas: ${logins.length} em ${seconds.toFixed(1)} s`);
  figures['sale.p99_during_logins_ms'] = p99Figure(during, alone);
  shop.app.close();
  rmSync(dir, { recursive: true, force: true });
}
