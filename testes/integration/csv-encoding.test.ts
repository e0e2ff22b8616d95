import { afterEach, describe, expect, it } from 'vitest';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

describe('CSV imports and text that was read with the wrong encoding', () => {
  it('refuse a file with unreadable characters, naming the encoding and the line, and write nothing', async () => {
    t = await initializedApp();
    // What a Windows-1252 "Açaí" becomes when read as UTF-8: replacement characters.
    const garbled = 'nome;codigo;preco\nX-Burger;XB;18,00\nA\uFFFDa\uFFFD na tigela;ACA;18,00\n';
    const products = await t.fails('catalog.importProducts', { csv: garbled, dryRun: true }, t.adminToken);
    expect(products).toMatchObject({ code: 'VALIDATION', field: 'csv' });
    expect(products.message).toContain('linha 3');
    expect(products.message).toContain('UTF-8');
    const items = await t.fails('stock.importItems', { csv: 'nome;unidade\nA\uFFFDa\uFFFD;g\n', dryRun: true }, t.adminToken);
    expect(items).toMatchObject({ code: 'VALIDATION', field: 'csv' });
    expect((await t.ok('catalog.snapshot', {}, t.adminToken)).products).toHaveLength(0);
  });

  it('the dry run lists the names as they will be saved', async () => {
    t = await initializedApp();
    const dry = await t.ok('catalog.importProducts', { csv: 'nome;codigo;preco\nAçaí na tigela;ACA;18,00\nPão de queijo;PQ;5,00\nSem preço;SP;\n', dryRun: true }, t.adminToken);
    expect(dry).toMatchObject({ created: 2, dryRun: true, accepted: [{ line: 2, name: 'Açaí na tigela' }, { line: 3, name: 'Pão de queijo' }] });
    const items = await t.ok('stock.importItems', { csv: 'nome;unidade\nAçúcar;g\n', dryRun: true }, t.adminToken);
    expect(items.accepted).toEqual([{ line: 2, name: 'Açúcar' }]);
  });
});
