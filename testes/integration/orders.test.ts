import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
afterEach(() => t?.close());

async function counter() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
}

const burger = (extra: Record<string, unknown> = {}) => line(menu.p.xburger, 1, { modifierOptionIds: [menu.ponto.aoPonto], ...extra });

describe('a sale', () => {
  it('creates and pays in one call: number, captured prices, change', async () => {
    await counter();
    const order = await t.ok(
      'orders.create',
      {
        id: newId(),
        type: 'balcao',
        customerName: 'Maria',
        lines: [burger({ quantity: 2, modifierOptionIds: [menu.ponto.bem, menu.extras.bacon], notes: 'sem maionese' }), line(menu.p.refri)],
        payments: [cash(5000)],
      },
      cashier,
    );
    expect(order.number).toBe('A-001');
    expect(order.lines[0]).toMatchObject({ name: 'X-Burger', unitPrice: 2200, quantity: 2, total: 4400, notes: 'sem maionese', station: 'Chapa' });
    expect(order.lines[0]!.modifiers.map((m) => m.name)).toEqual(['Bem passado', '+ Bacon']);
    expect(order).toMatchObject({ total: 5000, paid: 5000, due: 0, change: 0, status: 'paid' });
    const second = await t.ok('orders.create', { id: newId(), type: 'viagem', lines: [line(menu.p.refri)], payments: [cash(1000)] }, cashier);
    expect(second).toMatchObject({ number: 'A-002', total: 600, change: 400, status: 'delivered' });
    expect(second.payments[0]).toMatchObject({ method: 'cash', amount: 600, tendered: 1000, change: 400 });

    // A later price change never rewrites the sale.
    await t.ok('catalog.saveProduct', { id: menu.p.xburger, name: 'X-Burger Novo', code: 'XB', price: 2500 }, t.adminToken);
    const again = await t.ok('orders.get', { id: order.id }, cashier);
    expect(again.lines[0]).toMatchObject({ name: 'X-Burger', unitPrice: 2200 });
  });

  it('a retried create returns the same sale, never a second one', async () => {
    await counter();
    const input = { id: newId(), type: 'balcao' as const, lines: [line(menu.p.refri)], payments: [cash(600)] };
    const [a, b] = await Promise.all([t.ok('orders.create', input, cashier), t.ok('orders.create', input, cashier)]);
    expect(a.number).toBe(b.number);
    expect(t.app.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(1);
    expect(t.app.db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(1);
  });

  it('splits across methods; only cash may exceed; never less than the total', async () => {
    await counter();
    const lines = [burger(), line(menu.p.batata)]; // 18,00 + 12,00
    const short = await t.fails('orders.create', { id: newId(), type: 'balcao', lines, payments: [card('debit', 1000), card('pix', 1000)] }, cashier);
    expect(short).toMatchObject({ code: 'PAYMENT_SHORT', field: 'payments', details: { missing: 1000 } });
    const over = await t.fails('orders.create', { id: newId(), type: 'balcao', lines, payments: [card('credit', 3100)] }, cashier);
    expect(over).toMatchObject({ code: 'VALIDATION', field: 'payments.0.amount' });
    const shortCash = await t.fails('orders.create', { id: newId(), type: 'balcao', lines, payments: [card('debit', 1000), cash(1500)] }, cashier);
    expect(shortCash).toMatchObject({ code: 'PAYMENT_SHORT', field: 'payments.1.tendered' });
    expect(t.app.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);

    const split = await t.ok('orders.create', { id: newId(), type: 'balcao', lines, payments: [card('debit', 1000), card('pix', 500), cash(2000)] }, cashier);
    expect(split.payments.map((p) => [p.method, p.amount, p.tendered, p.change])).toEqual([
      ['debit', 1000, null, null],
      ['pix', 500, null, null],
      ['cash', 1500, 2000, 500],
    ]);
    expect(split.number).toBe('A-001');
  });

  it('checks modifiers: required groups, max choices, foreign options, sold out', async () => {
    await counter();
    const attempt = (l: Record<string, unknown>) => t.fails('orders.create', { id: newId(), type: 'balcao', lines: [l], payments: [cash(10_000)] }, cashier);
    expect(await attempt(line(menu.p.xburger))).toMatchObject({ code: 'VALIDATION', field: 'lines.0.modifierOptionIds', message: expect.stringContaining('Ponto da carne') });
    expect(await attempt(burger({ modifierOptionIds: [menu.ponto.mal, menu.ponto.bem] }))).toMatchObject({ field: 'lines.0.modifierOptionIds' });
    expect(await attempt(burger({ modifierOptionIds: [menu.ponto.mal, menu.extras.bacon, menu.extras.queijo, menu.extras.ovo, menu.extras.semCebola] }))).toMatchObject({
      message: 'No máximo 3 em "Adicionais".',
    });
    expect(await attempt(line(menu.p.refri, 1, { modifierOptionIds: [menu.extras.bacon] }))).toMatchObject({ field: 'lines.0.modifierOptionIds' });
    await t.ok('catalog.setSoldOut', { id: menu.p.batata, soldOut: true }, cashier);
    expect(await attempt(line(menu.p.batata))).toMatchObject({ code: 'CONFLICT', message: 'Batata frita está esgotado.' });
  });

  it('sells a combo with the chosen products', async () => {
    await counter();
    const order = await t.ok(
      'orders.create',
      {
        id: newId(),
        type: 'balcao',
        lines: [line(menu.p.combo, 1, { comboChoices: [{ slotId: menu.slots.lanche, productId: menu.p.xsalada }, { slotId: menu.slots.bebida, productId: menu.p.suco }] })],
        payments: [card('credit', 3200)],
      },
      cashier,
    );
    expect(order.lines[0]!.combo.map((c) => c.productName)).toEqual(['X-Salada', 'Suco de laranja']);
    expect(order.total).toBe(3200);
    const missing = await t.fails('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.combo, 1, { comboChoices: [{ slotId: menu.slots.lanche, productId: menu.p.xburger }] })] }, cashier);
    expect(missing).toMatchObject({ field: 'lines.0.comboChoices', message: expect.stringContaining('Bebida') });
  });

  it('needs an open caixa', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    const error = await t.fails('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, t.adminToken);
    expect(error.code).toBe('CASH_CLOSED');
  });
});

describe('PIX', () => {
  it('charges a static BR Code for part of the order, with its QR; the cashier confirms it and pays the rest', async () => {
    await counter();
    expect(await t.fails('settings.update', { pixKey: '123' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'pixKey' });
    await t.ok('settings.update', { pixKey: '+5511912345678', pixMerchantName: 'Lanchonete Teste', pixMerchantCity: 'São Paulo' }, t.adminToken);
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [burger(), line(menu.p.refri)] }, cashier);
    expect(order).toMatchObject({ status: 'open', due: 2400 });
    expect(await t.fails('orders.pixCharge', { orderId: order.id, amount: 2500 }, cashier)).toMatchObject({ field: 'amount' });
    const charge = await t.ok('orders.pixCharge', { orderId: order.id, amount: 1400 }, cashier);
    const { parsePixPayload } = await import('../../src/utils/pix-brcode.js');
    const fields = parsePixPayload(charge.payload);
    expect(fields.get('54')).toBe('14.00');
    expect(fields.get('59')).toBe('Lanchonete Teste');
    expect(fields.get('60')).toBe('Sao Paulo');
    expect(charge.txid).toBe('BALCAOA00120261129');
    expect(charge.svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    const paid = await t.ok('orders.pay', { orderId: order.id, payments: [card('pix', 1400), cash(1000)] }, cashier);
    expect(paid.payments.map((p) => [p.method, p.amount])).toEqual([['pix', 1400], ['cash', 1000]]);
  });
});

describe('discounts', () => {
  it('up to the limit a cashier gives them; above it a manager approves with a single-use override', async () => {
    await counter();
    const small = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [burger({ discount: { kind: 'percent', value: 1000 } })], payments: [cash(2000)] }, cashier);
    expect(small).toMatchObject({ subtotal: 1620, discount: 180, total: 1620 });

    const id = newId();
    const order = { id, type: 'balcao' as const, lines: [burger()], discount: { kind: 'amount' as const, value: 500, reason: 'cliente fiel' }, payments: [cash(2000)] };
    expect(await t.fails('orders.create', order, cashier)).toMatchObject({ code: 'OVERRIDE_REQUIRED', field: 'overrideToken' });
    const wrongRecord = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.create', recordId: newId() }, cashier);
    expect(await t.fails('orders.create', { ...order, overrideToken: wrongRecord.overrideToken }, cashier)).toMatchObject({ code: 'OVERRIDE_INVALID' });
    const granted = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.create', recordId: id }, cashier);
    const sold = await t.ok('orders.create', { ...order, overrideToken: granted.overrideToken }, cashier);
    expect(sold).toMatchObject({ subtotal: 1800, discount: 500, total: 1300, change: 700 });
    const audit = t.app.db.prepare("SELECT user_name, approver_name FROM audit_log WHERE action = 'orders.discount'").get();
    expect(audit).toEqual({ user_name: 'Caio Caixa', approver_name: 'Gil Gerente' });
  });

  it('the limit is on the whole discount of the order: a line discount and an order discount within it each still need a manager together', async () => {
    await counter();
    // 10% off the burger and 10% off the order: 19% of the gross, past the 10% limit.
    const stacked = { id: newId(), type: 'balcao' as const, lines: [burger({ discount: { kind: 'percent', value: 1000 } })], discount: { kind: 'percent' as const, value: 1000 }, payments: [cash(2000)] };
    expect(await t.fails('orders.create', stacked, cashier)).toMatchObject({ code: 'OVERRIDE_REQUIRED' });
    // On a comanda with 10% off, a line added with its own 10% goes past the limit too.
    const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 1', lines: [burger()], discount: { kind: 'percent', value: 1000 } }, cashier);
    const more = { orderId: tab.id, lines: [line(menu.p.refri, 1, { discount: { kind: 'percent', value: 1000 } })] };
    expect(await t.fails('orders.addLines', more, cashier)).toMatchObject({ code: 'OVERRIDE_REQUIRED' });
    const granted = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.addLines', recordId: tab.id }, cashier);
    expect(await t.ok('orders.addLines', { ...more, overrideToken: granted.overrideToken }, cashier)).toMatchObject({ subtotal: 2340, discount: 60 + 234, total: 2106 });
  });

  it('a % discount on a comanda applies to the order as it stands, items added later included; its rule is stored once', async () => {
    await counter();
    const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 7', lines: [burger()], discount: { kind: 'percent', value: 1000 } }, cashier);
    expect(tab).toMatchObject({ subtotal: 1800, discount: 180, total: 1620 });
    const more = await t.ok('orders.addLines', { orderId: tab.id, lines: [line(menu.p.refri)] }, cashier);
    expect(more).toMatchObject({ subtotal: 2400, discount: 240, total: 2160, due: 2160 });
    const rows = t.app.db.prepare('SELECT kind, value FROM order_discounts WHERE order_id = ?').all(tab.id);
    expect(rows).toEqual([{ kind: 'percent', value: 1000 }]);
    // A staff meal, 100% off by the manager: what the cashier adds later is on the house too, with no new approval.
    const meal = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Equipe', lines: [burger()], discount: { kind: 'percent', value: 10_000 } }, t.adminToken);
    expect(await t.ok('orders.addLines', { orderId: meal.id, lines: [line(menu.p.refri, 2)] }, cashier)).toMatchObject({ subtotal: 3000, discount: 3000, total: 0 });
  });
});

describe('comanda, cancel, void', () => {
  it('a comanda stays open, takes more items later, sends each batch to the kitchen and is paid at exit', async () => {
    await counter();
    const open = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 4', lines: [burger()] }, cashier);
    expect(open).toMatchObject({ status: 'open', total: 1800, due: 1800 });
    const more = await t.ok('orders.addLines', { orderId: open.id, lines: [line(menu.p.batata), line(menu.p.refri, 2)] }, cashier);
    expect(more).toMatchObject({ total: 4200, due: 4200 });
    const queue = await t.ok('kitchen.queue', {}, t.adminToken);
    expect(queue.map((ticket) => ticket.lines.map((l) => l.name))).toEqual([['X-Burger'], ['Batata frita']]);
    const paid = await t.ok('orders.pay', { orderId: open.id, payments: [card('debit', 4200)] }, cashier);
    expect(paid).toMatchObject({ due: 0, status: 'paid' });
    expect(await t.fails('orders.addLines', { orderId: open.id, lines: [line(menu.p.refri)] }, cashier)).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a comanda with nothing to pay (a staff meal, 100% off) closes with no payment, and its caixa can close', async () => {
    await counter();
    const meal = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Equipe', lines: [burger()], discount: { kind: 'percent', value: 10_000 } }, t.adminToken);
    expect(meal).toMatchObject({ status: 'open', total: 0, due: 0 });
    // Nothing is due: a payment is refused with a clear message, and closing without one works.
    expect(await t.fails('orders.pay', { orderId: meal.id, payments: [card('debit', 100)] }, cashier)).toMatchObject({ code: 'VALIDATION', field: 'payments' });
    const closed = await t.ok('orders.pay', { orderId: meal.id, payments: [] }, cashier);
    expect(closed).toMatchObject({ status: 'paid', total: 0, paid: 0, due: 0, payments: [] });
    expect(closed.paidAt).not.toBeNull();
    // A retry gets the same answer; something due still needs a payment.
    expect(await t.ok('orders.pay', { orderId: meal.id, payments: [] }, cashier)).toEqual(closed);
    const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 2', lines: [line(menu.p.refri)] }, cashier);
    expect(await t.fails('orders.pay', { orderId: tab.id, payments: [] }, cashier)).toMatchObject({ code: 'PAYMENT_SHORT', field: 'payments' });
    await t.ok('orders.pay', { orderId: tab.id, payments: [cash(600)] }, cashier);
    const sessionId = (await t.ok('cash.current', {}, cashier)).session!.id;
    await t.ok('cash.close', { sessionId, counted: { cash: 10_600, debit: 0, credit: 0, voucher: 0, pix: 0 } }, cashier);
  });

  it('cancels an unpaid order with a reason; a paid one only voids, with a manager, refunding each method', async () => {
    await counter();
    // Drinks only: the kitchen never had it (after the kitchen, see the next describe).
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.refri)] }, cashier);
    expect(await t.fails('orders.cancel', { orderId: comanda.id, reason: '' }, cashier)).toMatchObject({ field: 'reason' });
    expect(await t.ok('orders.cancel', { orderId: comanda.id, reason: 'cliente desistiu' }, cashier)).toMatchObject({ status: 'cancelled', reason: 'cliente desistiu' });

    const sale = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [burger(), line(menu.p.batata)], payments: [card('credit', 1000), cash(5000)] }, cashier);
    expect(await t.fails('orders.cancel', { orderId: sale.id, reason: 'engano' }, cashier)).toMatchObject({ code: 'INVALID_STATE' });
    expect(await t.fails('orders.void', { orderId: sale.id, reason: 'engano do caixa' }, cashier)).toMatchObject({ code: 'OVERRIDE_REQUIRED' });
    const granted = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.void', recordId: sale.id }, cashier);
    const voided = await t.ok('orders.void', { orderId: sale.id, reason: 'engano do caixa', overrideToken: granted.overrideToken }, cashier);
    expect(voided.status).toBe('voided');
    expect(voided.refunds).toEqual([
      { method: 'credit', amount: 1000 },
      { method: 'cash', amount: 2000 },
    ]);
    expect((await t.ok('kitchen.queue', {}, t.adminToken)).map((k) => k.orderId)).not.toContain(sale.id);
    const audit = t.app.db.prepare("SELECT user_name, approver_name, details FROM audit_log WHERE action = 'orders.void'").get() as { details: string };
    expect(audit).toMatchObject({ user_name: 'Caio Caixa', approver_name: 'Gil Gerente' });
    expect(JSON.parse(audit.details)).toMatchObject({ reason: 'engano do caixa', number: 'A-002' });
  });
});

describe('cancelling after the kitchen has the order', () => {
  it('a cashier needs a manager once any kitchen ticket exists; before that, or with the setting off, the reason is enough', async () => {
    await counter();
    // A drink-only tab never reaches the kitchen: the cashier cancels it alone.
    const drinks = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.refri)] }, cashier);
    await t.ok('orders.cancel', { orderId: drinks.id, reason: 'cliente desistiu' }, cashier);

    const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 2', lines: [burger()] }, cashier);
    expect((await t.ok('kitchen.queue', {}, t.adminToken)).map((k) => k.orderId)).toContain(tab.id);
    expect(await t.fails('orders.cancel', { orderId: tab.id, reason: 'cliente desistiu' }, cashier)).toMatchObject({ code: 'OVERRIDE_REQUIRED', field: 'overrideToken' });
    expect((await t.ok('orders.get', { id: tab.id }, cashier)).status).toBe('open');
    const granted = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.cancel', recordId: tab.id }, cashier);
    expect(await t.ok('orders.cancel', { orderId: tab.id, reason: 'cliente desistiu', overrideToken: granted.overrideToken }, cashier)).toMatchObject({ status: 'cancelled' });
    const audit = t.app.db.prepare("SELECT user_name, approver_name FROM audit_log WHERE action = 'orders.cancel' AND record_id = ?").get(tab.id);
    expect(audit).toEqual({ user_name: 'Caio Caixa', approver_name: 'Gil Gerente' });

    // A manager cancels without asking anyone; with the setting off, so does the cashier.
    const second = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [burger()] }, cashier);
    await t.ok('orders.cancel', { orderId: second.id, reason: 'engano' }, t.adminToken);
    expect((await t.ok('settings.get', {}, t.adminToken)).cancelAfterKitchenNeedsManager).toBe(true);
    await t.ok('settings.update', { cancelAfterKitchenNeedsManager: false }, t.adminToken);
    const third = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [burger()] }, cashier);
    await t.ok('orders.cancel', { orderId: third.id, reason: 'engano' }, cashier);
  });
});

describe('order numbers', () => {
  it('are gap-free per terminal and business day, even when sales fail in between; the day turns at 04:00', async () => {
    await counter();
    const sell = () => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    expect((await sell()).number).toBe('A-001');
    await t.fails('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(100)] }, cashier);
    expect((await sell()).number).toBe('A-002');
    // 15:00 UTC is 12:00 in São Paulo. 13 hours later it is 01:00 local: still the same business day.
    const unlock = () => t.ok('auth.unlock', { name: 'Caio Caixa', pin: '2580' }, cashier);
    t.clock.advanceMinutes(13 * 60);
    await unlock();
    expect((await sell()).number).toBe('A-003');
    t.clock.advanceMinutes(3 * 60); // 04:00 local: the day turns, and the night's session with it
    expect(await t.fails('auth.session', {}, cashier)).toMatchObject({ code: 'UNAUTHENTICATED' });
    cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
    const next = await sell();
    expect(next.number).toBe('A-001');
    expect(next.businessDay).toBe('2026-11-30');
  });

  it('never go back to an earlier business day when the clock is corrected, so no number repeats in a shift', async () => {
    await counter();
    const sell = () => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    // Sessions end when the day turns: the cashier signs in again.
    const signIn = async () => (cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token);
    // The terminal booted a day ahead: its sales are filed under tomorrow.
    t.clock.advanceMinutes(24 * 60);
    await signIn();
    const ahead = [await sell(), await sell(), await sell()];
    expect(ahead.map((o) => `${o.businessDay} ${o.number}`)).toEqual(['2026-11-30 A-001', '2026-11-30 A-002', '2026-11-30 A-003']);
    // The clock is corrected: selling goes on under the day already reached, numbers carry on.
    t.clock.advanceMinutes(-24 * 60);
    // A clock set back ends no session: the same sign-in goes on selling.
    expect((await t.call('auth.unlock', { name: 'Caio Caixa', pin: '2580' }, cashier)).ok).toBe(true);
    expect(await sell()).toMatchObject({ businessDay: '2026-11-30', number: 'A-004' });
    // The order list of "today" is the terminal's day, where those sales are.
    expect((await t.ok('orders.list', {}, cashier)).map((o) => o.number).sort()).toEqual(['A-001', 'A-002', 'A-003', 'A-004']);
    const numbers = t.app.db.prepare('SELECT display_number FROM orders').pluck().all();
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('a clock set a few minutes back across the day turn stays on the new day', async () => {
    await counter();
    const sell = () => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    await sell();
    await sell();
    t.clock.advanceMinutes(16 * 60 + 1); // 04:01 local: a new day, and a new sign-in
    cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
    expect(await sell()).toMatchObject({ businessDay: '2026-11-30', number: 'A-001' });
    t.clock.advanceMinutes(-3); // 03:58: the clock is nudged back
    expect(await sell()).toMatchObject({ businessDay: '2026-11-30', number: 'A-002' });
  });
});
