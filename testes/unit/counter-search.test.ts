import { describe, expect, it } from 'vitest';
import { barcodeMatch, buildSearchIndex, exactMatch, foldText, searchProducts, splitQuantity, type SearchableProduct } from '../../renderer/src/counter/search.js';

const product = (id: string, name: string, code: string, barcode: string | null = null, categoryId: string | null = null): SearchableProduct => ({
  id,
  name,
  code,
  barcode,
  categoryId,
});

const MENU = [
  product('1', 'Pão de queijo', 'PQ', null, 'porcoes'),
  product('2', 'X-Burger', 'XB', null, 'lanches'),
  product('3', 'X-Salada', 'XS', '7891000100103', 'lanches'),
  product('4', 'Refrigerante lata', 'REF', '7894900011517', 'bebidas'),
  product('5', 'Açaí 500 ml', 'ACAI', null, 'sobremesas'),
  product('6', 'Coxinha de frango', 'COX', null, 'porcoes'),
  product('7', 'Suco de PÃO?', 'SPAO', null, 'bebidas'),
];
const index = buildSearchIndex(MENU);
const names = (query: string, options?: Parameters<typeof searchProducts>[2]) => searchProducts(index, query, options).results.map((p) => p.name);

describe('counter search', () => {
  it('folds accents and case, like the core', () => {
    expect(foldText('  Pão  de QUEIJO ')).toBe('pao de queijo');
    expect(foldText('AÇAÍ')).toBe('acai');
  });

  it('finds "Pão de queijo" by "pao", ignoring accents and case', () => {
    expect(names('pao')).toEqual(['Pão de queijo', 'Suco de PÃO?']);
    expect(names('PÃO DE Q')).toEqual(['Pão de queijo']);
    expect(names('acai')).toEqual(['Açaí 500 ml']);
  });

  it('matches every word, in any order, in the name, code or barcode', () => {
    expect(names('queijo pao')).toEqual(['Pão de queijo']);
    expect(names('frango cox')).toEqual(['Coxinha de frango']);
    expect(names('salada 7891000')).toEqual(['X-Salada']);
    expect(names('pao frango')).toEqual([]);
  });

  it('ranks the exact code first, then names that start with the query', () => {
    // "x" is in X-Burger, X-Salada and Coxinha; the two names starting with x come first.
    expect(names('x')).toEqual(['X-Burger', 'X-Salada', 'Coxinha de frango']);
    // Name start, then word start, then inside a word.
    const combo = buildSearchIndex([product('9', 'Refrigerante Guaraná', 'RG'), product('10', 'Guaraná', 'GU'), product('11', 'Água', 'AG')]);
    expect(searchProducts(combo, 'gua').results.map((p) => p.name)).toEqual(['Guaraná', 'Refrigerante Guaraná', 'Água']);
    // "ref" is Refrigerante's code: exact first.
    expect(names('ref')[0]).toBe('Refrigerante lata');
    // A word of the name that starts with the query beats the query inside a word.
    expect(names('frango')).toEqual(['Coxinha de frango']);
    expect(names('queijo')).toEqual(['Pão de queijo']);
    expect(names('sal')).toEqual(['X-Salada']);
    // "xs" is a code; "X-Salada" is its product.
    expect(names('XS')).toEqual(['X-Salada']);
  });

  it('knows an exact code or barcode (the barcode reader types 13 digits)', () => {
    expect(exactMatch(index, '7894900011517')?.name).toBe('Refrigerante lata');
    expect(exactMatch(index, ' xb ')?.name).toBe('X-Burger');
    expect(exactMatch(index, 'x')).toBeNull();
    expect(barcodeMatch(index, '7891000100103')?.name).toBe('X-Salada');
    expect(barcodeMatch(index, 'XS')).toBeNull();
    expect(barcodeMatch(index, '7891000100104')).toBeNull();
  });

  it('lists a category when the query is empty, and filters a query by it', () => {
    expect(names('', { categoryId: 'lanches' })).toEqual(['X-Burger', 'X-Salada']);
    expect(names('de', { categoryId: 'porcoes' })).toEqual(['Pão de queijo', 'Coxinha de frango']);
    expect(names('')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });

  it('reads a quantity typed before the product ("3*pao")', () => {
    expect(splitQuantity('3*pao')).toEqual({ quantity: 3, text: 'pao' });
    expect(splitQuantity(' 12 * x-burger')).toEqual({ quantity: 12, text: 'x-burger' });
    expect(splitQuantity('3x')).toEqual({ quantity: 1, text: '3x' });
    expect(splitQuantity('7894900011517')).toEqual({ quantity: 1, text: '7894900011517' });
    expect(splitQuantity('0*pao')).toEqual({ quantity: 1, text: '0*pao' });
  });

  it('caps what it returns but counts every match, over 50,000 products', () => {
    const big: SearchableProduct[] = [];
    for (let i = 0; i < 50_000; i += 1) {
      const barcode = String(7_890_000_000_000 + i);
      big.push(product(`p${i}`, i % 2 ? `Pão francês ${i}` : `Refrigerante ${i}`, `P${i}`, barcode, i % 10 === 0 ? 'dez' : null));
    }
    const bigIndex = buildSearchIndex(big);
    const pao = searchProducts(bigIndex, 'PAO', { limit: 40 });
    expect(pao.total).toBe(25_000);
    expect(pao.results).toHaveLength(40);
    expect(pao.results.every((p) => p.name.startsWith('Pão'))).toBe(true);
    // The exact code comes first even though 1,111 other products contain "p4321".
    const code = searchProducts(bigIndex, 'p4321', { limit: 40 });
    expect(code.results[0]?.code).toBe('P4321');
    expect(code.total).toBe(11);
    expect(exactMatch(bigIndex, '7890000049999')?.id).toBe('p49999');
    expect(searchProducts(bigIndex, '', { categoryId: 'dez', limit: 40 }).total).toBe(5_000);
  });
});
