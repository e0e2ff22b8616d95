import { afterEach, describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../src/models/contract.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { seedStock, type StockItems } from '../helpers/stock-fixture.js';
import { countedTotal, expectedByPayment, expectedByProduct } from '../helpers/sales-expectations.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let items: StockItems;
let cashier: string;
let manager: string;
let admin: string;
afterEach(() => t?.close());

/** São Paulo wall-clock time (UTC−3) on the test clock. */
const setLocal = async (iso: string) => {
  const target = Date.parse(`${iso}-03:00`);
  t.clock.advance(target - t.clock.now());
  await login();
};

async function shop() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  items = await seedStock(t, t.adminToken, menu);
  await t.ok('stock.receive', {
    id: newId(),
    lines: [
      { id: newId(), itemId: items.pao, quantity: 100_000, unitCost: 100 },
      { id: newId(), itemId: items.carne, unit: 'kg', quantity: 10_000, unitCost: 4000 },
      { id: newId(), itemId: items.queijo, unit: 'kg', quantity: 5000, unitCost: 3000 },
      { id: newId(), itemId: items.cebola, unit: 'kg', quantity: 5000, unitCost: 500 },
      { id: newId(), itemId: items.bacon, unit: 'kg', quantity: 2000, unitCost: 5000 },
      { id: newId(), itemId: items.lata, quantity: 48_000, unitCost: 250 },
    ],
  }, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
  await login();
}

/** Sessions end with the business day (and lock when idle): everyone logs in again after the clock jumps. */
async function login() {
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  manager = (await t.ok('auth.login', { name: 'Gil Gerente', pin: '736194' })).token;
  admin = (await t.ok('auth.login', { name: 'Ana Admin', pin: '480135' })).token;
}

const sales = (period: Record<string, string>, by: string, token = manager) => t.ok('reports.sales', { period, by } as never, token);

/** A day at the counter with every kind of sale, a void, a cancellation and the night's last sales either side of 04:00. */
async function busyDay() {
  await setLocal('2026-11-29T12:00:00');
  const caixa = await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  const ids: string[] = [];
  const sell = async (input: Record<string, unknown>, as: 'cashier' | 'admin' = 'cashier') => {
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', ...input } as never, as === 'admin' ? admin : cashier);
    ids.push(order.id);
    t.clock.advanceMinutes(1);
    return order;
  };
  // Two burgers with bacon and a can: part debit, the rest cash with change.
  await sell({ lines: [line(menu.p.xburger, 2, { modifierOptionIds: [menu.ponto.aoPonto, menu.extras.bacon] }), line(menu.p.refri)], payments: [card('debit', 2000), cash(5000)] });
  // A combo with 10% off the order, above the cashier's limit: the manager approves.
  const comboId = newId();
  const granted = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.create', recordId: comboId }, cashier);
  const combo = line(menu.p.combo, 1, { comboChoices: [
    { slotId: menu.slots.lanche, productId: menu.p.xsalada },
    { slotId: menu.slots.bebida, productId: menu.p.suco },
  ] });
  const comboOrder = await t.ok('orders.create', {
    id: comboId, type: 'viagem', lines: [combo, line(menu.p.batata)], discount: { kind: 'percent', value: 1500, reason: 'aniversário' },
    overrideToken: granted.overrideToken, payments: [card('pix', 3740)],
  }, cashier);
  ids.push(comboOrder.id);
  // The admin sells fries with R$ 2,00 off the line, paid exact in cash.
  await sell({ lines: [line(menu.p.batata, 1, { discount: { kind: 'amount', value: 200 } })], payments: [cash(1000)] }, 'admin');
  // Sold, then voided by the manager.
  const voided = await sell({ lines: [line(menu.p.refri, 2)], payments: [cash(2000)] });
  await t.ok('orders.void', { orderId: voided.id, reason: 'cobrado em dobro' }, manager);
  // A comanda opened and cancelled unpaid.
  const tab = await sell({ type: 'comanda', customerName: 'Mesa 3', lines: [line(menu.p.pao, 3)] });
  await t.ok('orders.cancel', { orderId: tab.id, reason: 'cliente desistiu' }, cashier);
  // The night's last sale at 03:59 belongs to the 29th; the first at 04:01 to the 30th.
  await setLocal('2026-11-30T03:59:00');
  const lastNight = await sell({ lines: [line(menu.p.pao, 2)], payments: [cash(1000)] });
  await setLocal('2026-11-30T04:01:00');
  const nextDay = await sell({ lines: [line(menu.p.refri)], payments: [card('credit', 600)] });
  const orders = await Promise.all(ids.map((id) => t.ok('orders.get', { id }, manager)));
  return { caixa, orders, lastNight, nextDay, voided, tab, comboOrder };
}

describe('reports.sales', () => {
  it('by product and by payment match the sums of the orders made, voids and cancellations apart, to the centavo', async () => {
    await shop();
    const { caixa, orders } = await busyDay();
    const period = { from: '2026-11-29', to: '2026-11-30' };
    const byProduct = await sales(period, 'product');
    const expected = expectedByProduct(orders);
    expect(new Map(byProduct.rows.map((r) => [r.key, { orders: r.orders, quantity: r.quantity, gross: r.gross, discounts: r.discounts, net: r.net }]))).toEqual(expected);
    const net = countedTotal(orders);
    expect(byProduct.totals).toMatchObject({ orders: 5, net });
    expect(byProduct.rows.reduce((sum, r) => sum + r.net, 0)).toBe(net);

    const byPayment = await sales(period, 'payment');
    expect(new Map(byPayment.rows.map((r) => [r.key, { orders: r.orders, gross: r.gross, change: r.change, net: r.net }]))).toEqual(expectedByPayment(orders));
    expect(byPayment.totals.gross - byPayment.totals.change).toBe(net);

    // The caixa's Z report holds the same money: its sales less the void's refunds.
    // Float 100,00 + 30,00 of the first sale + 10,00 of the fries + 10,00 at night; the void's cash came in and went back out.
    const counted = { cash: 15_000, debit: 2000, credit: 600, voucher: 0, pix: 3740 };
    const z = await t.ok('cash.close', { sessionId: caixa.id, counted }, cashier);
    expect(z.methods.every((m) => m.difference === 0)).toBe(true);
    expect(z.methods.reduce((sum, m) => sum + m.sales - m.refunds, 0)).toBe(net);
  });

  it('puts 03:59 on the night before and 04:01 on the new day; groups by every dimension with the same totals', async () => {
    await shop();
    const { orders, lastNight, nextDay } = await busyDay();
    const period = { from: '2026-11-29', to: '2026-11-30' };
    const byDay = await sales(period, 'day');
    const dayOf = (id: string) => orders.find((o) => o.id === id)!.businessDay;
    expect(dayOf(lastNight.id)).toBe('2026-11-29');
    expect(dayOf(nextDay.id)).toBe('2026-11-30');
    expect(byDay.rows.map((r) => [r.key, r.label, r.orders, r.net])).toEqual([
      ['2026-11-29', '29/11/2026', 4, countedTotal(orders) - 600],
      ['2026-11-30', '30/11/2026', 1, 600],
    ]);
    for (const by of ['day', 'hour', 'weekday', 'product', 'category', 'terminal', 'cashier', 'order_type']) {
      const report = await sales(period, by);
      expect(report.rows.reduce((sum, r) => sum + r.net, 0), by).toBe(report.totals.net);
      expect(report.rows.reduce((sum, r) => sum + r.gross - r.discounts, 0), by).toBe(report.totals.net);
    }
    const byCashier = await sales(period, 'cashier');
    expect(byCashier.rows.map((r) => [r.label, r.orders])).toEqual([['Caio Caixa', 4], ['Ana Admin', 1]]);
    const byType = await sales(period, 'order_type');
    expect(byType.rows.map((r) => [r.key, r.label, r.orders])).toEqual([['balcao', 'Balcão', 4], ['viagem', 'Para viagem', 1]]);
    const byHour = await sales(period, 'hour');
    expect(byHour.rows.map((r) => [r.label, r.orders])).toEqual([['03h', 1], ['04h', 1], ['12h', 3]]);
    const byWeekday = await sales(period, 'weekday');
    expect(byWeekday.rows.map((r) => [r.label, r.orders])).toEqual([['domingo', 4], ['segunda-feira', 1]]);
    const byCategory = await sales(period, 'category');
    // The first order has burgers and a can: one order in Lanches and one in Bebidas.
    expect(Object.fromEntries(byCategory.rows.map((r) => [r.label, r.orders]))).toEqual({ Lanches: 2, Bebidas: 2, 'Porções': 3 });
  });

  it('keeps the cost of each line from the moment of sale and says when it is unknown', async () => {
    await shop();
    await busyDay();
    const byProduct = await sales({ from: '2026-11-29', to: '2026-11-30' }, 'product');
    const row = (id: string) => byProduct.rows.find((r) => r.key === id)!;
    // Burger 800 + bacon 30 g 150 = 950 each, two of them.
    expect(row(menu.p.xburger)).toMatchObject({ cost: 1900, uncostedNet: 0, margin: row(menu.p.xburger).net - 1900 });
    // A can costs 2,50.
    expect(row(menu.p.refri)).toMatchObject({ cost: 500, margin: row(menu.p.refri).net - 500 });
    // Cheese bread has no recipe; fries' potatoes were never received at a cost.
    expect(row(menu.p.pao)).toMatchObject({ cost: null, margin: null, uncostedNet: row(menu.p.pao).net });
    expect(row(menu.p.batata)).toMatchObject({ cost: null, margin: null });
    // Receiving goods later never changes what was sold.
    await t.ok('stock.receive', { id: newId(), lines: [{ id: newId(), itemId: items.lata, quantity: 12_000, unitCost: 900 }] }, admin);
    expect((await sales({ from: '2026-11-29', to: '2026-11-30' }, 'product')).rows.find((r) => r.key === menu.p.refri)).toMatchObject({ cost: 500 });
  });

  it('compares with the period before and resolves presets on the shop calendar', async () => {
    await shop();
    const { orders } = await busyDay();
    await setLocal('2026-11-30T12:00:00');
    const today = await sales({ preset: 'today' }, 'day');
    expect(today.period).toEqual({ from: '2026-11-30', to: '2026-11-30', days: 1 });
    expect(today.previousPeriod).toEqual({ from: '2026-11-29', to: '2026-11-29', days: 1 });
    expect(today.totals.net).toBe(600);
    expect(today.previousTotals.net).toBe(countedTotal(orders) - 600);
    // A long period adds up the same as the days of it that sold.
    for (const by of ['product', 'category', 'payment', 'cashier', 'day']) {
      const long = await sales({ from: '2026-09-15', to: '2027-01-20' }, by);
      const short = await sales({ from: '2026-11-29', to: '2026-11-30' }, by);
      expect(long.rows.map(({ previous: _p, ...row }) => row), by).toEqual(short.rows.map(({ previous: _p, ...row }) => row));
      expect(long.totals, by).toEqual(short.totals);
    }
    const byProduct = await sales({ preset: 'today' }, 'product');
    expect(byProduct.rows).toEqual([expect.objectContaining({ key: menu.p.refri, net: 600, previous: expect.objectContaining({ net: 600 }) })]);
  });

  it('is for managers and the owner only, and refuses a bad period naming the field', async () => {
    await shop();
    expect(await t.fails('reports.sales', { period: { preset: 'today' }, by: 'product' }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    await t.ok('reports.sales', { period: { preset: 'today' }, by: 'product' }, admin);
    expect(await t.fails('reports.sales', { period: { from: '2026-12-02', to: '2026-12-01' }, by: 'day' }, manager)).toMatchObject({
      code: 'VALIDATION', field: 'period.from', message: expect.stringContaining('A data inicial não pode ser depois da data final'),
    });
    expect(await t.fails('reports.sales', { period: { from: '2020-01-01', to: '2026-01-01' }, by: 'day' }, manager)).toMatchObject({ code: 'VALIDATION', field: 'period.to' });
    expect(await t.fails('reports.sales', { period: { from: '2026-02-29', to: '2026-03-01' }, by: 'day' }, manager)).toMatchObject({ code: 'VALIDATION', field: 'period.from' });
    expect(await t.fails('reports.sales', { period: { preset: 'today' }, by: 'mood' }, manager)).toMatchObject({ code: 'VALIDATION', field: 'by' });
  });
});

describe('the other period reports', () => {
  it('discounts with who gave and who approved; voids and cancellations with who, why and who approved', async () => {
    await shop();
    const { voided, tab, comboOrder } = await busyDay();
    const period = { from: '2026-11-29', to: '2026-11-30' };
    const discounts = await t.ok('reports.discounts', { period }, manager);
    expect(discounts.rows.map((d) => [d.orderNumber, d.itemName, d.amount, d.givenByName, d.approvedByName, d.reason])).toEqual([
      [comboOrder.number, null, comboOrder.discount, 'Caio Caixa', 'Gil Gerente', 'aniversário'],
      ['A-003', 'Batata frita', 200, 'Ana Admin', 'Ana Admin', null],
    ]);
    expect(discounts.totals).toEqual({ count: 2, amount: comboOrder.discount + 200 });

    const voids = await t.ok('reports.voids', { period }, manager);
    expect(voids.rows.map((v) => [v.orderId, v.kind, v.total, v.refunded, v.reason, v.byName, v.approverName])).toEqual([
      [voided.id, 'voided', 1200, 1200, 'cobrado em dobro', 'Gil Gerente', 'Gil Gerente'],
      [tab.id, 'cancelled', 1500, 0, 'cliente desistiu', 'Caio Caixa', null],
    ]);
    expect(voids.totals).toEqual({ voided: 1, voidedTotal: 1200, cancelled: 1, cancelledTotal: 1500 });
  });

  it('caixas with their differences per cashier; stock value and losses by reason; ratings beside sales', async () => {
    await shop();
    const { caixa, orders } = await busyDay();
    const counted = { cash: 15_000 - 150, debit: 2000, credit: 600, voucher: 0, pix: 3740 };
    await t.ok('cash.close', { sessionId: caixa.id, counted }, cashier);
    const period = { from: '2026-11-29', to: '2026-11-30' };
    const caixas = await t.ok('reports.caixas', { period }, manager);
    expect(caixas.caixas).toEqual([expect.objectContaining({ sessionId: caixa.id, kind: 'Z', businessDay: '2026-11-29', openedByName: 'Caio Caixa', difference: -150, takings: countedTotal(orders) })]);
    expect(caixas.byCashier).toEqual([{ name: 'Caio Caixa', caixas: 1, closed: 1, difference: -150, shortages: -150, overages: 0 }]);

    await t.ok('stock.loss', { id: newId(), itemId: items.lata, quantity: 2000, reason: 'quebra' }, admin);
    const stock = await t.ok('reports.stock', { period: { from: '2026-11-30', to: '2026-11-30' } }, manager);
    expect(stock.losses).toEqual([{ reason: 'quebra', count: 1, value: 500, previousValue: 0 }]);
    const levels = t.app.db.prepare('SELECT coalesce(sum(value), 0) AS value FROM stock_levels').get() as { value: number };
    expect(stock.stockValue).toBe(levels.value);

    const kiosk = (await t.ok('feedback.openKiosk', {}, manager)).token;
    await t.ok('feedback.submit', { id: newId(), orderId: orders[0]!.id, rating: 5 }, kiosk);
    await t.ok('feedback.submit', { id: newId(), orderId: orders[2]!.id, rating: 2 }, kiosk);
    const ratings = await t.ok('reports.ratings', { period }, manager);
    expect(ratings.days).toEqual([
      { day: '2026-11-29', orders: 4, net: countedTotal(orders) - 600, ratings: 2, average: 3.5 },
      { day: '2026-11-30', orders: 1, net: 600, ratings: 0, average: null },
    ]);
  });
});

export type SalesReport = OperationOutput<'reports.sales'>;
