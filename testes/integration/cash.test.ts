import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
let sessionId: string;
afterEach(() => t?.close());

async function openCaixa(openingFloat = 10_000) {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  sessionId = (await t.ok('cash.open', { id: newId(), openingFloat }, cashier)).id;
}

const sell = (lines: ReturnType<typeof line>[], payments: unknown[]) =>
  t.ok('orders.create', { id: newId(), type: 'balcao', lines, payments } as never, cashier);

describe('the caixa', () => {
  it('expected cash = float + cash received − change + suprimentos − sangrias − cash refunds; change is never takings', async () => {
    await openCaixa(10_000);
    await sell([line(menu.p.refri)], [cash(5000)]); // 6,00 paid with 50,00: 44,00 change
    await sell([line(menu.p.batata)], [cash(1200)]);
    await sell([line(menu.p.pao, 2)], [card('debit', 1000)]);
    await sell([line(menu.p.suco)], [card('pix', 400), cash(1000)]); // 9,00: 4,00 PIX + 5,00 cash of 10,00
    const refunded = await sell([line(menu.p.refri)], [cash(600)]);
    await t.ok('cash.movement', { id: newId(), kind: 'suprimento', amount: 2000, reason: 'troco extra' }, cashier);
    await t.ok('cash.movement', { id: newId(), kind: 'sangria', amount: 3000, reason: 'cofre' }, cashier);
    await t.ok('orders.void', { orderId: refunded.id, reason: 'engano' }, t.adminToken);

    const x = await t.ok('cash.report', {}, t.adminToken);
    expect(x.kind).toBe('X');
    expect(x.cash).toEqual({ openingFloat: 10_000, received: 5000 + 1200 + 1000 + 600, change: 4400 + 500, suprimentos: 2000, sangrias: 3000, refunds: 600, expected: 0 + 10_000 + 7800 - 4900 + 2000 - 3000 - 600 });
    expect(x.cash.expected).toBe(11_300);
    const byMethod = Object.fromEntries(x.methods.map((m) => [m.method, m]));
    expect(byMethod.cash).toMatchObject({ sales: 600 + 1200 + 500 + 600, refunds: 600, expected: 11_300 });
    expect(byMethod.debit).toMatchObject({ sales: 1000, expected: 1000 });
    expect(byMethod.pix).toMatchObject({ sales: 400, expected: 400 });
    expect(x.orders).toMatchObject({ count: 4, voided: 1, voidedTotal: 600 });

    // The cashier never sees the expected figures before counting.
    expect(await t.fails('cash.report', {}, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    const current = await t.ok('cash.current', {}, cashier);
    expect(JSON.stringify(current)).not.toContain('expected');

    const z = await t.ok('cash.close', { sessionId, counted: { cash: 11_000, debit: 1000, credit: 0, voucher: 0, pix: 400 } }, cashier);
    expect(z.kind).toBe('Z');
    expect(Object.fromEntries(z.methods.map((m) => [m.method, m.difference]))).toEqual({ cash: -300, debit: 0, credit: 0, voucher: 0, pix: 0 });
    expect(await t.fails('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier)).toMatchObject({ code: 'CASH_CLOSED' });
  });

  it('a closed caixa never changes; the manager confirms the count', async () => {
    await openCaixa(5000);
    await sell([line(menu.p.refri)], [cash(600)]);
    const z = await t.ok('cash.close', { sessionId, counted: { cash: 5600, debit: 0, credit: 0, voucher: 0, pix: 0 } }, cashier);
    expect(await t.fails('cash.movement', { id: newId(), kind: 'sangria', amount: 100, reason: 'depois' }, cashier)).toMatchObject({ code: 'CASH_CLOSED' });
    expect(() => t.app.db.prepare('UPDATE cash_closings SET counted = ?').run('{}')).toThrow(/immutable/);
    expect(await t.fails('cash.confirm', { sessionId }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    const confirmed = await t.ok('cash.confirm', { sessionId }, t.adminToken);
    expect(confirmed.session.confirmedByName).toBe('Ana Admin');
    expect({ ...confirmed, session: null }).toEqual({ ...z, session: null });
    // A new caixa can open and its report starts from zero.
    const next = await t.ok('cash.open', { id: newId(), openingFloat: 7000 }, cashier);
    const x = await t.ok('cash.report', { sessionId: next.id }, t.adminToken);
    expect(x.cash).toMatchObject({ openingFloat: 7000, received: 0, expected: 7000 });
  });

  it('a later void belongs to the caixa open when it happens: the Z report of the closed caixa stays the same bytes', async () => {
    await openCaixa(5000);
    const sold = await sell([line(menu.p.refri)], [cash(600)]);
    await sell([line(menu.p.batata)], [card('debit', 1200)]);
    // A staff meal: 100% off, nothing to pay, closed at once.
    const meal = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.suco)], discount: { kind: 'percent', value: 10_000 } }, t.adminToken);
    await t.ok('cash.close', { sessionId, counted: { cash: 5600, debit: 1200, credit: 0, voucher: 0, pix: 0 } }, cashier);
    const closed = JSON.stringify(await t.ok('cash.report', { sessionId }, t.adminToken));
    expect(JSON.parse(closed).orders).toMatchObject({ count: 3, total: 1800, discounts: 900, voided: 0, voidedTotal: 0 });

    const second = await t.ok('cash.open', { id: newId(), openingFloat: 3000 }, cashier);
    await t.ok('orders.void', { orderId: sold.id, reason: 'cobrado errado' }, t.adminToken);
    await t.ok('orders.void', { orderId: meal.id, reason: 'lançado por engano' }, t.adminToken);
    expect(JSON.stringify(await t.ok('cash.report', { sessionId }, t.adminToken))).toBe(closed);
    const x = await t.ok('cash.report', { sessionId: second.id }, t.adminToken);
    expect(x.orders).toMatchObject({ count: 0, total: 0, voided: 2, voidedTotal: 600 });
    expect(x.cash).toMatchObject({ refunds: 600, expected: 2400 });
    const z = await t.ok('cash.close', { sessionId: second.id, counted: { cash: 2400, debit: 0, credit: 0, voucher: 0, pix: 0 } }, cashier);
    expect(z.orders).toMatchObject({ voided: 2, voidedTotal: 600 });
    expect(z.methods.every((m) => m.difference === 0)).toBe(true);
  });

  it('a sangria above the cash expected in the drawer is refused for anyone, and nothing is written', async () => {
    await openCaixa(10_000);
    await sell([line(menu.p.refri)], [cash(5000)]); // the drawer now holds 100,00 + 6,00
    const count = () => t.app.db.prepare('SELECT count(*) AS n FROM cash_movements').get() as { n: number };
    const refused = await t.fails('cash.movement', { id: newId(), kind: 'sangria', amount: 500_000, reason: 'cofre' }, t.adminToken);
    expect(refused).toMatchObject({ code: 'CASH_INSUFFICIENT', field: 'amount' });
    // The count stays blind: the message never says how much the drawer should hold.
    expect(refused.message).toMatch(/maior que o dinheiro/);
    expect(refused.message).not.toMatch(/106/);
    expect(await t.fails('cash.movement', { id: newId(), kind: 'sangria', amount: 10_601, reason: 'cofre' }, t.adminToken)).toMatchObject({ code: 'CASH_INSUFFICIENT' });
    expect(count().n).toBe(0);
    // Every centavo expected may go.
    await t.ok('cash.movement', { id: newId(), kind: 'sangria', amount: 10_600, reason: 'cofre' }, t.adminToken);
    expect((await t.ok('cash.report', {}, t.adminToken)).cash.expected).toBe(0);
    // A suprimento is never limited by the drawer.
    await t.ok('cash.movement', { id: newId(), kind: 'suprimento', amount: 50_000, reason: 'troco' }, cashier);
  });

  it('above the sangria limit (a setting) a cashier needs a manager\'s single-use approval for that sangria', async () => {
    await openCaixa(100_000);
    await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
    expect((await t.ok('settings.get', {}, t.adminToken)).sangriaManagerLimit).toBe(20_000);
    await t.ok('cash.movement', { id: newId(), kind: 'sangria', amount: 20_000, reason: 'cofre' }, cashier);
    const id = newId();
    const big = { id, kind: 'sangria' as const, amount: 20_001, reason: 'cofre' };
    expect(await t.fails('cash.movement', big, cashier)).toMatchObject({ code: 'OVERRIDE_REQUIRED', field: 'overrideToken' });
    const other = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'cash.movement', recordId: newId() }, cashier);
    expect(await t.fails('cash.movement', { ...big, overrideToken: other.overrideToken }, cashier)).toMatchObject({ code: 'OVERRIDE_INVALID' });
    const granted = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'cash.movement', recordId: id }, cashier);
    await t.ok('cash.movement', { ...big, overrideToken: granted.overrideToken }, cashier);
    const audit = t.app.db.prepare("SELECT user_name, approver_name FROM audit_log WHERE action = 'cash.sangria' AND record_id = ?").get(id);
    expect(audit).toEqual({ user_name: 'Caio Caixa', approver_name: 'Gil Gerente' });
    // A manager approves their own; a higher limit lets the cashier take more alone.
    await t.ok('cash.movement', { id: newId(), kind: 'sangria', amount: 30_000, reason: 'cofre' }, t.adminToken);
    expect(await t.fails('settings.update', { sangriaManagerLimit: -1 }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'sangriaManagerLimit' });
    await t.ok('settings.update', { sangriaManagerLimit: 30_000 }, t.adminToken);
    await t.ok('cash.movement', { id: newId(), kind: 'sangria', amount: 25_000, reason: 'cofre' }, cashier);
  });

  it('the caixa of this terminal lists its suprimentos and sangrias as they happen, for the cashier too', async () => {
    await openCaixa(10_000);
    expect((await t.ok('cash.current', {}, cashier)).movements).toEqual([]);
    await t.ok('cash.movement', { id: newId(), kind: 'suprimento', amount: 2000, reason: 'troco extra' }, cashier);
    t.clock.advance(60_000);
    await t.ok('cash.movement', { id: newId(), kind: 'sangria', amount: 3000, reason: 'cofre' }, cashier);
    const current = await t.ok('cash.current', {}, cashier);
    expect(current.movements.map((m) => [m.kind, m.amount, m.reason, m.byName])).toEqual([
      ['suprimento', 2000, 'troco extra', 'Caio Caixa'],
      ['sangria', 3000, 'cofre', 'Caio Caixa'],
    ]);
  });

  it('one open caixa per terminal; open comandas block closing', async () => {
    await openCaixa();
    expect(await t.fails('cash.open', { id: newId(), openingFloat: 0 }, cashier)).toMatchObject({ code: 'CONFLICT' });
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata)] }, cashier);
    const counted = { cash: 10_000, debit: 0, credit: 0, voucher: 0, pix: 0 };
    expect(await t.fails('cash.close', { sessionId, counted }, cashier)).toMatchObject({ code: 'INVALID_STATE', details: { openOrders: 1 } });
    await t.ok('orders.pay', { orderId: comanda.id, payments: [card('credit', 1200)] }, cashier);
    const z = await t.ok('cash.close', { sessionId, counted: { ...counted, credit: 1200 } }, cashier);
    expect(z.methods.every((m) => m.difference === 0)).toBe(true);
  });
});

describe('order numbers across terminals', () => {
  it('each terminal counts on its own, prefixed by its letter, so two offline terminals never collide', async () => {
    const { createTestApp, ADMIN } = await import('../helpers/test-app.js');
    const terminals = await Promise.all(['A', 'B'].map(async (letter) => {
      const term = await createTestApp();
      await term.ok('setup.initialize', { shopName: 'Lanchonete', terminalLetter: letter, adminName: ADMIN.name, adminPin: ADMIN.pin });
      const { token } = await term.ok('auth.login', ADMIN);
      const m = await seedCatalog(term, token);
      await term.ok('cash.open', { id: newId(), openingFloat: 0 }, token);
      return { term, token, m };
    }));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const { term, token, m } of terminals) {
        numbers.push((await term.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(m.p.refri)], payments: [cash(600)] }, token)).number);
      }
    }
    expect(numbers).toEqual(['A-001', 'B-001', 'A-002', 'B-002', 'A-003', 'B-003']);
    for (const { term } of terminals) term.close();
  });
});
