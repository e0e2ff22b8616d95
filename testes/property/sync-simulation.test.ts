import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/database/connection.js';
import { listChanges } from '../../src/database/queries/change-log.js';
import { countHeldChanges, readPullCursor, readPushedSeq } from '../../src/database/queries/sync.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import type { SyncChange, SyncStore } from '../../src/sync/sync-store.js';
import { SYNCED_ENTITIES } from '../../src/sync/tables.js';
import { parseHlc } from '../../src/utils/hlc.js';
import { newId } from '../../src/utils/ids.js';
import { card, line } from '../helpers/catalog-fixture.js';
import type { Fault } from '../helpers/faulty-sync-store.js';
import { mongoForThisFile, mongoStoreOn, pullAll } from '../helpers/sync-fixtures.js';
import { OPENING_FLOAT, SimShop, type SimTerminal } from '../helpers/sync-simulation.js';

/**
 * The sync, simulated (design §5): 3 to 5 terminals, each a real app on its own SQLite file with its
 * own clock, sell, move cash, receive goods and edit the same products, over a network that drops
 * requests, loses replies after the server stored them, duplicates and reorders them. Terminals go
 * offline for long stretches, are killed between the local commit and marking a run sent, are
 * restored from older copies of their database, and their clocks drift ±2 min across the 04:00 turn
 * of the business day. Then the network heals and every terminal syncs until all are quiet, and the
 * shop must agree with itself and with the model: every fact once everywhere, every terminal's log
 * on the server whole, the same sales, caixas and stock everywhere, each product field at the value
 * with the highest clock, no order number used twice in a terminal's business day.
 *
 * A failure prints the seed and the path; BALCAO_SIM_SEED and BALCAO_SIM_PATH replay it.
 */
const mongo = await mongoForThisFile('sync (simulação)');

const PRODUCTS = ['batata', 'xsalada', 'refri', 'pao'] as const;
type ProductKey = (typeof PRODUCTS)[number];
const ITEMS = ['batata', 'pao', 'carne', 'lata'] as const;
type ItemKey = (typeof ITEMS)[number];
/** What one unit of each product takes from stock (seedStock's recipes). */
const RECIPES: Record<ProductKey, Partial<Record<ItemKey, number>>> = {
  batata: { batata: 200_000 },
  xsalada: { pao: 1000, carne: 150_000 },
  refri: { lata: 1000 },
  pao: {},
};

interface Sale {
  orderId: string;
  terminal: number;
  epoch: number;
  total: number;
  method: 'cash' | 'debit';
  product: ProductKey;
  quantity: number;
}
interface CashMove {
  id: string;
  terminal: number;
  epoch: number;
  kind: 'suprimento' | 'sangria';
  amount: number;
}
interface Receipt {
  movementId: string;
  terminal: number;
  epoch: number;
  item: ItemKey;
  quantity: number;
}

/** What the shop did, as the cashiers saw it, and when each terminal was restored from which copy. */
class Model {
  epoch = 0;
  readonly sales: Sale[] = [];
  readonly cashMoves: CashMove[] = [];
  readonly receipts: Receipt[] = [];
  readonly snapshots: number[][];
  readonly restores: { terminal: number; from: number; at: number }[] = [];
  killedMidRound = 0;
  constructor(readonly terminals: number) {
    this.snapshots = Array.from({ length: terminals }, () => []);
  }
  /** Made after the copy a later restore went back to: the server may never have heard of it. */
  mayBeLost(terminal: number, epoch: number): boolean {
    return this.restores.some((r) => r.terminal === terminal && r.from < epoch && epoch < r.at);
  }
}

type Command = fc.AsyncCommand<Model, SimShop>;

function command(label: string, check: (m: Readonly<Model>) => boolean, run: (m: Model, shop: SimShop) => Promise<void>): Command {
  return {
    check,
    async run(m, shop) {
      m.epoch += 1;
      await run(m, shop);
    },
    toString: () => label,
  };
}

/** Most commands go to the first two terminals, so that what one does often meets what the other did. */
const terminal = fc.oneof({ arbitrary: fc.constantFrom(0, 1), weight: 3 }, { arbitrary: fc.nat({ max: 4 }), weight: 1 });
const exists = (i: number) => (m: Readonly<Model>) => i < m.terminals;
const price = (db: Db, productId: string) => db.prepare('SELECT price FROM products WHERE id = ?').pluck().get(productId) as number;

const sell = fc
  .record({ i: terminal, product: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 3 }), method: fc.constantFrom('cash' as const, 'debit' as const), extra: fc.nat({ max: 5000 }) })
  .map(({ i, product, quantity, method, extra }) =>
    command(`sell(${i}, ${product} x${quantity}, ${method})`, exists(i), async (m, shop) => {
      const term = shop.terminals[i]!;
      const total = price(term.t.app.db, shop.menu.p[product]) * quantity;
      const payment = method === 'cash' ? { id: newId(), method: 'cash' as const, tendered: total + extra } : card('debit', total);
      const order = await shop.ok(term, 'orders.create', { id: newId(), type: 'balcao', lines: [line(shop.menu.p[product], quantity)], payments: [payment] });
      // The sale charges this terminal's price of the moment, whatever the others set since.
      expect(order.total).toBe(total);
      m.sales.push({ orderId: order.id, terminal: i, epoch: m.epoch, total, method, product, quantity });
    }),
  );

const cashMove = fc
  .record({ i: terminal, kind: fc.constantFrom('suprimento' as const, 'sangria' as const), amount: fc.integer({ min: 1, max: 20_000 }) })
  .map(({ i, kind, amount }) =>
    command(`cash(${i}, ${kind} ${amount})`, exists(i), async (m, shop) => {
      const term = shop.terminals[i]!;
      // A sangria never takes more than the drawer should hold, as this terminal knows it.
      const taken = kind === 'sangria' ? Math.min(amount, (await shop.ok(term, 'cash.report', {})).cash.expected) : amount;
      if (taken <= 0) return;
      const id = newId();
      await shop.ok(term, 'cash.movement', { id, kind, amount: taken, reason: 'Simulação' });
      m.cashMoves.push({ id, terminal: i, epoch: m.epoch, kind, amount: taken });
    }),
  );

const receive = fc
  .record({ i: terminal, item: fc.constantFrom(...ITEMS), quantity: fc.integer({ min: 1, max: 50 }), unitCost: fc.integer({ min: 1, max: 3000 }) })
  .map(({ i, item, quantity, unitCost }) =>
    command(`receive(${i}, ${item} ${quantity}000)`, exists(i), async (m, shop) => {
      const term = shop.terminals[i]!;
      const lineQuantity = quantity * 1000;
      const { movementIds } = await shop.ok(term, 'stock.receive', { id: newId(), confirmed: true, lines: [{ id: newId(), itemId: shop.items[item], quantity: lineQuantity, unitCost }] });
      m.receipts.push({ movementId: movementIds[0]!, terminal: i, epoch: m.epoch, item, quantity: lineQuantity });
    }),
  );

const NAMES = ['da casa', 'especial', 'grande', 'promoção'];
const edit = fc
  .record({
    i: terminal,
    product: fc.constantFrom('batata' as const, 'xsalada' as const, 'pao' as const),
    change: fc.oneof(fc.record({ price: fc.integer({ min: 3, max: 40 }).map((p) => p * 100) }), fc.record({ suffix: fc.constantFrom(...NAMES) })),
  })
  .map(({ i, product, change }) =>
    command(`edit(${i}, ${product}, ${JSON.stringify(change)})`, exists(i), async (_m, shop) => {
      const term = shop.terminals[i]!;
      const id = shop.menu.p[product];
      const row = term.t.app.db
        .prepare('SELECT name, code, price, category_id AS categoryId, station FROM products WHERE id = ?')
        .get(id) as { name: string; code: string; price: number; categoryId: string | null; station: string | null };
      const name = 'suffix' in change ? `${row.name.split(' (')[0]} (${change.suffix})` : row.name;
      await shop.ok(term, 'catalog.saveProduct', { id, name, code: row.code, price: 'price' in change ? change.price : row.price, categoryId: row.categoryId, station: row.station });
    }),
  );

const FAULTS: Fault[] = ['drop', 'lose-reply', 'duplicate', 'delay'];
const syncRound = fc
  .record({ i: terminal, faults: fc.oneof(fc.constant([]), fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 3 })) })
  .map(({ i, faults }) =>
    command(`sync(${i}, [${faults.join(', ')}])`, exists(i), async (_m, shop) => {
      const term = shop.terminals[i]!;
      term.link.plan(...faults);
      const status = await term.t.app.sync.syncNow();
      term.link.clearPlan();
      // Over a clean link a round always gets through, a restored terminal's recovery included.
      if (faults.length === 0 && !term.link.offline) expect(status).toMatchObject({ mode: 'online', lastError: null });
    }),
  );

const network = fc.record({ i: terminal, offline: fc.boolean() }).map(({ i, offline }) =>
  command(`${offline ? 'offline' : 'online'}(${i})`, exists(i), async (_m, shop) => {
    shop.terminals[i]!.link.offline = offline;
  }),
);

const deliverLate = fc.record({ i: terminal, which: fc.constantFrom('oldest' as const, 'newest' as const) }).map(({ i, which }) =>
  command(`deliverLate(${i}, ${which})`, exists(i), async (_m, shop) => {
    await shop.terminals[i]!.link.deliverDelayed(which);
  }),
);

const kill = terminal.map((i) =>
  command(`kill(${i})`, exists(i), async (m, shop) => {
    if (await shop.killMidRound(shop.terminals[i]!)) m.killedMidRound += 1;
  }),
);

const snapshot = terminal.map((i) =>
  command(`snapshot(${i})`, exists(i), async (m, shop) => {
    shop.snapshot(shop.terminals[i]!);
    m.snapshots[i]!.push(m.epoch);
  }),
);

const restore = fc.record({ i: terminal, pick: fc.nat() }).map(({ i, pick }) =>
  command(
    `restore(${i}, copy ${pick} mod copies)`,
    (m) => i < m.terminals && m.snapshots[i]!.length > 0,
    async (m, shop) => {
      const term = shop.terminals[i]!;
      const k = pick % term.snapshots.length;
      await shop.restore(term, term.snapshots[k]!);
      m.restores.push({ terminal: i, from: m.snapshots[i]![k]!, at: m.epoch });
    },
  ),
);

const HOUR = 3_600_000;
const advance = fc.oneof(fc.integer({ min: 1, max: 30 }).map((min) => min * 60_000), fc.integer({ min: 1, max: 20 }).map((h) => h * HOUR)).map((ms) =>
  command(`advance(${ms / 60_000} min)`, () => true, async (_m, shop) => shop.advance(ms)),
);

const skew = fc.record({ i: terminal, seconds: fc.integer({ min: -120, max: 120 }) }).map(({ i, seconds }) =>
  command(`skew(${i}, ${seconds}s)`, exists(i), async (_m, shop) => {
    const term = shop.terminals[i]!;
    term.skewMs = seconds * 1000;
    shop.setClock(term);
  }),
);

/** A plain array rather than fc.commands: a run needs enough steps for its faults to meet, every time. */
const commands = (length: { minLength: number; maxLength: number }) =>
  fc.array(
    fc.oneof(
      { arbitrary: sell, weight: 10 },
      { arbitrary: cashMove, weight: 2 },
      { arbitrary: receive, weight: 3 },
      { arbitrary: edit, weight: 4 },
      { arbitrary: syncRound, weight: 8 },
      { arbitrary: network, weight: 3 },
      { arbitrary: deliverLate, weight: 2 },
      { arbitrary: kill, weight: 1 },
      { arbitrary: snapshot, weight: 3 },
      { arbitrary: restore, weight: 3 },
      { arbitrary: advance, weight: 2 },
      { arbitrary: skew, weight: 1 },
    ),
    length,
  );

/** Heals the network, lets late requests land, and syncs every terminal until none moves. */
async function healAndQuiet(shop: SimShop): Promise<void> {
  for (const term of shop.terminals) {
    term.link.clearPlan();
    term.link.offline = false;
    while (term.link.delayedCount > 0) await term.link.deliverDelayed('oldest');
  }
  const where = (term: SimTerminal) => {
    const { db } = term.t.app;
    return JSON.stringify([readPullCursor(db), readPushedSeq(db), listChanges(db, 0, 1e9).length, countHeldChanges(db)]);
  };
  for (let pass = 1; ; pass++) {
    let moved = false;
    for (const term of shop.terminals) {
      const before = where(term);
      const status = await shop.expectClean(term);
      moved ||= status.waiting > 0 || status.held > 0 || where(term) !== before;
    }
    if (!moved) return;
    if (pass === 10) throw new Error('Os terminais não sossegaram depois de 10 rodadas de sincronização.');
  }
}

/** Who wins a field: the later wall time, then the higher counter, then the higher terminal id (design §4). */
function later(a: string, b: string): boolean {
  const x = parseHlc(a);
  const y = parseHlc(b);
  return x.wall !== y.wall ? x.wall > y.wall : x.counter !== y.counter ? x.counter > y.counter : x.node > y.node;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

async function expectConverged(shop: SimShop, m: Model): Promise<void> {
  const log: SyncChange[] = await pullAll(shop.server);
  const dbs = shop.terminals.map((term) => term.t.app.db);

  // Every change once; each terminal's log on the server contiguous, and the same as its own.
  expect(new Set(log.map((c) => c.id)).size).toBe(log.length);
  for (const term of shop.terminals) {
    const own = log.filter((c) => c.terminalId === term.id).sort((a, b) => a.terminalSeq - b.terminalSeq);
    expect(own.map((c) => c.terminalSeq), `log de ${term.name} no servidor`).toEqual(own.map((_, i) => i + 1));
    expect(listChanges(term.t.app.db, 0, 1e9).map((c) => c.id), `log local de ${term.name}`).toEqual(own.map((c) => c.id));
  }

  // Every fact exactly once on the server, and every terminal holds exactly the server's facts.
  for (const [entity, spec] of Object.entries(SYNCED_ENTITIES)) {
    if (spec.kind !== 'fact') continue;
    const onServer = log.filter((c) => c.entity === entity).map((c) => c.entityId);
    expect(new Set(onServer).size, `${entity} repetido no servidor`).toBe(onServer.length);
    const key = spec.key.map(snake).join(` || '|' || `);
    for (const [t, db] of dbs.entries()) {
      const local = db.prepare(`SELECT ${key} FROM ${spec.table}`).pluck().all() as string[];
      expect(local.sort(), `${entity} em ${shop.terminals[t]!.name}`).toEqual([...onServer].sort());
    }
  }

  // The same orders everywhere, as the server numbers them; no number twice in a terminal's day.
  const orders = (db: Db) =>
    db
      .prepare('SELECT o.id, o.terminal_id AS terminalId, o.business_day AS businessDay, o.number, o.display_number AS displayNumber, s.total, s.status FROM orders o JOIN order_state s ON s.order_id = o.id ORDER BY o.id')
      .all() as { id: string; terminalId: string; businessDay: string; number: number; displayNumber: string; total: number }[];
  const reference = orders(dbs[0]!);
  for (const db of dbs.slice(1)) expect(orders(db)).toEqual(reference);
  const serverOrders = log.filter((c) => c.entity === 'order').map((c) => c.data as { id: string; number: number; displayNumber: string });
  expect(serverOrders.map((o) => [o.id, o.number, o.displayNumber]).sort()).toEqual(reference.map((o) => [o.id, o.number, o.displayNumber]).sort());
  const numbers = reference.map((o) => `${o.businessDay} ${o.displayNumber}`);
  expect(numbers.filter((n, i) => numbers.indexOf(n) !== i), 'números de pedido repetidos no dia').toEqual([]);

  // The model: what the cashiers did is there, at the totals they were charged. Only what a restore
  // went back before may be missing, and then it is missing everywhere (checked above).
  const present = new Set(reference.map((o) => o.id));
  const totals = new Map(reference.map((o) => [o.id, o.total]));
  const sales = m.sales.filter((s) => present.has(s.orderId));
  for (const sale of m.sales) {
    if (!present.has(sale.orderId)) expect(m.mayBeLost(sale.terminal, sale.epoch), `venda perdida: ${JSON.stringify(sale)}`).toBe(true);
    else expect(totals.get(sale.orderId)).toBe(sale.total);
  }
  const cashIds = new Set(dbs[0]!.prepare('SELECT id FROM cash_movements').pluck().all() as string[]);
  const moves = m.cashMoves.filter((c) => cashIds.has(c.id));
  for (const move of m.cashMoves) if (!cashIds.has(move.id)) expect(m.mayBeLost(move.terminal, move.epoch), `movimento de caixa perdido: ${JSON.stringify(move)}`).toBe(true);
  const stockIds = new Set(dbs[0]!.prepare('SELECT id FROM stock_movements').pluck().all() as string[]);
  const receipts = m.receipts.filter((r) => stockIds.has(r.movementId));
  for (const receipt of m.receipts) if (!stockIds.has(receipt.movementId)) expect(m.mayBeLost(receipt.terminal, receipt.epoch), `entrada perdida: ${JSON.stringify(receipt)}`).toBe(true);

  // Each caixa's figures, read on every terminal, are the model's.
  for (const [i, owner] of shop.terminals.entries()) {
    const mine = sales.filter((s) => s.terminal === i);
    const sum = (list: { total: number }[]) => list.reduce((acc, s) => acc + s.total, 0);
    const movedIn = moves.filter((c) => c.terminal === i && c.kind === 'suprimento').reduce((acc, c) => acc + c.amount, 0);
    const movedOut = moves.filter((c) => c.terminal === i && c.kind === 'sangria').reduce((acc, c) => acc + c.amount, 0);
    const cashSales = sum(mine.filter((s) => s.method === 'cash'));
    const expected = {
      cash: OPENING_FLOAT + cashSales + movedIn - movedOut,
      orders: { count: mine.length, total: sum(mine) },
      cashSales,
      debitSales: sum(mine.filter((s) => s.method === 'debit')),
    };
    for (const term of shop.terminals) {
      const report = await shop.ok(term, 'cash.report', { sessionId: owner.sessionId });
      const methodSales = (method: string) => report.methods.find((line) => line.method === method)?.sales ?? 0;
      expect(
        { cash: report.cash.expected, orders: { count: report.orders.count, total: report.orders.total }, cashSales: methodSales('cash'), debitSales: methodSales('debit') },
        `caixa de ${owner.name} visto em ${term.name}`,
      ).toEqual(expected);
    }
  }

  // Stock on hand: the receipts less what the sales' recipes took, the same on every terminal.
  for (const item of ITEMS) {
    const received = receipts.filter((r) => r.item === item).reduce((acc, r) => acc + r.quantity, 0);
    const taken = sales.reduce((acc, s) => acc + (RECIPES[s.product][item] ?? 0) * s.quantity, 0);
    const levels = dbs.map((db) => db.prepare('SELECT quantity, value FROM stock_levels WHERE item_id = ?').get(shop.items[item]) ?? { quantity: 0, value: 0 });
    for (const level of levels) expect(level, `estoque de ${item}`).toEqual({ ...levels[0], quantity: received - taken });
  }

  // Each product field holds the value written with the highest clock, on every terminal.
  for (const product of PRODUCTS) {
    const id = shop.menu.p[product];
    const writes = log.filter((c) => c.entity === 'product' && c.entityId === id);
    for (const field of ['name', 'price'] as const) {
      const winner = writes.filter((c) => c.data[field] !== undefined).reduce((best, c) => (later(c.hlc, best.hlc) ? c : best));
      for (const [t, db] of dbs.entries()) {
        expect(db.prepare(`SELECT ${field} FROM products WHERE id = ?`).pluck().get(id), `${product}.${field} em ${shop.terminals[t]!.name}`).toBe(winner.data[field]);
      }
    }
  }
}

interface Run {
  store: () => Promise<{ store: SyncStore; cleanup(): Promise<void> }>;
  numRuns: number;
  minLength: number;
  maxLength: number;
}

/** What the runs went through, so a green run shows it met the hard cases. */
interface Seen {
  runs: number;
  sales: number;
  lost: number;
  restores: number;
  renumbered: number;
  killedMidRound: number;
}

function tally(seen: Seen, shop: SimShop, m: Model): void {
  const orders = shop.terminals[0]!.t.app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  seen.runs += 1;
  seen.sales += m.sales.length;
  seen.lost += m.sales.length - orders;
  seen.restores += m.restores.length;
  seen.killedMidRound += m.killedMidRound;
  for (const term of shop.terminals) seen.renumbered += term.t.app.db.prepare('SELECT count(*) FROM order_renumberings').pluck().get() as number;
}

async function simulate(label: string, { store: open, numRuns, ...length }: Run): Promise<void> {
  const seen: Seen = { runs: 0, sales: 0, lost: 0, restores: 0, renumbered: 0, killedMidRound: 0 };
  const seed = process.env.BALCAO_SIM_SEED ? Number(process.env.BALCAO_SIM_SEED) : Date.now() ^ (Math.random() * 0x1_0000_0000);
  const path = process.env.BALCAO_SIM_PATH;
  const property = fc.asyncProperty(fc.integer({ min: 3, max: 5 }), commands(length), async (count, cmds) => {
    const { store, cleanup } = await open();
    const shop = await SimShop.open(store, count);
    const model = new Model(count);
    try {
      await fc.asyncModelRun(() => ({ model, real: shop }), cmds);
      await healAndQuiet(shop);
      await expectConverged(shop, model);
      tally(seen, shop, model);
    } finally {
      await shop.close();
      await cleanup();
    }
  });
  const details = await fc.check(property, { seed, numRuns: Number(process.env.BALCAO_SIM_RUNS) || numRuns, ...(path ? { path } : {}), endOnFailure: !process.env.BALCAO_SIM_SHRINK });
  if (details.failed) {
    const replay = `BALCAO_SIM_SEED=${details.seed} BALCAO_SIM_PATH=${details.counterexamplePath} npx vitest run testes/property/sync-simulation.test.ts`;
    console.error(`Simulação falhou. Repita com: ${replay}`);
    throw new Error(`${fc.defaultReportMessage(details)}\nRepita com: ${replay}`, { cause: details.errorInstance });
  }
  console.log(
    `sync (simulação) ${label}: semente ${seed}, ${seen.runs} execuções, ${seen.sales} vendas (${seen.lost} perdidas com um backup), ` +
      `${seen.restores} restaurações, ${seen.renumbered} pedidos renumerados, ${seen.killedMidRound} terminais mortos no meio de uma rodada`,
  );
}

/** A longer soak (BALCAO_SIM_RUNS) gets the time it needs. */
const timeout = (numRuns: number) => Math.max(180_000, (Number(process.env.BALCAO_SIM_RUNS) || numRuns) * 20_000);

describe('sync simulation: terminals, a bad network, kills, restores and skewed clocks', () => {
  it('memória: after healing, the shop agrees with itself and with the model', async () => {
    await simulate('memória', { store: async () => ({ store: new MemorySyncStore(), cleanup: async () => {} }), numRuns: 12, minLength: 30, maxLength: 50 });
  }, timeout(12));

  it.skipIf(!mongo)('MongoDB: after healing, the shop agrees with itself and with the model', async () => {
    await simulate('MongoDB', { store: async () => mongoStoreOn(mongo!), numRuns: 3, minLength: 10, maxLength: 20 });
  }, timeout(3));
});
