import { afterEach, describe, expect, it } from 'vitest';
import { ledgerSums } from '../../src/database/queries/stock.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { seedStock, type StockItems } from '../helpers/stock-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let items: StockItems;
let stock: string;
let cashier: string;
afterEach(() => t?.close());

async function stockroom() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  items = await seedStock(t, t.adminToken, menu);
  await t.ok('users.create', { name: 'Sara Estoque', role: 'stockroom', pin: '4826' }, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  stock = (await t.ok('auth.login', { name: 'Sara Estoque', pin: '4826' })).token;
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
}

const onHand = async () => Object.fromEntries((await t.ok('stock.items', {}, stock)).map((i) => [i.id, i]));
const receive = (lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  t.ok('stock.receive', { id: newId(), lines: lines.map((l) => ({ id: newId(), ...l })), ...extra } as never, stock);

function expectLevelsMatchLedger() {
  const sums = new Map(ledgerSums(t.app.db).map((s) => [s.itemId, s]));
  for (const level of t.app.db.prepare('SELECT item_id AS itemId, quantity, value FROM stock_levels').all() as { itemId: string; quantity: number; value: number }[]) {
    expect(level).toEqual(sums.get(level.itemId));
  }
}

describe('receiving goods', () => {
  it('converts purchase units to the base unit and moves the weighted average cost', async () => {
    await stockroom();
    const supplier = newId();
    expect(await t.fails('suppliers.save', { id: supplier, name: 'Frigorífico Bom', cnpj: '11.222.333/0001-80' }, stock)).toMatchObject({ code: 'VALIDATION', field: 'cnpj' });
    await t.ok('suppliers.save', { id: supplier, name: 'Frigorífico Bom', cnpj: '11.222.333/0001-81', contact: 'Zé' }, stock);
    await receive(
      [
        { itemId: items.carne, unit: 'kg', quantity: 5000, unitCost: 3200, lot: 'L1', expiry: '2026-12-02' }, // 5 kg at R$ 32,00/kg
        { itemId: items.pao, unit: 'pct', quantity: 4000, unitCost: 900 }, // 4 packs of 6 at R$ 9,00
      ],
      { supplierId: supplier, invoice: 'NF 123' },
    );
    await receive([{ itemId: items.carne, unit: 'kg', quantity: 2500, unitCost: 4000 }]); // 2,5 kg at R$ 40,00/kg
    const level = await onHand();
    expect(level[items.carne]).toMatchObject({ onHand: 7_500_000, value: 16_000 + 10_000 });
    expect(level[items.carne]!.averageCost).toBeCloseTo(26_000 / 7500, 2); // centavos per gram
    expect(level[items.pao]).toMatchObject({ onHand: 24_000, value: 3600, averageCost: 150 });
    const movements = await t.ok('stock.movements', { itemId: items.carne }, stock);
    expect(movements.at(-1)).toMatchObject({ kind: 'entrada', supplierName: 'Frigorífico Bom', invoice: 'NF 123', lot: 'L1', expiry: '2026-12-02' });
    expect(await t.fails('stock.receive', { id: newId(), lines: [{ id: newId(), itemId: items.carne, unit: 'cx', quantity: 1000, unitCost: 1 }] }, stock)).toMatchObject({ field: 'lines.0.unit' });
    expectLevelsMatchLedger();
  });

  it('losses and issues leave at the average; a mistake is reversed, never edited', async () => {
    await stockroom();
    await receive([{ itemId: items.queijo, unit: 'kg', quantity: 2000, unitCost: 4500 }]); // 2 kg, R$ 90,00
    const { id: loss } = await t.ok('stock.loss', { id: newId(), itemId: items.queijo, quantity: 250_000, reason: 'vencido' }, stock);
    await t.ok('stock.issue', { id: newId(), itemId: items.queijo, quantity: 100_000, reason: 'teste de receita' }, stock);
    expect((await onHand())[items.queijo]).toMatchObject({ onHand: 1_650_000, value: 9000 - 1125 - 450 });
    await t.ok('stock.reverse', { id: newId(), movementId: loss, reason: 'lançado no insumo errado' }, stock);
    expect((await onHand())[items.queijo]).toMatchObject({ onHand: 1_900_000, value: 9000 - 450 });
    expect(await t.fails('stock.reverse', { id: newId(), movementId: loss, reason: 'de novo' }, stock)).toMatchObject({ code: 'CONFLICT' });
    expect(() => t.app.db.prepare('DELETE FROM stock_movements').run()).toThrow(/immutable/);
    expect(() => t.app.db.prepare('UPDATE stock_movements SET quantity = 0').run()).toThrow(/immutable/);
    expectLevelsMatchLedger();
  });

  it('a receipt covering stock sold below zero values that part at its own cost, so the average is the receipt cost', async () => {
    await stockroom();
    // 200 cans sold before any receipt: booked at no cost, stock at -200 un.
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri, 200)], payments: [cash(120_000)] }, cashier);
    expect((await onHand())[items.lata]).toMatchObject({ onHand: -200_000, value: 0 });
    await receive([{ itemId: items.lata, quantity: 1_000_000, unitCost: 50 }]); // 1.000 un at R$ 0,50
    expect((await onHand())[items.lata]).toMatchObject({ onHand: 800_000, value: 40_000, averageCost: 50 });
    // A receipt too small to cover the shortfall leaves the rest at what it was booked at.
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri, 500), line(menu.p.refri, 500)], payments: [cash(600_000)] }, cashier);
    expect((await onHand())[items.lata]).toMatchObject({ onHand: -200_000, value: -10_000 });
    await receive([{ itemId: items.lata, quantity: 100_000, unitCost: 80 }]); // 100 un at R$ 0,80
    expect((await onHand())[items.lata]).toMatchObject({ onHand: -100_000, value: -5000 });
    expectLevelsMatchLedger();
  });
});

describe('items', () => {
  it('refuse a new base unit once they have movements, since the ledger is in the old unit', async () => {
    await stockroom();
    const fresh = newId();
    await t.ok('stock.saveItem', { id: fresh, name: 'Guardanapo', baseUnit: 'g' }, stock);
    await t.ok('stock.saveItem', { id: fresh, name: 'Guardanapo', baseUnit: 'un' }, stock); // no movement yet: a typo is fixed
    await receive([{ itemId: items.lata, quantity: 10_000, unitCost: 300 }]);
    expect(await t.fails('stock.saveItem', { id: items.lata, name: 'Refrigerante lata', baseUnit: 'g' }, stock)).toMatchObject({
      code: 'INVALID_STATE',
      field: 'baseUnit',
      message: expect.stringContaining('un'),
    });
    const item = (await t.ok('stock.items', {}, stock)).find((i) => i.id === items.lata)!;
    expect(item).toMatchObject({ baseUnit: 'un', onHand: 10_000 });
    await t.ok('stock.saveItem', { id: items.lata, name: 'Refri lata 350 ml', baseUnit: 'un' }, stock); // other fields still change
  });
});

describe('sales take ingredients out of stock', () => {
  it('by recipe, with modifiers and combos; the line keeps its cost; a void puts back exactly what was taken', async () => {
    await stockroom();
    await receive([
      { itemId: items.pao, quantity: 20_000, unitCost: 150 },
      { itemId: items.carne, unit: 'kg', quantity: 5000, unitCost: 3000 },
      { itemId: items.queijo, unit: 'kg', quantity: 1000, unitCost: 4000 },
      { itemId: items.bacon, unit: 'kg', quantity: 1000, unitCost: 5000 },
      { itemId: items.cebola, unit: 'kg', quantity: 1000, unitCost: 500 },
      { itemId: items.lata, unit: 'fardo', quantity: 2000, unitCost: 3600 },
    ]);
    const before = await onHand();
    const sale = await t.ok(
      'orders.create',
      {
        id: newId(),
        type: 'balcao',
        lines: [
          line(menu.p.xburger, 2, { modifierOptionIds: [menu.ponto.aoPonto, menu.extras.bacon, menu.extras.semCebola] }),
          line(menu.p.combo, 1, { comboChoices: [{ slotId: menu.slots.lanche, productId: menu.p.xburger, modifierOptionIds: [menu.ponto.aoPonto] }, { slotId: menu.slots.bebida, productId: menu.p.refri }] }),
          line(menu.p.pao, 1), // no recipe: allowed
        ],
        payments: [card('debit', 2 * 2200 + 2800 + 500)],
      },
      cashier,
    );
    const after = await onHand();
    const taken = (id: string) => before[id]!.onHand - after[id]!.onHand;
    expect(taken(items.pao)).toBe(3000);
    expect(taken(items.carne)).toBe(450_000);
    expect(taken(items.queijo)).toBe(90_000);
    expect(taken(items.bacon)).toBe(60_000);
    expect(taken(items.cebola)).toBe(20_000); // the combo's burger keeps its onion; "sem cebola" ones do not
    expect(taken(items.lata)).toBe(1000);
    const costs = t.app.db.prepare('SELECT cost FROM order_lines WHERE order_id = ? ORDER BY position').pluck().all(sale.id);
    // bun 1,50; meat 3 centavos/g × 150; cheese 4/g × 30; bacon 5/g × 30; onion 0,5/g × 20; can 36,00 / 12
    expect(costs).toEqual([2 * (150 + 450 + 120 + 150), 150 + 450 + 120 + 10 + 300, 0]);

    await t.ok('orders.void', { orderId: sale.id, reason: 'cliente desistiu' }, t.adminToken);
    expect(await onHand()).toEqual(before);
    const returned = await t.ok('stock.movements', { kind: 'estorno' }, stock);
    expect(returned).toHaveLength(9); // 4 for the burgers (no onion), 5 for the combo
    expect(returned.every((m) => m.orderNumber === sale.number && m.reversesId)).toBe(true);
    expectLevelsMatchLedger();
  });

  it('a comanda takes stock when its items are confirmed, whenever it is paid; stock may go negative and is flagged', async () => {
    await stockroom();
    await receive([{ itemId: items.batata, unit: 'pct 2kg', quantity: 1000, unitCost: 2400 }]); // 2 kg
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata, 4)] }, cashier);
    expect((await onHand())[items.batata]).toMatchObject({ onHand: 1_200_000 });
    await t.ok('orders.addLines', { orderId: comanda.id, lines: [line(menu.p.batata, 8)] }, cashier);
    const level = (await onHand())[items.batata]!;
    expect(level).toMatchObject({ onHand: -400_000, negative: true, low: true });
    await t.ok('orders.pay', { orderId: comanda.id, payments: [cash(20_000)] }, cashier);
    expect((await onHand())[items.batata]!.onHand).toBe(-400_000);
    // A cancelled unpaid order gives its stock back too.
    const other = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata, 1)] }, cashier);
    await t.ok('orders.cancel', { orderId: other.id, reason: 'desistiu' }, t.adminToken); // the kitchen has it: a manager cancels
    expect((await onHand())[items.batata]!.onHand).toBe(-400_000);
    expectLevelsMatchLedger();
  });

  it('crossing down to the minimum raises stock.low once, and the alerts list it', async () => {
    await stockroom();
    await receive([{ itemId: items.lata, quantity: 13_000, unitCost: 300 }]); // minimum 12
    const lows: unknown[] = [];
    t.app.events.subscribe((event) => event.type === 'stock.low' && lows.push(event.data));
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    expect(lows).toEqual([{ itemId: items.lata, name: 'Refrigerante lata', onHand: 12_000, minimum: 12_000 }]);
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    expect(lows).toHaveLength(1);
    const alerts = await t.ok('stock.alerts', {}, stock);
    expect(alerts.low.map((i) => i.name)).toContain('Refrigerante lata');
  });
});

describe('recipe changes', () => {
  it('apply from the next sale on; sales already made keep what they took', async () => {
    await stockroom();
    await receive([{ itemId: items.batata, quantity: 5_000_000, unitCost: 1 }]);
    const sell = () => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [cash(1200)] }, cashier);
    await sell();
    expect((await onHand())[items.batata]!.onHand).toBe(4_800_000);
    await t.ok('recipes.save', { productId: menu.p.batata, items: [{ itemId: items.batata, quantity: 250_000 }] }, t.adminToken);
    await sell();
    expect((await onHand())[items.batata]!.onHand).toBe(4_550_000);
    await t.ok('recipes.save', { productId: menu.p.batata, items: [] }, t.adminToken);
    await sell();
    expect((await onHand())[items.batata]!.onHand).toBe(4_550_000);
  });
});

describe('counts', () => {
  it('are blind, account for sales made during the count, and close with adjustments', async () => {
    await stockroom();
    await receive([{ itemId: items.lata, quantity: 24_000, unitCost: 300 }, { itemId: items.pao, quantity: 10_000, unitCost: 150 }]);
    const count = await t.ok('counts.start', { id: newId() }, stock);
    const entered = await t.ok('counts.enter', { countId: count.id, itemId: items.lata, counted: 22_000 }, stock);
    expect(JSON.stringify(entered)).not.toContain('expected');
    // Two cans sold after they were counted: already off the shelf count, recorded by the sale.
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri, 2)], payments: [cash(1200)] }, cashier);
    await t.ok('counts.enter', { countId: count.id, itemId: items.pao, counted: 10_000 }, stock);
    const review = await t.ok('counts.review', { countId: count.id }, stock);
    expect(review.lines.map((l) => [l.itemName, l.expected, l.counted, l.variance, l.varianceValue])).toEqual([
      ['Pão de hambúrguer', 10_000, 10_000, 0, 0],
      ['Refrigerante lata', 24_000, 22_000, -2000, -600],
    ]);
    const closed = await t.ok('counts.close', { countId: count.id }, stock);
    expect(closed).toMatchObject({ adjustments: 1, totalVarianceValue: -600 });
    expect((await onHand())[items.lata]!.onHand).toBe(20_000);
    expect((await t.ok('stock.movements', { kind: 'ajuste' }, stock))[0]).toMatchObject({ quantity: -2000, value: -600 });
    expect(await t.fails('counts.enter', { countId: count.id, itemId: items.pao, counted: 1 }, stock)).toMatchObject({ code: 'INVALID_STATE' });
    expectLevelsMatchLedger();
  });
});

describe('the stockroom role', () => {
  it('cannot see cash, sales totals or users', async () => {
    await stockroom();
    for (const op of ['cash.report', 'cash.current', 'orders.list', 'users.list', 'audit.list', 'settings.get'] as const) {
      expect((await t.fails(op, {}, stock)).code, op).toBe('FORBIDDEN');
    }
    expect((await t.fails('stock.items', {}, cashier)).code).toBe('FORBIDDEN');
  });
});

describe('CSV', () => {
  it('imports items with a report of rejected rows, and exports the movements', async () => {
    await stockroom();
    const csv = ['nome;unidade;categoria;minimo;codigo_barras', 'Alface;un;Hortifruti;5;', 'Tomate;g;Hortifruti;500,5;', 'X;un;;;', 'Óleo;litro;;;', 'Maionese;g;;muito;', 'alface;un;;;'].join('\n');
    const report = await t.ok('stock.importItems', { csv }, stock);
    expect(report).toMatchObject({ created: 2, updated: 0 });
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[4, 'nome'], [5, 'unidade'], [6, 'minimo'], [7, 'nome']]);
    const tomate = (await t.ok('stock.items', {}, stock)).find((i) => i.name === 'Tomate')!;
    expect(tomate).toMatchObject({ baseUnit: 'g', minimum: 500_500 });
    await receive([{ itemId: tomate.id, quantity: 1_000_000, unitCost: 1 }]);
    const exported = await t.ok('stock.exportMovements', { itemId: tomate.id }, stock);
    expect(exported.rows).toBe(1);
    expect(exported.csv).toMatch(/Tomate;Entrada;1000;g;10,00/);
  });
});
