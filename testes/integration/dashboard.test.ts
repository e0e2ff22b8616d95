import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/database/connection.js';
import { readTerminalIdentity } from '../../src/database/queries/meta.js';
import { readSettings } from '../../src/database/queries/settings.js';
import { readInOneSnapshot } from '../../src/services/read-pool.js';
import type { WorkerReadScript } from '../../src/services/script.js';
import type { OrderView } from '../../src/models/orders.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { ADMIN, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
afterEach(() => t?.close());

const CASHIER = { name: 'Caio Caixa', pin: '2580' };
const counted = { cash: 0, debit: 0, credit: 0, voucher: 0, pix: 0 };

/** A moment on the shop's wall clock (São Paulo, UTC−3, no summer time). */
const local = (day: string, time: string): number => {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!, hh! + 3, mm!);
};

/** The clock moves on to that moment; screens have locked meanwhile, so everyone signs in again. */
async function at(day: string, time: string) {
  t.clock.advance(local(day, time) - t.clock.now());
  cashier = (await t.ok('auth.login', CASHIER)).token;
  t.adminToken = (await t.ok('auth.login', ADMIN)).token;
}

async function shop() {
  t = await initializedApp({ app: { webhooks: { autoStart: false } } });
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin }, t.adminToken);
  cashier = (await t.ok('auth.login', CASHIER)).token;
}

/** A sale; with no payments the order stays open. */
const sell = (lines: ReturnType<typeof line>[], payments?: unknown[], extra: Record<string, unknown> = {}, token = cashier): Promise<OrderView> =>
  t.ok('orders.create', { id: newId(), type: 'balcao', lines, ...(payments && { payments }), ...extra } as never, token);

const dashboard = () => t.ok('reports.dashboard', {}, t.adminToken);

/** The sums the test expects, from its own orders: (total, paid with). */
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("the manager's dashboard", () => {
  it("today's business day against the same weekday last week: sales, apart voids and cancellations, hours, products, payments", async () => {
    await shop();
    // Last week, Sunday 2026-11-29 (the clock starts there, at 12:00).
    await at('2026-11-29', '12:00');
    const lastWeekCaixa = (await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier)).id;
    const l1 = await sell([line(menu.p.refri)], [cash(1000)]);
    await at('2026-11-29', '12:30');
    const l2 = await sell([line(menu.p.batata)], [card('debit', 1200)]);
    await at('2026-11-29', '20:00');
    const l3 = await sell([line(menu.p.xsalada)], [card('pix', 2000)]);
    // After midnight the night still belongs to Sunday's business day.
    await at('2026-11-30', '01:30');
    const l4 = await sell([line(menu.p.pao)], [cash(500)]);
    expect(l4.businessDay).toBe('2026-11-29');
    await t.ok('cash.close', { sessionId: lastWeekCaixa, counted: { ...counted, cash: 1100, debit: 1200, pix: 2000 } }, cashier);

    // A week later: one minute before the day turns the sale is still Saturday's.
    await at('2026-12-06', '03:59');
    const caixa = (await t.ok('cash.open', { id: newId(), openingFloat: 5000 }, cashier)).id;
    const night = await sell([line(menu.p.refri)], [cash(600)]);
    expect(night.businessDay).toBe('2026-12-05');
    await at('2026-12-06', '04:01');
    // 2 × pão + refri = 16,00: 6,00 by PIX and 10,00 cash out of 20,00 (10,00 change).
    const t1 = await sell([line(menu.p.pao, 2), line(menu.p.refri)], [card('pix', 600), cash(2000)]);
    expect(t1).toMatchObject({ businessDay: '2026-12-06', total: 1600, change: 1000 });
    await at('2026-12-06', '09:10');
    const t2 = await sell([line(menu.p.batata)], [card('credit', 1080)], { discount: { kind: 'percent', value: 1000 } }, t.adminToken);
    expect(t2).toMatchObject({ total: 1080, discount: 120 });
    await at('2026-12-06', '10:00');
    const t3 = await sell([line(menu.p.xsalada)], [cash(2000)]);
    await t.ok('orders.void', { orderId: t3.id, reason: 'cobrado errado' }, t.adminToken);
    await at('2026-12-06', '11:00');
    const t4 = await sell([line(menu.p.suco)]);
    await t.ok('orders.cancel', { orderId: t4.id, reason: 'cliente desistiu' }, t.adminToken);
    await at('2026-12-06', '12:00');
    const t5 = await sell([line(menu.p.refri)]);
    await at('2026-12-06', '12:45');

    const view = await dashboard();
    expect(view.businessDay).toBe('2026-12-06');
    expect(view.lastWeekDay).toBe('2026-11-29');
    const sold = [t1, t2];
    expect(view.today).toEqual({
      orders: 2,
      netSales: sum(sold.map((o) => o.total)),
      averageTicket: sum(sold.map((o) => o.total)) / 2,
      discounts: 120,
      voided: { count: 1, total: t3.total },
      cancelled: { count: 1, total: t4.total },
      open: { count: 1, total: t5.total },
    });
    // Last week up to the same moment of its business day (12:45): the 20:00 and 01:30 sales are still to come.
    expect(view.lastWeek).toEqual({ orders: 2, netSales: l1.total + l2.total, averageTicket: (l1.total + l2.total) / 2, discounts: 0 });

    expect(view.hours.map((h) => h.label)).toEqual([...Array.from({ length: 20 }, (_, i) => `${String(i + 4).padStart(2, '0')}:00`), '00:00', '01:00', '02:00', '03:00']);
    const byHour = Object.fromEntries(view.hours.filter((h) => h.today || h.lastWeek).map((h) => [h.label, [h.today, h.lastWeek]]));
    expect(byHour).toEqual({
      '04:00': [t1.total, 0],
      '09:00': [t2.total, 0],
      '12:00': [0, l1.total + l2.total],
      '20:00': [0, l3.total],
      '01:00': [0, l4.total],
    });
    expect(view.hours[view.currentHour]!.label).toBe('12:00');

    // Lines of sold orders only: 2 pães (10,00), a refri (6,00), a batata (12,00, the order's 10% is the order's).
    const pao = { productId: menu.p.pao, name: 'Pão de queijo', quantity: 2, netValue: 1000 };
    const refri = { productId: menu.p.refri, name: 'Refrigerante lata', quantity: 1, netValue: 600 };
    const batata = { productId: menu.p.batata, name: 'Batata frita', quantity: 1, netValue: 1200 };
    expect(view.topProducts).toEqual({ byValue: [batata, pao, refri], byQuantity: [pao, batata, refri] });

    // The voided order's cash is not a sale; cash is what stayed: 20,00 tendered − 10,00 change.
    expect(view.payments).toEqual([
      { method: 'cash', amount: 1000, count: 1 },
      { method: 'credit', amount: 1080, count: 1 },
      { method: 'pix', amount: 600, count: 1 },
    ]);
    expect(sum(view.payments.map((p) => p.amount))).toBe(view.today.netSales);

    // The drawer: float + night sale + 10,00 + the voided 20,00 received and given back.
    expect(view.caixas).toEqual([
      { sessionId: caixa, terminalLetter: 'A', openedAt: local('2026-12-06', '03:59'), openedByName: 'Caio Caixa', openingFloat: 5000, expectedCash: 5000 + 600 + 1000 + 2000 - 2000 },
    ]);
  });

  it('open caixas of every terminal, stock alerts as the stockroom sees them, the latest low ratings', async () => {
    await shop();
    const caixa = (await t.ok('cash.open', { id: newId(), openingFloat: 1000 }, cashier)).id;
    // A caixa of terminal B, as sync brings it.
    const terminalB = newId();
    const caixaB = newId();
    t.app.db.prepare("INSERT INTO terminals (id, letter, created_at, hlc) VALUES (?, 'B', ?, 'x')").run(terminalB, t.clock.now());
    t.app.db
      .prepare("INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES (?, ?, ?, 'Bia', ?, 3000, 'x')")
      .run(caixaB, terminalB, newId(), t.clock.now() - 60_000);
    const sold: OrderView[] = [];
    const { refri, batata, pao, suco, xsalada } = menu.p;
    for (const [product, price] of [[refri, 600], [batata, 1200], [pao, 500], [suco, 900], [xsalada, 2000], [refri, 600], [batata, 1200]] as const) {
      sold.push(await sell([line(product)], [card('debit', price)]));
    }
    await t.ok('stock.saveItem', { id: newId(), name: 'Pão francês', baseUnit: 'un', minimum: 10_000 }, t.adminToken);
    const kiosk = (await t.ok('feedback.openKiosk', {}, t.adminToken)).token;
    const ratings = [1, 4, 2, 1, 5, 2, 1];
    for (const [i, order] of sold.entries()) {
      t.clock.advanceMinutes(1);
      await t.ok('feedback.submit', { id: newId(), orderId: order.id, rating: ratings[i]! }, kiosk);
    }
    t.adminToken = (await t.ok('auth.login', ADMIN)).token;

    const view = await dashboard();
    expect(view.caixas.map((c) => [c.sessionId, c.terminalLetter, c.expectedCash])).toEqual([
      [caixaB, 'B', 3000],
      [caixa, 'A', 1000],
    ]);
    expect(view.stock).toEqual(await t.ok('stock.alerts', {}, t.adminToken));
    expect(view.stock.low.map((i) => i.name)).toEqual(['Pão francês']);
    // Newest first, five at most, one or two faces only.
    const low = sold.map((order, i) => ({ order, rating: ratings[i]! })).filter((r) => r.rating <= 2).reverse().slice(0, 5);
    expect(view.lowRatings.map((f) => [f.orderNumber, f.rating])).toEqual(low.map((r) => [r.order.number, r.rating]));
  });

  it('health: sync, failing webhook endpoints and queued deliveries, printer jobs pending and failed', async () => {
    await shop();
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier);
    const failing = await t.ok('webhooks.create', { url: 'http://127.0.0.1:9/pedidos', events: ['order.paid'], description: 'ERP' }, t.adminToken);
    await t.ok('webhooks.create', { url: 'http://127.0.0.1:9/ok', events: ['cash.opened'] }, t.adminToken);
    for (let i = 0; i < 3; i++) await sell([line(menu.p.refri)], [cash(600)]);
    // The worker (stopped here) turned the sales' events into deliveries and gave up on one of them.
    t.app.webhooks.expandQueue();
    t.app.db.prepare("UPDATE webhook_deliveries SET status = 'dead' WHERE rowid = (SELECT min(rowid) FROM webhook_deliveries WHERE endpoint_id = ?)").run(failing.id);
    const job = (status: string, error: string | null) =>
      t.app.db
        .prepare('INSERT INTO print_jobs (id, kind, ref_id, label, status, attempts, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)')
        .run(newId(), 'receipt', newId(), 'Cupom', status, error, t.clock.now(), t.clock.now());
    job('printed', null);
    job('failed', 'Impressora sem papel');
    t.clock.advanceMinutes(1);
    job('failed', 'Impressora desligada');
    job('pending', null);

    const { health } = await dashboard();
    expect(health.sync).toEqual(await t.ok('sync.status', {}, t.adminToken));
    expect(health.webhooks).toEqual({ failing: [{ id: failing.id, url: 'http://127.0.0.1:9/pedidos', description: 'ERP', dead: 1, disabledReason: null }], queued: 2 });
    expect(health.printers).toEqual({ pending: 1, failed: 2, lastError: 'Impressora desligada' });
  });

  it('is for managers and admins: a cashier or the stockroom is refused by the core, and so is no session', async () => {
    await shop();
    await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
    await t.ok('users.create', { name: 'Alê Estoque', role: 'stockroom', pin: '3691' }, t.adminToken);
    const manager = (await t.ok('auth.login', { name: 'Gil Gerente', pin: '736194' })).token;
    const stockroom = (await t.ok('auth.login', { name: 'Alê Estoque', pin: '3691' })).token;
    expect((await t.ok('reports.dashboard', {}, manager)).today.orders).toBe(0);
    expect(await t.fails('reports.dashboard', {}, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fails('reports.dashboard', {}, stockroom)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fails('reports.dashboard', {}, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("reads orders, lines and payments through indexes limited to the day, never a full scan (query plans)", async () => {
    await shop();
    // Something on the shelf, so the stock alerts walk its receipts.
    const item = newId();
    await t.ok('stock.saveItem', { id: item, name: 'Queijo', baseUnit: 'g', minimum: 0 }, t.adminToken);
    await t.ok('stock.receive', { id: newId(), lines: [{ id: newId(), itemId: item, quantity: 5_000_000, unitCost: 5, lot: 'Q1', expiry: '2026-12-01' }] }, t.adminToken);
    const texts = new Set<string>();
    const db = t.app.db;
    const prepare = db.prepare.bind(db);
    db.prepare = ((text: string) => {
      texts.add(text);
      return prepare(text);
    }) as Db['prepare'];
    // The body the read pool's worker runs, here on the spied connection.
    const script = t.app.dispatcher.registry.get('reports.dashboard') as WorkerReadScript;
    readInOneSnapshot(db, script, {}, { now: t.clock.now(), actor: null, terminal: readTerminalIdentity(db), settings: readSettings(db), syncStatus: null });
    db.prepare = prepare;

    const big = new Set(['orders', 'order_lines', 'payments', 'order_state', 'refunds', 'stock_movements']);
    const touching = [...texts].filter((text) => /\b(orders|order_lines|payments)\b/.test(text));
    expect(touching.length).toBeGreaterThan(3);
    const details: string[] = [];
    for (const text of texts) {
      // Aliases (FROM orders o) name the table in the plan.
      const tables = new Map<string, string>();
      for (const [, table, alias] of text.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!WHERE|ON|JOIN|LEFT|GROUP|ORDER|LIMIT|USING)(\w+))?/gi)) {
        tables.set(table!, table!);
        if (alias) tables.set(alias, table!);
      }
      const named = Object.fromEntries([...text.matchAll(/@(\w+)/g)].map(([, name]) => [name, null]));
      const positional = (text.match(/\?/g) ?? []).map(() => null);
      const statement = db.prepare(`EXPLAIN QUERY PLAN ${text}`);
      const plan = (Object.keys(named).length ? statement.all(named) : statement.all(...positional)) as { detail: string }[];
      for (const { detail } of plan) {
        details.push(detail);
        const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
        if (scanned) expect(big.has(tables.get(scanned) ?? scanned), `${detail}\n in ${text}`).toBe(false);
      }
    }
    expect(details).toContain('SEARCH o USING INDEX orders_day (business_day=?)');
    // An item's receipts alone, not a year of its sales.
    expect(details.some((detail) => detail.includes('USING INDEX stock_movements_receipts (item_id=?)'))).toBe(true);
  });
});
