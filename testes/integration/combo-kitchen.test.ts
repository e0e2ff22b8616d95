import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

// A combo is sold as one line, but its chosen products are made in different places: each goes to its
// own station with its own modifiers, and each one's required modifiers are asked inside the combo too.

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
let kitchen: string;
afterEach(() => t?.close());

async function shop() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  await t.ok('users.create', { name: 'Kátia Cozinha', role: 'kitchen', pin: '3690' }, t.adminToken);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  kitchen = (await t.ok('auth.login', { name: 'Kátia Cozinha', pin: '3690' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
}

const combo = (burger: Record<string, unknown>, drink: string) =>
  line(menu.p.combo, 1, {
    comboChoices: [
      { slotId: menu.slots.lanche, productId: menu.p.xburger, ...burger },
      { slotId: menu.slots.bebida, productId: drink },
    ],
    notes: 'sem gelo',
  });
const orderCount = () => t.app.db.prepare('SELECT count(*) FROM orders').pluck().get();

describe('combos at the kitchen', () => {
  it("a combo asks its products' required modifiers, checks their limits and prices them", async () => {
    await shop();
    const missing = await t.fails('orders.create', { id: newId(), type: 'balcao', lines: [combo({}, menu.p.suco)], payments: [card('debit', 3000)] }, cashier);
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'lines.0.comboChoices.0.modifierOptionIds', message: 'Escolha "Ponto da carne" para X-Burger.' });
    const foreign = await t.fails(
      'orders.create',
      { id: newId(), type: 'balcao', lines: [line(menu.p.combo, 1, { comboChoices: [{ slotId: menu.slots.lanche, productId: menu.p.xburger, modifierOptionIds: [menu.ponto.bem] }, { slotId: menu.slots.bebida, productId: menu.p.suco, modifierOptionIds: [menu.extras.bacon] }] })] },
      cashier,
    );
    expect(foreign).toMatchObject({ code: 'VALIDATION', field: 'lines.0.comboChoices.1.modifierOptionIds', message: 'Adicional inválido para Suco de laranja.' });
    const tooMany = await t.fails(
      'orders.create',
      { id: newId(), type: 'balcao', lines: [combo({ modifierOptionIds: [menu.ponto.bem, menu.ponto.mal] }, menu.p.suco)] },
      cashier,
    );
    expect(tooMany).toMatchObject({ code: 'VALIDATION', field: 'lines.0.comboChoices.0.modifierOptionIds' });
    expect(orderCount()).toBe(0);

    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [combo({ modifierOptionIds: [menu.ponto.bem, menu.extras.bacon] }, menu.p.suco)] }, cashier);
    // 28,00 + suco 2,00 + bacon 4,00
    expect(order.lines[0]).toMatchObject({ unitPrice: 3400, total: 3400 });
    expect(order.lines[0]!.combo.map((c) => [c.productName, c.station, c.modifiers.map((m) => m.name)])).toEqual([
      ['X-Burger', 'Chapa', ['Bem passado', '+ Bacon']],
      ['Suco de laranja', 'Bar', []],
    ]);
  });

  it('each chosen product goes to its own station with its own modifiers; one without a station stays at the counter', async () => {
    await shop();
    const a = await t.ok(
      'orders.create',
      { id: newId(), type: 'balcao', lines: [combo({ modifierOptionIds: [menu.ponto.aoPonto] }, menu.p.suco)], payments: [card('debit', 3000)] },
      cashier,
    );
    const b = await t.ok(
      'orders.create',
      { id: newId(), type: 'balcao', lines: [combo({ modifierOptionIds: [menu.ponto.mal] }, menu.p.refri)], payments: [card('debit', 2800)] },
      cashier,
    );
    const queue = await t.ok('kitchen.queue', {}, kitchen);
    expect(queue.map((ticket) => ticket.orderId)).toEqual([a.id, b.id]);
    const items = (i: number) => queue[i]!.lines.map((l) => [l.name, l.station, l.modifiers, l.notes, l.comboName]);
    expect(items(0)).toEqual([
      ['X-Burger', 'Chapa', ['Ao ponto'], 'sem gelo', 'Combo X-Burger'],
      ['Suco de laranja', 'Bar', [], 'sem gelo', 'Combo X-Burger'],
    ]);
    expect(items(1)).toEqual([['X-Burger', 'Chapa', ['Mal passado'], 'sem gelo', 'Combo X-Burger']]);

    // The printed kitchen ticket shows each product under its own station too.
    const html = (await t.ok('printing.kitchenHtml', { orderId: a.id }, kitchen)).html;
    expect(html).toContain('Suco de laranja');
    expect(html).toContain('Bar');
    expect(html).toContain('Ao ponto');

    // The ticket still moves as one, and the order follows.
    await t.ok('kitchen.ready', { ticketId: queue[0]!.id }, kitchen);
    expect((await t.ok('orders.get', { id: a.id }, cashier)).status).toBe('ready');
  });
});
