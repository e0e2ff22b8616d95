import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

describe('what the receipt and the catalog take', () => {
  it('the receipt’s CNPJ is checked like a supplier’s, and a wrong one changes nothing', async () => {
    t = await initializedApp();
    expect(await t.fails('settings.update', { shopDocument: '11.222.333/0001-80' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'shopDocument', message: expect.stringContaining('CNPJ inválido') });
    expect((await t.ok('settings.get', {}, t.adminToken)).shopDocument).toBe('');
    await t.ok('settings.update', { shopDocument: '11.222.333/0001-81' }, t.adminToken);
    await t.ok('settings.update', { shopDocument: '' }, t.adminToken);
  });

  it('a price says what is wrong with it', async () => {
    t = await initializedApp();
    const product = { id: newId(), name: 'Café', code: 'CAF' };
    expect(await t.fails('catalog.saveProduct', { ...product, price: -100 }, t.adminToken)).toMatchObject({ field: 'price', message: expect.stringContaining('O preço não pode ser negativo.') });
    expect(await t.fails('catalog.saveProduct', { ...product, price: 100_000_001 }, t.adminToken)).toMatchObject({ field: 'price', message: expect.stringContaining('Preço acima do máximo de R$ 1.000.000,00.') });
  });
});
