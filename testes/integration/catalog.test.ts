import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { seedCatalog } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

describe('catalog', () => {
  it('the snapshot carries products with their modifier groups and combo slots', async () => {
    t = await initializedApp();
    const menu = await seedCatalog(t, t.adminToken);
    const snapshot = await t.ok('catalog.snapshot', {}, t.adminToken);
    expect(snapshot.categories.map((c) => c.name)).toEqual(['Lanches', 'Bebidas', 'Porções']);
    const burger = snapshot.products.find((p) => p.id === menu.p.xburger)!;
    expect(burger).toMatchObject({ code: 'XB', price: 1800, station: 'Chapa', kind: 'simple', modifierGroupIds: [menu.ponto.id, menu.extras.id] });
    const combo = snapshot.products.find((p) => p.id === menu.p.combo)!;
    expect(combo.kind).toBe('combo');
    expect(combo.comboSlots.map((s) => s.name)).toEqual(['Lanche', 'Bebida']);
    expect(snapshot.modifierGroups.find((g) => g.id === menu.ponto.id)).toMatchObject({ minChoices: 1, maxChoices: 1 });
  });

  it('checks the EAN-13 check digit, unique codes and barcodes, and known categories', async () => {
    t = await initializedApp();
    const menu = await seedCatalog(t, t.adminToken);
    const base = { id: newId(), name: 'Coxinha', code: 'COX', price: 700 };
    expect(await t.fails('catalog.saveProduct', { ...base, barcode: '7891000100104' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'barcode' });
    expect(await t.fails('catalog.saveProduct', { ...base, barcode: '789100010010' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'barcode' });
    expect(await t.fails('catalog.saveProduct', { ...base, code: 'XB' }, t.adminToken)).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(await t.fails('catalog.saveProduct', { ...base, barcode: '7891000100103' }, t.adminToken)).toMatchObject({ code: 'CONFLICT', field: 'barcode' });
    expect(await t.fails('catalog.saveProduct', { ...base, categoryId: newId() }, t.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'categoryId' });
    expect(await t.fails('catalog.saveProduct', { ...base, price: 7.5 }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'price' });
    await t.ok('catalog.saveProduct', { ...base, code: 'cox', barcode: '7896004000015', categoryId: menu.cat.porcoes }, t.adminToken);
    const saved = (await t.ok('catalog.snapshot', {}, t.adminToken)).products.find((p) => p.id === base.id);
    expect(saved).toMatchObject({ code: 'COX', barcode: '7896004000015' });
  });

  it('a cashier marks a product sold out but cannot change prices', async () => {
    t = await initializedApp();
    const menu = await seedCatalog(t, t.adminToken);
    await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    const { token } = await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' });
    expect(await t.ok('catalog.setSoldOut', { id: menu.p.batata, soldOut: true }, token)).toEqual({ id: menu.p.batata, soldOut: true });
    expect(await t.fails('catalog.saveProduct', { id: menu.p.batata, name: 'Batata', code: 'BAT', price: 1 }, token)).toMatchObject({ code: 'FORBIDDEN' });
    const audit = t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'catalog.updateProduct'").pluck().all();
    expect(audit).toEqual([]);
    await t.ok('catalog.saveProduct', { id: menu.p.batata, name: 'Batata frita', code: 'BAT', price: 1400 }, t.adminToken);
    expect(JSON.parse(t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'catalog.updateProduct'").pluck().get() as string)).toEqual({ name: 'Batata frita', price: { from: 1200, to: 1400 } });
  });

  it('modifier groups: min ≤ max, and options dropped from the list are switched off, not deleted', async () => {
    t = await initializedApp();
    const menu = await seedCatalog(t, t.adminToken);
    const group = { id: menu.ponto.id, name: 'Ponto da carne', minChoices: 2, maxChoices: 1, options: [{ id: menu.ponto.mal, name: 'Mal', priceDelta: 0 }] };
    expect(await t.fails('catalog.saveModifierGroup', group, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'maxChoices' });
    expect(await t.fails('catalog.saveModifierGroup', { ...group, maxChoices: 2 }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'minChoices' });
    await t.ok('catalog.saveModifierGroup', { ...group, minChoices: 1, maxChoices: 1 }, t.adminToken);
    const options = (await t.ok('catalog.snapshot', {}, t.adminToken)).modifierGroups.find((g) => g.id === menu.ponto.id)!.options;
    expect(options.map((o) => o.name)).toEqual(['Mal']);
    expect(t.app.db.prepare('SELECT count(*) FROM modifier_options WHERE group_id = ?').pluck().get(menu.ponto.id)).toBe(3);
  });
});

describe('CSV import and export', () => {
  const header = 'nome;codigo;preco;categoria;codigo_barras;estacao;ativo';

  it('imports good rows, reports every bad row with its line and field, and writes none of them', async () => {
    t = await initializedApp();
    const csv = [
      header,
      'Pastel de carne;PC;8,50;Pastéis;;Fritadeira;sim',
      'Pastel de queijo;PQJ;R$ 8,00;Pastéis;7896004000015;Fritadeira;',
      ';SEMNOME;5,00;;;;',
      'Preço ruim;PR;oito reais;;;;',
      'Código ruim;CÓDIGO INVÁLIDO;5,00;;;;',
      'EAN errado;EAN;5,00;;7891000100104;;',
      'Repetido;PC;9,00;;;;',
      'Ativo estranho;AE;1.234,56;;;;talvez',
      '"Suco; natural";SN;9,90;Bebidas;;Bar;não',
    ].join('\n');
    const dry = await t.ok('catalog.importProducts', { csv, dryRun: true }, t.adminToken);
    expect(dry).toMatchObject({ created: 3, updated: 0, dryRun: true });
    expect(t.app.db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(0);
    expect(t.app.db.prepare('SELECT count(*) FROM categories').pluck().get()).toBe(0);

    const report = await t.ok('catalog.importProducts', { csv }, t.adminToken);
    expect(report.created).toBe(3);
    expect(report.rejected).toEqual([
      { line: 4, field: 'nome', message: 'Informe o nome do produto.' },
      { line: 5, field: 'preco', message: 'Preço inválido: "oito reais" (use 12,50).' },
      { line: 6, field: 'codigo', message: expect.any(String) },
      { line: 7, field: 'codigo_barras', message: expect.stringContaining('dígito verificador') },
      { line: 8, field: 'codigo', message: 'O código PC aparece mais de uma vez no arquivo.' },
      { line: 9, field: 'ativo', message: 'Use sim ou não na coluna ativo.' },
    ]);
    const snapshot = await t.ok('catalog.snapshot', { includeInactive: true }, t.adminToken);
    expect(snapshot.products.map((p) => [p.name, p.code, p.price, p.active]).sort()).toEqual([
      ['Pastel de carne', 'PC', 850, true],
      ['Pastel de queijo', 'PQJ', 800, true],
      ['Suco; natural', 'SN', 990, false],
    ]);
    expect(snapshot.categories.map((c) => c.name).sort()).toEqual(['Bebidas', 'Pastéis']);

    // Export writes the same format; importing it again only updates.
    const exported = await t.ok('catalog.exportProducts', {}, t.adminToken);
    expect(exported.rows).toBe(3);
    expect(exported.csv).toContain('"Suco; natural";SN;9,90;Bebidas;;Bar;não');
    const again = await t.ok('catalog.importProducts', { csv: exported.csv }, t.adminToken);
    expect(again).toMatchObject({ created: 0, updated: 3, rejected: [] });
  });

  it('refuses a file without the required columns', async () => {
    t = await initializedApp();
    expect(await t.fails('catalog.importProducts', { csv: 'produto;valor\nX;1' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'csv', message: expect.stringContaining('nome') });
  });
});
