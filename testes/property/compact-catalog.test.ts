import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productOrder } from '../../src/database/queries/catalog.js';
import type { CatalogChanges, ProductView } from '../../src/models/catalog.js';
import { compactProducts } from '../../src/services/catalog/compact-catalog.js';
import { newId } from '../../src/utils/ids.js';
import { applyChanges, decodeProducts, keepChanges, keptSnapshot, KEPT_FORM } from '../../renderer/src/counter/compactCatalog.js';

/**
 * The compact catalog as properties: what the core encodes the counter decodes unchanged, and a
 * counter that merges the changes since its version holds exactly the catalog a fresh counter gets.
 */

const ids = Array.from({ length: 6 }, () => newId());
const name = fc.constantFrom('X-Burger', 'x-burger', 'Água', 'Açaí 2', 'Açaí 10', 'Pão de queijo', 'Zebra', 'abacate', 'Café');
const product = (id: string): fc.Arbitrary<ProductView> =>
  fc.record({
    id: fc.constant(id),
    name,
    code: fc.stringMatching(/^[A-Z0-9-]{1,12}$/),
    barcode: fc.option(fc.stringMatching(/^\d{13}$/), { nil: null }),
    price: fc.nat({ max: 100_000 }),
    categoryId: fc.option(fc.constantFrom(...ids.slice(0, 3)), { nil: null }),
    kind: fc.constantFrom('simple' as const, 'combo' as const),
    station: fc.option(fc.constantFrom('Chapa', 'Bar'), { nil: null }),
    active: fc.constant(true),
    soldOut: fc.boolean(),
    modifierGroupIds: fc.subarray(ids.slice(3)),
    comboSlots: fc.array(fc.record({ id: fc.constant(ids[5]!), name: fc.constant('Bebida'), options: fc.array(fc.record({ productId: fc.constant(ids[0]!), priceDelta: fc.integer({ min: -500, max: 500 }) }), { maxLength: 2 }) }), { maxLength: 1 }),
  });

/** A catalog of up to 40 products in the core's order. */
const catalog = fc
  .uniqueArray(fc.uuid({ version: 7 }), { maxLength: 40 })
  .chain((productIds) => fc.tuple(...productIds.map(product)))
  .map((products) => [...products].sort(productOrder));

const changesOf = (products: ProductView[], removed: string[], whole = false): CatalogChanges => ({
  store: 'loja/terminal',
  version: 1,
  whole,
  categories: [],
  modifierGroups: [],
  products: compactProducts(products),
  removed,
});

describe('the compact catalog', () => {
  it('decodes to the very products encoded, in the same order', () => {
    fc.assert(
      fc.property(catalog, (products) => {
        expect(decodeProducts(compactProducts(products))).toEqual(products);
      }),
    );
  });

  it('a counter merging changes (edits, renames that move a product, new ones, removed ones) holds what a fresh counter gets', () => {
    fc.assert(
      fc.property(catalog, fc.infiniteStream(fc.integer({ min: 0, max: 3 })), catalog, (before, fates, added) => {
        // Each product stays, leaves, or is edited (price and name, so it may move in the order).
        const after: ProductView[] = [];
        const changed: ProductView[] = [];
        const removed: string[] = [];
        for (const [at, product] of before.entries()) {
          const fate = fates.next().value as number;
          if (fate === 0) removed.push(product.id);
          else if (fate === 1) {
            const edited = { ...product, price: product.price + 1, name: `${product.name} ${at}` };
            after.push(edited);
            changed.push(edited);
          } else after.push(product);
        }
        after.push(...added);
        changed.push(...added);
        const merged = applyChanges(decodeProducts(compactProducts(before)), changesOf(changed.sort(productOrder), removed));
        expect(merged).toEqual(after.sort(productOrder));
      }),
      { numRuns: 100 },
    );
  });

  it('a kept catalog is read back only by the same form and build, and a damaged one never', () => {
    const [sample] = fc.sample(product(newId()), 1);
    const kept = keepChanges(null, changesOf([sample!], [], true), 'build-1');
    expect(keptSnapshot(structuredClone(kept), 'build-1')?.snapshot.products).toEqual([sample]);
    expect(keptSnapshot(kept, 'build-2')).toBeNull();
    expect(keptSnapshot({ ...kept, form: KEPT_FORM + 1 }, 'build-1')).toBeNull();
    expect(keptSnapshot({ ...kept, whole: { ...kept.whole, products: { ...kept.whole.products, price: [] } } }, 'build-1')).toBeNull();
    expect(keptSnapshot({ ...kept, changes: [{ ...kept.whole, store: 'outra-loja/terminal' }] }, 'build-1')).toBeNull();
    expect(keptSnapshot('{"form":1}', 'build-1')).toBeNull();
    expect(keptSnapshot(null, 'build-1')).toBeNull();
  });
});
