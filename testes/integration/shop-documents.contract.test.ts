import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingCount } from '../../src/database/queries/shop-documents.js';
import { readTerminalIdentity } from '../../src/database/queries/meta.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { MongoSyncStore } from '../../src/sync/mongo-sync-store.js';
import { SHOP_COLLECTIONS, daySummaryId, type DaySummaryDocument, type OrderDocument, type ShopDocuments } from '../../src/sync/shop-documents.js';
import type { SyncStore } from '../../src/sync/sync-store.js';
import { installShopKey, readShopKey } from '../../src/sync/shop-key.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { freshDbName } from '../helpers/mongo-test-server.js';
import { mongoForThisFile } from '../helpers/sync-fixtures.js';
import { ADMIN, createTestApp, initializedApp } from '../helpers/test-app.js';

const mongo = await mongoForThisFile('documentos da loja');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The shop's server as the terminal opens it, and what its collections hold, read as Atlas would. */
interface Server {
  open(): SyncStore;
  documents(): Promise<{ orders: OrderDocument[]; summaries: DaySummaryDocument[] }>;
}

const byId = <T extends { _id: string }>(docs: T[]) => [...docs].sort((a, b) => (a._id < b._id ? -1 : 1));

function memoryServer(): Server {
  const store = new MemorySyncStore();
  return {
    open: () => ({ ...bound(store), close: async () => {} }),
    documents: async () => ({ orders: byId([...store.orders.values()]), summaries: byId([...store.daySummaries.values()]) }),
  };
}

function mongoServer(): Server {
  const dbName = freshDbName();
  const raw = new MongoClient(mongo!.uri);
  cleanups.push(async () => {
    await raw.db(dbName).dropDatabase();
    await raw.close();
  });
  return {
    open: () => new MongoSyncStore({ uri: mongo!.uri, dbName }),
    documents: async () => ({
      orders: byId(await raw.db(dbName).collection<OrderDocument>(SHOP_COLLECTIONS.orders).find({}).toArray()),
      summaries: byId(await raw.db(dbName).collection<DaySummaryDocument>(SHOP_COLLECTIONS.daySummaries).find({}).toArray()),
    }),
  };
}

/** A store's methods bound to it, so a test can wrap one of them. */
const bound = (store: SyncStore): SyncStore => ({
  push: (id, changes) => store.push(id, changes),
  pull: (cursor, limit) => store.pull(cursor, limit),
  terminals: () => store.terminals(),
  claimLetter: (id, letter) => store.claimLetter(id, letter),
  auditHeadOf: (id) => store.auditHeadOf(id),
  keepAuditHead: (id, head) => store.keepAuditHead(id, head),
  publish: (documents) => store.publish(documents),
  close: () => store.close(),
});

/** A terminal of the shop whose worker syncs only when the test says; `open` may wrap the server. */
async function terminal(server: Server, open: () => SyncStore = () => server.open()) {
  const t = await initializedApp({ app: { sync: { connection: { uri: 'mongodb://loja', database: 'loja' }, openStore: open, autoStart: false } } });
  cleanups.push(() => t.close());
  const token = t.adminToken;
  const menu = await seedCatalog(t, token);
  await t.ok('cash.open', { id: newId(), openingFloat: 0 }, token);
  return Object.assign(t, { token, menu, terminalId: readTerminalIdentity(t.app.db).id });
}

type Terminal = Awaited<ReturnType<typeof terminal>>;

/** A second terminal joining the shop of `first` (its shop key, then everything from the server), the admin signed in, its caixa open. */
async function joining(server: Server, first: Terminal) {
  const t = await createTestApp({ app: { sync: { connection: { uri: 'mongodb://loja', database: 'loja' }, openStore: () => server.open(), autoStart: false } } });
  cleanups.push(() => t.close());
  installShopKey(t.app.db, readShopKey(first.app.db)!);
  expect((await t.app.sync.syncNow()).lastError).toBeNull();
  const { token } = await t.ok('auth.login', ADMIN);
  await t.ok('cash.open', { id: newId(), openingFloat: 0 }, token);
  return Object.assign(t, { token });
}

/** Sales of every shape: a discount, a comanda grown before paying, modifiers, change, a void and a cancellation. */
async function lunch(t: Terminal, menu: Menu = t.menu) {
  const sold = [
    await t.ok('orders.create', { id: newId(), type: 'balcao', customerName: 'Rita', lines: [line(menu.p.refri, 2), line(menu.p.pao)], discount: { kind: 'amount', value: 150 }, payments: [cash(5000)] }, t.token),
    await t.ok('orders.create', { id: newId(), type: 'viagem', lines: [line(menu.p.xburger, 1, { modifierOptionIds: [menu.ponto.aoPonto, menu.extras.bacon] })], payments: [card('pix', 2200)] }, t.token),
  ];
  const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata)], discount: { kind: 'percent', value: 1000 } }, t.token);
  await t.ok('orders.addLines', { orderId: tab.id, lines: [line(menu.p.refri, 3)] }, t.token);
  sold.push(await t.ok('orders.pay', { orderId: tab.id, payments: [card('debit', 2700)] }, t.token));
  const mistake = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.suco)], payments: [cash(1000)] }, t.token);
  await t.ok('orders.void', { orderId: mistake.id, reason: 'engano do caixa' }, t.token);
  const givenUp = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.pao, 4)] }, t.token);
  await t.ok('orders.cancel', { orderId: givenUp.id, reason: 'cliente desistiu' }, t.token);
  return { sold, mistake, givenUp };
}

const sellPao = (t: Terminal) => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(t.menu.p.pao)], payments: [card('debit', 500)] }, t.token);

/** Publishing again whatever was published, as a restored terminal re-sending its log would. */
const queueEverything = (t: Terminal) => t.app.db.exec('INSERT INTO publish_pending (order_id, version) SELECT id, 1 FROM orders WHERE true ON CONFLICT DO NOTHING');

function shopDocumentsContract(makeServer: () => Server) {
  it('publishing twice, or everything again, leaves the same documents: one per order, one per terminal and day', async () => {
    const server = makeServer();
    const t = await terminal(server);
    const { sold, mistake, givenUp } = await lunch(t);
    expect((await t.app.sync.syncNow()).lastError).toBeNull();
    const first = await server.documents();
    expect(first.orders.map((o) => o._id).sort()).toEqual([...sold.map((o) => o.id), mistake.id, givenUp.id].sort());
    expect(first.summaries.map((s) => s._id)).toEqual([daySummaryId(t.terminalId, sold[0]!.businessDay)]);
    expect(pendingCount(t.app.db)).toBe(0);

    await t.app.sync.syncNow();
    expect(await server.documents()).toEqual(first);
    queueEverything(t);
    expect(pendingCount(t.app.db)).toBe(5);
    await t.app.sync.syncNow();
    expect(await server.documents()).toEqual(first);
    expect(pendingCount(t.app.db)).toBe(0);

    const rita = first.orders.find((o) => o._id === sold[0]!.id)!;
    expect(rita).toMatchObject({ number: 'A-001', terminalLetter: 'A', status: 'delivered', counted: true, customerName: 'Rita', totalCents: 1550, total: 15.5, changeCents: 3450 });
    expect(rita.lines.map((l) => [l.name, l.quantity, l.unitPriceCents, l.totalCents])).toEqual([['Refrigerante lata', 2, 600, 1200], ['Pão de queijo', 1, 500, 500]]);
    expect(rita.payments).toEqual([{ method: 'cash', amountCents: 1550, amount: 15.5, tenderedCents: 5000, changeCents: 3450, at: expect.any(Date) }]);
    expect(rita.discounts).toEqual([expect.objectContaining({ line: false, kind: 'amount', amountCents: 150 })]);
    expect(first.orders.find((o) => o._id === sold[1]!.id)!.lines[0]!.modifiers).toEqual(['Ao ponto', '+ Bacon']);
    expect(first.orders.find((o) => o._id === givenUp.id)).toMatchObject({ status: 'cancelled', counted: false, ended: { kind: 'cancelled', reason: 'cliente desistiu' } });
  });

  it('a reply lost after the server wrote is reported, retried next round, and doubles nothing', async () => {
    const server = makeServer();
    let loseReply = true;
    const t = await terminal(server, () => {
      const store = bound(server.open());
      return {
        ...store,
        async publish(documents: ShopDocuments) {
          await store.publish(documents);
          if (loseReply) throw new Error('Rede: a resposta se perdeu.');
        },
      };
    });
    const { sold } = await lunch(t);
    const failed = await t.app.sync.syncNow();
    expect(failed.lastError).toMatch(/^Pedidos e resumos do dia não publicados no banco da loja: Rede: a resposta se perdeu\./);
    expect(pendingCount(t.app.db)).toBe(5);
    const written = await server.documents();
    expect(written.orders).toHaveLength(5);

    loseReply = false;
    const retried = await t.app.sync.syncNow();
    expect(retried.lastError).toBeNull();
    expect(retried.mode).toBe('online');
    expect(pendingCount(t.app.db)).toBe(0);
    expect(await server.documents()).toEqual(written);
    expect(written.summaries[0]).toMatchObject({ orders: sold.length });
  });

  it('a void after publishing rewrites the order and its day summary; the void is apart, never a sale', async () => {
    const server = makeServer();
    const t = await terminal(server);
    const { sold } = await lunch(t);
    await t.app.sync.syncNow();
    const before = (await server.documents()).summaries[0]!;
    expect(before).toMatchObject({ orders: 3, netCents: 1550 + 2200 + 2700, voided: { orders: 1, totalCents: 900 }, cancelled: { orders: 1, totalCents: 2000 } });

    await t.ok('orders.void', { orderId: sold[1]!.id, reason: 'cliente devolveu' }, t.token);
    expect(pendingCount(t.app.db)).toBe(1);
    await t.app.sync.syncNow();
    const after = await server.documents();
    expect(after.orders.find((o) => o._id === sold[1]!.id)).toMatchObject({ status: 'voided', counted: false, ended: { kind: 'voided', reason: 'cliente devolveu', refundedCents: 2200 } });
    expect(after.summaries).toEqual([
      expect.objectContaining({
        _id: before._id,
        orders: 2,
        netCents: 1550 + 2700,
        net: 42.5,
        voided: { orders: 2, totalCents: 900 + 2200 },
        byPayment: [expect.objectContaining({ method: 'cash', amountCents: 1550 }), expect.objectContaining({ method: 'debit', amountCents: 2700 })],
      }),
    ]);
  });

  it('a void made on another terminal reaches the order’s document through the terminal that sold it; the other writes none of its documents', async () => {
    const server = makeServer();
    const a = await terminal(server);
    const order = await sellPao(a);
    await a.app.sync.syncNow();
    const b = await joining(server, a);
    await b.ok('orders.void', { orderId: order.id, reason: 'cobrado em dobro' }, b.token);
    expect(pendingCount(b.app.db)).toBe(0);
    expect((await b.app.sync.syncNow()).lastError).toBeNull();
    expect((await server.documents()).orders.find((o) => o._id === order.id)).toMatchObject({ status: 'delivered', counted: true });

    expect((await a.app.sync.syncNow()).lastError).toBeNull();
    const { orders, summaries } = await server.documents();
    expect(orders.map((o) => [o._id, o.status, o.counted, o.ended?.reason])).toEqual([[order.id, 'voided', false, 'cobrado em dobro']]);
    expect(summaries).toEqual([expect.objectContaining({ terminal: a.terminalId, orders: 0, netCents: 0, voided: { orders: 1, totalCents: 500 } })]);
  });

  it('a sale at 03:59 lands on the previous business day, one at 04:00 on the new one, each in its own summary', async () => {
    const server = makeServer();
    const t = await terminal(server);
    // 03:59 in São Paulo (UTC−3) on 2 December: still the night of 1 December.
    t.clock.advance(Date.UTC(2026, 11, 2, 6, 59) - t.clock.now());
    t.token = (await t.ok('auth.login', ADMIN)).token;
    const late = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(t.menu.p.pao)], payments: [card('debit', 500)] }, t.token);
    t.clock.advanceMinutes(1);
    // The turn of the business day ends the session: the cashier enters again.
    t.token = (await t.ok('auth.login', ADMIN)).token;
    const early = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(t.menu.p.refri)], payments: [card('debit', 600)] }, t.token);
    await t.app.sync.syncNow();
    const { orders, summaries } = await server.documents();
    expect(orders.find((o) => o._id === late.id)!.businessDay).toBe('2026-12-01');
    expect(orders.find((o) => o._id === early.id)!.businessDay).toBe('2026-12-02');
    const of = (day: string) => summaries.find((s) => s._id === daySummaryId(t.terminalId, day));
    expect(of('2026-12-01')).toMatchObject({ orders: 1, netCents: 500, byHour: [{ hour: '03', orders: 1, netCents: 500, net: 5 }] });
    expect(of('2026-12-02')).toMatchObject({ orders: 1, netCents: 600, byHour: [{ hour: '04', orders: 1, netCents: 600, net: 6 }] });
    // The day a chart bins by starts at the turn, 04:00 local.
    expect(of('2026-12-02')!.dayStart).toEqual(new Date(Date.UTC(2026, 11, 2, 7, 0)));
  });

  it('the day summary equals the local sales report of that day to the centavo', async () => {
    const server = makeServer();
    const t = await terminal(server);
    const { sold } = await lunch(t);
    await t.app.sync.syncNow();
    const day = sold[0]!.businessDay;
    const summary = (await server.documents()).summaries[0]!;
    const period = { from: day, to: day };
    const byTerminal = await t.ok('reports.sales', { period, by: 'terminal' }, t.token);
    expect(byTerminal.rows).toHaveLength(1);
    const report = byTerminal.rows[0]!;
    expect({ orders: summary.orders, quantity: summary.quantity, gross: summary.grossCents, discounts: summary.discountsCents, net: summary.netCents }).toEqual({
      orders: report.orders,
      quantity: report.quantity,
      gross: report.gross,
      discounts: report.discounts,
      net: report.net,
    });
    const byPayment = await t.ok('reports.sales', { period, by: 'payment' }, t.token);
    expect(Object.fromEntries(summary.byPayment.map((p) => [p.method, p.amountCents]))).toEqual(Object.fromEntries(byPayment.rows.map((r) => [r.key, r.net])));
    expect(summary.byPayment.reduce((sum, p) => sum + p.amountCents, 0)).toBe(summary.netCents);
    const byProduct = await t.ok('reports.sales', { period, by: 'product' }, t.token);
    expect(summary.topProducts.map((p) => [p.productId, p.quantity, p.netCents])).toEqual(byProduct.rows.map((r) => [r.key, r.quantity, r.net]));
    expect(summary.byHour.reduce((sum, h) => sum + h.netCents, 0)).toBe(summary.netCents);
    const voids = await t.ok('reports.voids', { period }, t.token);
    expect({ voided: summary.voided, cancelled: summary.cancelled }).toEqual({
      voided: { orders: voids.totals.voided, totalCents: voids.totals.voidedTotal },
      cancelled: { orders: voids.totals.cancelled, totalCents: voids.totals.cancelledTotal },
    });
    expect(summary.averageTicketCents).toBe(Math.round(summary.netCents / summary.orders));
  });
}

describe('shop documents: memória (the reference)', () => {
  shopDocumentsContract(memoryServer);
});

describe.skipIf(!mongo)('shop documents: MongoDB', () => {
  shopDocumentsContract(mongoServer);

  it('creates the indexes a dashboard filters by: business day and terminal', async () => {
    const server = mongoServer();
    const store = server.open();
    cleanups.push(() => store.close());
    await store.publish({ orders: [], daySummaries: [] });
    await (store as MongoSyncStore).ensureIndexes();
    const raw = new MongoClient(mongo!.uri);
    cleanups.push(() => raw.close());
    const dbName = (store as unknown as { orders: { dbName: string } }).orders.dbName;
    for (const collection of Object.values(SHOP_COLLECTIONS)) {
      const indexes = await raw.db(dbName).collection(collection).indexes();
      expect(indexes.find((i) => i.name === 'business_day_terminal')).toMatchObject({ key: { businessDay: 1, terminal: 1 } });
    }
  });
});
