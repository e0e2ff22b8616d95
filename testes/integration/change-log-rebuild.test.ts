import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/database/connection.js';
import { memorySecretStore } from '../../src/database/secret-store.js';
import { listChanges } from '../../src/database/queries/change-log.js';
import { applyChanges } from '../../src/sync/apply-changes.js';
import { toSyncChange } from '../../src/sync/push-pending.js';
import { installShopKey, readShopKey } from '../../src/sync/shop-key.js';
import { DERIVED_TABLES, LOCAL_TABLES, syncedTables } from '../../src/sync/tables.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { seedStock } from '../helpers/stock-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  t?.close();
});

/** A lunch rush through the dispatcher: every kind of write the shop makes in a day. */
async function lunchRush() {
  t = await initializedApp();
  // Each step a second after the last, so a time carried wrong shows in the rebuilt rows.
  const ok = ((operation, input, token) => {
    t.clock.advance(1_000);
    return t.ok(operation, input, token);
  }) as typeof t.ok;
  const admin = t.adminToken;
  const menu = await seedCatalog(t, admin);
  const items = await seedStock(t, admin, menu);
  const login = async (name: string, pin: string) => (await ok('auth.login', { name, pin })).token;

  await ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, admin);
  await ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, admin);
  await ok('users.create', { name: 'Cida Cozinha', role: 'kitchen', pin: '3690' }, admin);
  await ok('users.create', { name: 'Edu Estoque', role: 'stockroom', pin: '1470' }, admin);
  const temp = await ok('users.create', { name: 'Bia Temporária', role: 'cashier', pin: '9513' }, admin);
  await ok('users.update', { id: temp.id, name: 'Bia Souza', role: 'manager', pin: '951357' }, admin);
  await ok('users.resetPin', { id: temp.id, pin: '357159' }, admin);
  await ok('users.deactivate', { id: temp.id }, admin);
  const cashier = await login('Caio Caixa', '2580');
  const kitchen = await login('Cida Cozinha', '3690');
  const stock = await login('Edu Estoque', '1470');

  await ok('settings.update', { shopName: 'Lanchonete do Zé', pinLockMinutes: 30, discountLimitBps: 500 }, admin);
  await ok('catalog.saveProduct', { id: menu.p.refri, name: 'Refri lata', code: 'REF', price: 650 }, admin);
  await ok('catalog.setSoldOut', { id: menu.p.pao, soldOut: true }, cashier);
  await ok('catalog.saveCategory', { id: menu.cat.porcoes, name: 'Porções e petiscos' }, admin);

  // Spreadsheets: new products in a new category, new stock items, then the same items updated.
  await ok('catalog.importProducts', { csv: ['nome;codigo;preco;categoria;codigo_barras;estacao;ativo', 'Pastel de carne;PC;8,50;Pastéis;;Fritadeira;sim'].join('\n') }, admin);
  const itemsCsv = (minimum: string) => ['nome;unidade;categoria;minimo;codigo_barras', `Alface;un;Hortifruti;${minimum};`].join('\n');
  await ok('stock.importItems', { csv: itemsCsv('5') }, stock);
  await ok('stock.importItems', { csv: itemsCsv('8') }, stock);

  const supplier = newId();
  await ok('suppliers.save', { id: supplier, name: 'Frigorífico Bom', cnpj: '11.222.333/0001-81', contact: 'Zé' }, stock);
  await ok(
    'stock.receive',
    {
      id: newId(),
      supplierId: supplier,
      invoice: 'NF 123',
      lines: [
        { id: newId(), itemId: items.carne, unit: 'kg', quantity: 5000, unitCost: 3200, lot: 'L1', expiry: '2026-12-05' },
        { id: newId(), itemId: items.pao, unit: 'pct', quantity: 4000, unitCost: 900 },
        { id: newId(), itemId: items.lata, unit: 'fardo', quantity: 2000, unitCost: 3600 },
      ],
    } as never,
    stock,
  );

  const session = await ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  await ok('cash.movement', { id: newId(), kind: 'suprimento', amount: 5000, reason: 'troco extra' }, cashier);
  const burger = (extra: Record<string, unknown> = {}) => line(menu.p.xburger, 1, { modifierOptionIds: [menu.ponto.aoPonto, menu.extras.bacon], ...extra });

  // Cash with change, then a split between PIX and cash.
  const first = await ok('orders.create', { id: newId(), type: 'balcao', customerName: 'Maria', lines: [burger({ notes: 'sem maionese' }), line(menu.p.refri)], payments: [cash(5000)] }, cashier);
  await ok('orders.create', { id: newId(), type: 'viagem', lines: [line(menu.p.batata, 2)], payments: [card('pix', 1000), cash(2000)] }, cashier);
  // A line discount and an order discount above the limit: a manager approves.
  const discounted = newId();
  const approval = await ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.create', recordId: discounted }, cashier);
  await ok(
    'orders.create',
    {
      id: discounted,
      type: 'balcao',
      lines: [burger({ discount: { kind: 'amount', value: 200, reason: 'lanche frio' } }), line(menu.p.suco)],
      discount: { kind: 'percent', value: 1000, reason: 'cliente fiel' },
      overrideToken: approval.overrideToken,
      payments: [card('debit', 2610)],
    },
    cashier,
  );
  // A combo.
  await ok(
    'orders.create',
    {
      id: newId(),
      type: 'balcao',
      lines: [line(menu.p.combo, 1, { comboChoices: [{ slotId: menu.slots.lanche, productId: menu.p.xsalada }, { slotId: menu.slots.bebida, productId: menu.p.refri }] })],
      payments: [card('credit', 3000)],
    },
    cashier,
  );
  // A comanda grows, goes to the kitchen in two tickets and is paid at the end.
  const comanda = await ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 4', lines: [burger()] }, cashier);
  await ok('orders.addLines', { orderId: comanda.id, lines: [line(menu.p.batata), line(menu.p.refri, 2, { discount: { kind: 'amount', value: 50 } })] }, cashier);
  await ok('orders.addLines', { orderId: comanda.id, lines: [line(menu.p.suco)] }, cashier);
  await ok('orders.pay', { orderId: comanda.id, payments: [card('voucher', 1000), cash(10_000)] }, cashier);
  // One comanda given up, one sale voided with a manager (refunding each method).
  const givenUp = await ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata)] }, cashier);
  // The kitchen has it already, so the manager cancels it.
  await ok('orders.cancel', { orderId: givenUp.id, reason: 'cliente desistiu' }, t.adminToken);
  const mistake = await ok('orders.create', { id: newId(), type: 'balcao', lines: [burger(), line(menu.p.refri)], payments: [card('credit', 1000), cash(5000)] }, cashier);
  const voidApproval = await ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'orders.void', recordId: mistake.id }, cashier);
  await ok('orders.void', { orderId: mistake.id, reason: 'engano do caixa', overrideToken: voidApproval.overrideToken }, cashier);

  // The kitchen works the queue; the first order is handed over.
  for (const ticket of (await ok('kitchen.queue', {}, kitchen)).slice(0, 3)) {
    t.clock.advance(20_000);
    await ok('kitchen.start', { ticketId: ticket.id }, kitchen);
    t.clock.advance(40_000);
    await ok('kitchen.ready', { ticketId: ticket.id }, kitchen);
  }
  await ok('orders.deliver', { orderId: first.id }, cashier);

  // The stockroom: a loss, an issue reversed, a count.
  await ok('stock.loss', { id: newId(), itemId: items.queijo, quantity: 10_000, reason: 'quebra' }, stock);
  const issued = await ok('stock.issue', { id: newId(), itemId: items.pao, quantity: 2000, reason: 'teste de receita' }, stock);
  await ok('stock.reverse', { id: newId(), movementId: issued.id, reason: 'lançado no insumo errado' }, stock);
  const count = await ok('counts.start', { id: newId() }, stock);
  await ok('counts.enter', { countId: count.id, itemId: items.lata, counted: 20_000 }, stock);
  await ok('counts.enter', { countId: count.id, itemId: items.lata, counted: 19_000 }, stock);
  await ok('counts.enter', { countId: count.id, itemId: items.pao, counted: 15_000 }, stock);
  await ok('counts.close', { countId: count.id }, stock);

  // A customer rates the first order and leaves a phone; a manager answers.
  const kiosk = (await ok('feedback.openKiosk', {}, admin)).token;
  const feedbackId = newId();
  await ok('feedback.submit', { id: feedbackId, orderId: first.id, rating: 2, tags: ['tempo de espera'], comment: 'Demorou', contactName: 'Maria', contactPhone: '(11) 91234-5678', consent: true }, kiosk);
  await ok('feedback.handle', { id: feedbackId, note: 'Liguei e pedi desculpas.' }, admin);

  // The day ends: a sangria, the blind count, the manager's check.
  await ok('cash.movement', { id: newId(), kind: 'sangria', amount: 3000, reason: 'cofre' }, cashier);
  await ok('cash.close', { sessionId: session.id, counted: { cash: 20_000, debit: 2610, credit: 3000, voucher: 1000, pix: 1000 } }, cashier);
  const manager = await login('Gil Gerente', '736194');
  await ok('cash.confirm', { sessionId: session.id }, manager);
}

const primaryKey = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);

const rowsOf = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${primaryKey(db, table).join(', ')}`).all();

const allTables = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];

const comparedTables = () => [...syncedTables(), ...DERIVED_TABLES];

/** Another terminal of the same shop: it holds the shop key, which opens the PIN hashes. */
function freshDatabase(name: string): Db {
  const db = openDatabase(join(t.dir, name), { secrets: memorySecretStore() });
  opened.push(db);
  installShopKey(db, readShopKey(t.app.db)!);
  return db;
}

describe('the change log carries every row another terminal needs', () => {
  it('every table is classified: synced, derived or local to the terminal', async () => {
    t = await initializedApp();
    const classified = new Set([...comparedTables(), ...Object.keys(LOCAL_TABLES)]);
    expect(allTables(t.app.db).filter((table) => !classified.has(table))).toEqual([]);
    expect(Object.keys(LOCAL_TABLES).filter((table) => comparedTables().includes(table))).toEqual([]);
  });

  it('a fresh database rebuilt from the log alone equals the original, row by row, after the lunch rush', async () => {
    await lunchRush();
    const original = t.app.db;
    // The rush writes every synced table, so none of them is compared empty.
    expect(syncedTables().filter((table) => rowsOf(original, table).length === 0)).toEqual([]);

    // As they travel: a user's PIN hash wrapped with the shop key.
    const changes = listChanges(original, 0, 1_000_000).map((row) => toSyncChange(original, row));
    const rebuilt = freshDatabase('rebuilt.db');
    applyChanges(rebuilt, changes);
    for (const table of comparedTables()) expect({ table, rows: rowsOf(rebuilt, table) }).toEqual({ table, rows: rowsOf(original, table) });
    // Applying never logs again: the changes belong to the terminal that made them.
    expect(listChanges(rebuilt)).toEqual([]);
    // Nor does it announce, print or audit a second time: that happened where the sale was made.
    for (const table of ['webhook_queue', 'webhook_events', 'webhook_deliveries', 'print_jobs', 'audit_log']) expect({ table, rows: rowsOf(rebuilt, table) }).toEqual({ table, rows: [] });

    // Applied twice is applied once.
    applyChanges(rebuilt, changes);
    for (const table of comparedTables()) expect({ table, rows: rowsOf(rebuilt, table) }).toEqual({ table, rows: rowsOf(original, table) });

    // Two pages land where one batch does.
    const paged = freshDatabase('paged.db');
    const half = Math.floor(changes.length / 2);
    applyChanges(paged, changes.slice(0, half));
    applyChanges(paged, changes.slice(half - 10));
    for (const table of comparedTables()) expect({ table, rows: rowsOf(paged, table) }).toEqual({ table, rows: rowsOf(original, table) });

    // Lines, line discounts and the order discount reach the log as rows of their own.
    const ids = (entity: string) => changes.filter((c) => c.entity === entity).map((c) => c.entityId).sort();
    const column = (sql: string) => (t.app.db.prepare(sql).pluck().all() as string[]).sort();
    expect(ids('order_line')).toEqual(column('SELECT id FROM order_lines'));
    expect(ids('order_discount')).toEqual(column('SELECT id FROM order_discounts'));
    const orderDiscount = changes.find((c) => c.entity === 'order_discount' && c.data.lineId === null)!;
    expect(orderDiscount.data).toMatchObject({ kind: 'percent', value: 1000, reason: 'cliente fiel', givenBy: expect.any(String), approvedByName: 'Gil Gerente' });
  });
});
