import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { seedStock } from '../helpers/stock-fixture.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
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
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
}

const count = (table: string) => t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('a retry is the same request or a CONFLICT', () => {
  it('PIX charge created the order unpaid, the reply was lost, the retry pays cash: CONFLICT, never "paid"', async () => {
    await counter();
    const input = { id: newId(), type: 'balcao' as const, lines: [line(menu.p.refri)] };
    const unpaid = await t.ok('orders.create', input, cashier);
    expect(unpaid.status).toBe('open');
    const before = snapshotDatabase(t.app.db);
    const retry = await t.fails('orders.create', { ...input, payments: [cash(1000)] }, cashier);
    expect(retry).toMatchObject({ code: 'CONFLICT', status: 409, field: 'id', message: 'Este pedido já foi registrado com outro conteúdo.' });
    expect(snapshotDatabase(t.app.db)).toBe(before);
    // The same request again is the same answer.
    expect(await t.ok('orders.create', input, cashier)).toEqual(unpaid);
    // The cashier's way out: pay the order that exists.
    const paid = await t.ok('orders.pay', { orderId: input.id, payments: [cash(1000)] }, cashier);
    expect(paid).toMatchObject({ status: 'delivered', paid: 600, change: 400 });
  });

  it('addLines: a resend with one more line is refused, the same lines are the same answer', async () => {
    await counter();
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 4', lines: [line(menu.p.refri)] }, cashier);
    const [l1, l2, l3] = [line(menu.p.refri), line(menu.p.batata), line(menu.p.refri)];
    const first = await t.ok('orders.addLines', { orderId: comanda.id, lines: [l1, l2] }, cashier);
    expect(first.lines).toHaveLength(3);
    expect(await t.ok('orders.addLines', { orderId: comanda.id, lines: [l1, l2] }, cashier)).toEqual(first);
    const before = snapshotDatabase(t.app.db);
    expect(await t.fails('orders.addLines', { orderId: comanda.id, lines: [l1, l2, l3] }, cashier)).toMatchObject({ code: 'CONFLICT', field: 'lines' });
    expect(await t.fails('orders.addLines', { orderId: comanda.id, lines: [l2, l3] }, cashier)).toMatchObject({ code: 'CONFLICT', field: 'lines' });
    expect(await t.fails('orders.addLines', { orderId: comanda.id, lines: [{ ...l1, quantity: 2 }, l2] }, cashier)).toMatchObject({ code: 'CONFLICT' });
    expect(snapshotDatabase(t.app.db)).toBe(before);
    expect((await t.ok('orders.addLines', { orderId: comanda.id, lines: [l3] }, cashier)).lines).toHaveLength(4);
  });

  it('pay: the same payment ids are the same answer, other payments a CONFLICT', async () => {
    await counter();
    const order = await t.ok('orders.create', { id: newId(), type: 'comanda', pager: '7', lines: [line(menu.p.refri)] }, cashier);
    const payments = [card('debit', 600)];
    const paid = await t.ok('orders.pay', { orderId: order.id, payments }, cashier);
    expect(await t.ok('orders.pay', { orderId: order.id, payments }, cashier)).toEqual(paid);
    const before = snapshotDatabase(t.app.db);
    expect(await t.fails('orders.pay', { orderId: order.id, payments: [cash(1000)] }, cashier)).toMatchObject({ code: 'CONFLICT', field: 'payments' });
    expect(await t.fails('orders.pay', { orderId: order.id, payments: [{ ...payments[0]!, method: 'credit' }] }, cashier)).toMatchObject({ code: 'CONFLICT' });
    expect(snapshotDatabase(t.app.db)).toBe(before);
    expect(count('payments')).toBe(1);
  });

  it('recall: a retry after a lost reply gets the same cart back', async () => {
    await counter();
    const id = newId();
    const cart = { orderId: id, lines: [{ id: newId(), productId: menu.p.refri, quantity: 1 }] };
    await t.ok('orders.hold', { id, label: 'Moça de azul', cart }, cashier);
    const recalled = await t.ok('orders.recall', { id }, cashier);
    expect(recalled).toEqual({ id, label: 'Moça de azul', cart });
    expect(await t.ok('orders.held', {}, cashier)).toEqual([]);
    expect(await t.ok('orders.recall', { id }, cashier)).toEqual(recalled);
    // A resent hold does not bring the recalled cart back; other content under its id is a conflict.
    await t.ok('orders.hold', { id, label: 'Moça de azul', cart }, cashier);
    expect(await t.ok('orders.held', {}, cashier)).toEqual([]);
    const changed = { ...cart, lines: [...cart.lines, { id: newId(), productId: menu.p.batata, quantity: 1 }] };
    expect(await t.fails('orders.hold', { id, label: 'Moça de azul', cart: changed }, cashier)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(await t.fails('orders.recall', { id: newId() }, cashier)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cash movements, stock movements, feedback and caixa opening: same id with other content is a CONFLICT', async () => {
    await counter();
    const items = await seedStock(t, t.adminToken, menu);
    const movement = { id: newId(), kind: 'sangria' as const, amount: 3000, reason: 'cofre' };
    await t.ok('cash.movement', movement, cashier);
    expect(await t.ok('cash.movement', movement, cashier)).toEqual({ id: movement.id });
    expect(await t.fails('cash.movement', { ...movement, amount: 300 }, cashier)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(count('cash_movements')).toBe(1);

    const loss = { id: newId(), itemId: items.queijo, quantity: 250_000, reason: 'vencido' as const };
    await t.ok('stock.loss', loss, t.adminToken);
    expect(await t.ok('stock.loss', loss, t.adminToken)).toEqual({ id: loss.id });
    expect(await t.fails('stock.loss', { ...loss, quantity: 25_000 }, t.adminToken)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(await t.fails('stock.issue', { id: loss.id, itemId: items.queijo, quantity: 1000, reason: 'cozinha' }, t.adminToken)).toMatchObject({ code: 'CONFLICT' });

    const sale = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    const kiosk = (await t.ok('feedback.openKiosk', {}, t.adminToken)).token;
    const rating = { id: newId(), orderId: sale.id, rating: 5 };
    await t.ok('feedback.submit', rating, kiosk);
    expect(await t.ok('feedback.submit', rating, kiosk)).toEqual({ id: rating.id });
    expect(await t.fails('feedback.submit', { ...rating, rating: 1 }, kiosk)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(t.app.db.prepare('SELECT rating FROM feedback').pluck().all()).toEqual([5]);
  });
});
