import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { Dispatcher, type DispatchResult } from '../../src/ipc/dispatcher.js';
import { ReadPool, type ReadRunner } from '../../src/services/read-pool.js';
import type { ReadContext } from '../../src/services/script.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp, type TestApp } from '../helpers/test-app.js';

const CASHIER = { name: 'Caio Caixa', pin: '2580' };

let t: TestApp & { adminToken: string; adminId: string };
let menu: Menu;
let cashier: string;
const pools: ReadPool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  t?.close();
});

/** A shop with a day of sales, a void, a discount, a rating, stock received and lost. */
async function shop() {
  t = await initializedApp({ app: { webhooks: { autoStart: false } } });
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin }, t.adminToken);
  cashier = (await t.ok('auth.login', CASHIER)).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 5000 }, cashier);
  await sell([line(menu.p.refri, 2)], [cash(2000)]);
  await sell([line(menu.p.batata)], [card('debit', 1200)]);
  const voided = await sell([line(menu.p.pao, 3)], [card('pix', 1500)]);
  await t.ok('orders.void', { orderId: voided.id, reason: 'cliente desistiu' } as never, t.adminToken);
  const rated = await sell([line(menu.p.suco)], [cash(1000)]);
  await t.ok('feedback.submit', { id: newId(), orderId: rated.id, rating: 2, tags: ['sabor'] } as never, t.adminToken);
  const item = newId();
  await t.ok('stock.saveItem', { id: item, name: 'Queijo', baseUnit: 'g', minimum: 1_000_000 }, t.adminToken);
  await t.ok('stock.receive', { id: newId(), lines: [{ id: newId(), itemId: item, quantity: 2_000_000, unitCost: 5, lot: 'Q1', expiry: '2026-12-01' }] }, t.adminToken);
  await t.ok('stock.loss', { id: newId(), itemId: item, quantity: 100_000, reason: 'vencido' } as never, t.adminToken);
  return item;
}

const sell = (lines: ReturnType<typeof line>[], payments: unknown[]) =>
  t.ok('orders.create', { id: newId(), type: 'balcao', lines, payments } as never, cashier);

/** A dispatcher over the test app's database and sessions, reading where `reads` says (none: in this thread). */
const dispatcherWith = (reads: ReadRunner | null) =>
  new Dispatcher({ db: t.app.db, registry: t.app.dispatcher.registry, sessions: t.app.sessions, events: t.app.events, clock: t.clock, logger: t.memory.logger, sync: t.app.sync, reads });

const poolOf = (onStart?: (worker: Worker) => void) => {
  const pool = new ReadPool({ file: join(t.dir, DATABASE_FILE), logger: t.memory.logger, onStart });
  pools.push(pool);
  return pool;
};

const answer = (outcome: DispatchResult) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as any;
};

const period = { from: '2026-11-01', to: '2026-11-30' };
const yearOfMovements = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 11, 31) };

/** Every read the pool runs, with an input; a new worker read without one here fails the first test. */
const READS: Record<string, unknown[]> = {
  'reports.sales': ['day', 'hour', 'weekday', 'product', 'category', 'payment', 'terminal', 'cashier', 'order_type'].map((by) => ({ period, by })),
  'reports.ratings': [{ period }],
  'reports.stock': [{ period: { preset: 'this_month' } }],
  'reports.caixas': [{ period: { preset: 'today' } }],
  'reports.discounts': [{ period }],
  'reports.voids': [{ period }],
  'reports.dashboard': [{}],
  'feedback.report': [period],
  'feedback.exportCsv': [period],
  'stock.exportMovements': [yearOfMovements, { kind: 'perda' }],
};

describe('the read pool (long reads in a worker thread)', () => {
  it('answers every worker read as the same body run in this thread, on the same data', async () => {
    await shop();
    const workerReads = [...t.app.dispatcher.registry.values()].filter((script) => script.reads === 'worker').map((script) => script.name);
    expect(workerReads.sort()).toEqual(Object.keys(READS).sort());
    const pooled = dispatcherWith(poolOf());
    const inThread = dispatcherWith(null);
    for (const [operation, inputs] of Object.entries(READS)) {
      for (const input of inputs) {
        const fromWorker = answer(await pooled.dispatch(operation, input, t.adminToken));
        expect(fromWorker, `${operation} ${JSON.stringify(input)}`).toEqual(answer(await inThread.dispatch(operation, input, t.adminToken)));
      }
    }
    // The data was there to be read: the comparisons above were not of empty answers.
    const sales = answer(await pooled.dispatch('reports.sales', { period, by: 'payment' }, t.adminToken));
    expect(sales.totals.orders).toBe(3);
    expect(answer(await pooled.dispatch('reports.voids', { period }, t.adminToken)).totals.voided).toBe(1);
    expect(answer(await pooled.dispatch('feedback.exportCsv', period, t.adminToken)).rows).toBe(1);
    // The app itself reads through its own pool, and answers the same.
    expect(await t.ok('reports.sales', { period, by: 'product' }, t.adminToken)).toEqual(answer(await inThread.dispatch('reports.sales', { period, by: 'product' }, t.adminToken)));
  });

  it("sees the main connection's committed writes: a sale, then the report and the dashboard show it", async () => {
    await shop();
    const before = await t.ok('reports.sales', { period, by: 'product' }, t.adminToken);
    const dashboardBefore = await t.ok('reports.dashboard', {}, t.adminToken);
    await sell([line(menu.p.xsalada)], [card('credit', 2000)]);
    const after = await t.ok('reports.sales', { period, by: 'product' }, t.adminToken);
    expect(after.totals.orders).toBe(before.totals.orders + 1);
    expect(after.rows.find((row) => row.label === 'X-Salada')).toMatchObject({ quantity: 1, gross: 2000 });
    const dashboardAfter = await t.ok('reports.dashboard', {}, t.adminToken);
    expect(dashboardAfter.today.orders).toBe(dashboardBefore.today.orders + 1);
    expect(dashboardAfter.today.netSales).toBe(dashboardBefore.today.netSales + 2000);
  });

  it('checks session, role and input on the main thread: a refused read never reaches the pool', async () => {
    await shop();
    const asked: { operation: string; ctx: ReadContext }[] = [];
    const inThread = dispatcherWith(null);
    const spy: ReadRunner = {
      run: async (operation, input, ctx) => {
        asked.push({ operation, ctx });
        return answer(await inThread.dispatch(operation, input, t.adminToken));
      },
    };
    const dispatcher = dispatcherWith(spy);
    const refused = async (input: unknown, token: string | null) => {
      const outcome = await dispatcher.dispatch('reports.sales', input, token);
      if (outcome.ok) throw new Error('a leitura deveria ter sido recusada');
      return outcome.error;
    };
    expect(await refused({ period, by: 'product' }, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refused({ period, by: 'product' }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused({ period: { preset: 'amanhã' }, by: 'product' }, t.adminToken)).toMatchObject({
      code: 'VALIDATION',
      field: 'period.preset',
      message: 'Campo "period.preset": Escolha um período: hoje, ontem, esta semana, este mês ou o mês passado.',
    });
    expect(await refused({ period: { from: '2026-11-30', to: '2026-11-01' }, by: 'product' }, t.adminToken)).toMatchObject({ code: 'VALIDATION' });
    await t.ok('auth.lock', {} as never, t.adminToken);
    expect(await refused({ period, by: 'product' }, t.adminToken)).toMatchObject({ code: 'SESSION_LOCKED' });
    expect(asked).toEqual([]);
    // The cashier's refusal was audited, as any other.
    expect(t.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND record_id = 'reports.sales'").pluck().get()).toBe(1);

    await t.ok('auth.unlock', { name: 'Ana Admin', pin: '480135' }, t.adminToken);
    await dispatcher.dispatch('reports.sales', { period, by: 'product' }, t.adminToken);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.operation).toBe('reports.sales');
    expect(asked[0]!.ctx).toMatchObject({ now: t.clock.now(), actor: { id: t.adminId, role: 'admin' }, settings: { timezone: 'America/Sao_Paulo' } });
  });

  it('a refusal from the worker keeps its pt-BR shape; a failure inside it is an internal error with a reference', async () => {
    await shop();
    const pool = poolOf();
    const ctx = { now: t.clock.now(), actor: null, terminal: { id: 'x' }, settings: {}, syncStatus: null } as unknown as ReadContext;
    await expect(pool.run('orders.create', {}, ctx)).rejects.toMatchObject({ name: 'BusinessError', code: 'UNKNOWN_OPERATION', message: 'A operação orders.create não é lida na linha de leitura.' });
    // A schema the worker cannot read: the query fails in there, and the dispatcher shapes it as any internal error.
    t.app.db.exec('ALTER TABLE feedback RENAME TO feedback_gone');
    const outcome = await dispatcherWith(pool).dispatch('feedback.exportCsv', period, t.adminToken);
    expect(outcome).toMatchObject({ ok: false, status: 500, error: { code: 'INTERNAL', message: expect.stringMatching(/^Erro interno \(ref \w+\)\.$/) } });
    expect(t.memory.records.some((r) => r.level === 'error' && /no such table: feedback/.test(String((r.fields.error as Error | undefined)?.message)))).toBe(true);
  });

  it('a worker killed mid-read: that read is refused with a clear error, a new worker answers the next, and sales never waited', async () => {
    const item = await shop();
    // Enough movements that exporting them keeps the worker busy for a while.
    t.app.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)
         INSERT INTO stock_movements (id, item_id, kind, quantity, value, reason, by_user, by_name, at, hlc)
         SELECT printf('mov-%06d', i), ?, 'perda', -1, 0, 'teste', ?, 'Ana Admin', ?, '' FROM n`,
      )
      .run(item, t.adminId, t.clock.now());
    const workers: Worker[] = [];
    const dispatcher = dispatcherWith(poolOf((worker) => workers.push(worker)));
    const exportAll = () => dispatcher.dispatch('stock.exportMovements', {}, t.adminToken);
    expect(answer(await exportAll()).rows).toBeGreaterThan(15_000);
    expect(workers).toHaveLength(1);

    // While the worker reads, the counter sells: the sale is done first.
    const order: string[] = [];
    const reading = exportAll().then((outcome) => (order.push('export'), outcome));
    await sell([line(menu.p.refri)], [cash(600)]).then(() => order.push('sale'));
    expect(order).toEqual(['sale']);

    await workers[0]!.terminate();
    const killed = await reading;
    expect(killed).toEqual({
      ok: false,
      status: 500,
      error: { code: 'INTERNAL', message: 'A leitura parou no meio (a linha de leitura dos relatórios caiu e foi reiniciada). Tente de novo.' },
    });
    expect(t.memory.records.some((r) => r.level === 'error' && r.message === 'A linha de leitura dos relatórios parou no meio de uma leitura')).toBe(true);

    const again = answer(await exportAll());
    expect(again.rows).toBeGreaterThan(15_000);
    expect(workers).toHaveLength(2);
  });

  it('close refuses reads running and new ones and stops every worker; reopen reads again; the app closes its pool', async () => {
    await shop();
    const workers: Worker[] = [];
    const pool = poolOf((worker) => workers.push(worker));
    const dispatcher = dispatcherWith(pool);
    const read = () => dispatcher.dispatch('reports.sales', { period, by: 'day' }, t.adminToken);
    const first = answer(await read());
    const exited = new Promise((resolve) => workers[0]!.once('exit', resolve));
    const running = read();
    await pool.close();
    await exited;
    const closed = { code: 'INVALID_STATE', message: 'Os relatórios estão indisponíveis enquanto o banco de dados é reaberto. Tente de novo em instantes.' };
    // Answered before the close or refused by it, never left hanging.
    const during = await running;
    if (!during.ok) expect(during.error).toEqual(closed);
    expect(await read()).toMatchObject({ ok: false, error: closed });

    await pool.reopen();
    expect(answer(await read())).toEqual(first);
    expect(workers).toHaveLength(2);

    t.app.close();
    await expect(t.app.reads.run('reports.sales', { period, by: 'day' }, {} as ReadContext)).rejects.toMatchObject(closed);
  });
});
