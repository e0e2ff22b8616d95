import { describe, expect, it } from 'vitest';
import type { ModifierGroupView, ProductView } from '../../src/models/catalog.js';
import { catalogMaps, optionProblems, priceLine, readCart, sameItem, toOrderLines, type CartLine } from '../../renderer/src/counter/cart.js';

// The counter asks each chosen product of a combo its own modifier groups, as the core checks them.

const product = (id: string, price: number, extra: Partial<ProductView> = {}): ProductView => ({
  id,
  name: id,
  code: id.toUpperCase(),
  barcode: null,
  price,
  categoryId: null,
  kind: 'simple',
  station: null,
  active: true,
  soldOut: false,
  modifierGroupIds: [],
  comboSlots: [],
  ...extra,
});
const group = (id: string, min: number, max: number, options: [string, number][]): ModifierGroupView => ({
  id,
  name: id,
  minChoices: min,
  maxChoices: max,
  active: true,
  options: options.map(([optionId, priceDelta]) => ({ id: optionId, name: optionId, priceDelta, active: true })),
});
const ponto = group('Ponto da carne', 1, 1, [
  ['mal', 0],
  ['bem', 0],
]);
const extras = group('Adicionais', 0, 2, [['bacon', 400]]);
const burger = product('X-Burger', 1800, { modifierGroupIds: ['Ponto da carne', 'Adicionais'] });
const juice = product('juice', 900);
const combo = product('combo', 2800, {
  kind: 'combo',
  comboSlots: [
    { id: 'lanche', name: 'Lanche', options: [{ productId: 'X-Burger', priceDelta: 0 }] },
    { id: 'bebida', name: 'Bebida', options: [{ productId: 'juice', priceDelta: 200 }] },
  ],
});
const maps = catalogMaps({ categories: [], products: [burger, juice, combo], modifierGroups: [ponto, extras] });

const comboLine = (burgerOptions: string[]): CartLine => ({
  id: 'l1',
  productId: 'combo',
  quantity: 2,
  modifierOptionIds: [],
  comboChoices: [
    { slotId: 'lanche', productId: 'X-Burger', modifierOptionIds: burgerOptions },
    { slotId: 'bebida', productId: 'juice', modifierOptionIds: [] },
  ],
  notes: '',
  discount: null,
});

describe('combo choices with their own modifiers', () => {
  it("a chosen product's required group is a problem until answered", () => {
    expect(optionProblems(maps, combo, [], comboLine([]).comboChoices)).toEqual([{ kind: 'min', name: 'Ponto da carne', min: 1, product: 'X-Burger' }]);
    expect(optionProblems(maps, combo, [], comboLine(['bem']).comboChoices)).toEqual([]);
  });

  it("prices the chosen product's modifiers and shows them with it", () => {
    const priced = priceLine(maps, comboLine(['bem', 'bacon']));
    expect(priced.unitPrice).toBe(2800 + 200 + 400);
    expect(priced.combo.map((c) => [c.productName, c.modifiers])).toEqual([
      ['X-Burger', ['bem', 'bacon']],
      ['juice', []],
    ]);
  });

  it('sends them to the core, keeps them through storage, and tells two differently made combos apart', () => {
    const line = comboLine(['bem']);
    expect(toOrderLines([line])[0]!.comboChoices).toEqual([
      { slotId: 'lanche', productId: 'X-Burger', modifierOptionIds: ['bem'] },
      { slotId: 'bebida', productId: 'juice' },
    ]);
    const stored = readCart(JSON.parse(JSON.stringify({ orderId: 'o', type: 'balcao', lines: [line] })));
    expect(stored!.lines[0]!.comboChoices[0]!.modifierOptionIds).toEqual(['bem']);
    expect(sameItem(line, comboLine(['mal']))).toBe(false);
    expect(sameItem(line, comboLine(['bem']))).toBe(true);
  });
});
