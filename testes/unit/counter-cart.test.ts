import { describe, expect, it } from 'vitest';
import type { ModifierGroupView, ProductView } from '../../src/models/catalog.js';
import { discountAmount as coreDiscountAmount, percentOf as corePercentOf } from '../../src/utils/money.js';
import {
  catalogMaps,
  discountAmount,
  optionProblems,
  percentOf,
  priceCart,
  readCart,
  sameItem,
  toggleOption,
  toOrderLines,
  withoutLine,
  type CartLine,
} from '../../renderer/src/counter/cart.js';
import { paymentFigures } from '../../renderer/src/counter/payments.js';

// Ids only need to be distinct here.
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

const ponto = group('Ponto', 1, 1, [
  ['mal', 0],
  ['bem', 0],
]);
const extras = group('Adicionais', 0, 2, [
  ['bacon', 400],
  ['queijo', 300],
  ['ovo', 250],
]);
const burger = product('burger', 1800, { modifierGroupIds: ['Ponto', 'Adicionais'] });
const soda = product('soda', 600);
const juice = product('juice', 900);
const combo = product('combo', 2800, {
  kind: 'combo',
  comboSlots: [{ id: 'bebida', name: 'Bebida', options: [{ productId: 'soda', priceDelta: 0 }, { productId: 'juice', priceDelta: 200 }] }],
});
const maps = catalogMaps({ categories: [], products: [burger, soda, juice, combo], modifierGroups: [ponto, extras] });

const line = (productId: string, quantity: number, extra: Partial<CartLine> = {}): CartLine => ({
  id: `${productId}-${quantity}`,
  productId,
  quantity,
  modifierOptionIds: [],
  comboChoices: [],
  notes: '',
  discount: null,
  ...extra,
});

describe('counter cart', () => {
  it('rounds money exactly like the core', () => {
    for (const [base, bps] of [
      [1999, 1000],
      [1, 5000],
      [3, 3333],
      [12345, 1250],
      [105, 500],
      [99_999_999, 9_999],
    ] as const) {
      expect(percentOf(base, bps)).toBe(corePercentOf(base, bps));
      expect(discountAmount(base, { kind: 'percent', value: bps })).toBe(coreDiscountAmount(base, { kind: 'percent', value: bps }));
    }
    // An amount discount never takes more than the base.
    expect(discountAmount(500, { kind: 'amount', value: 900 })).toBe(500);
  });

  it('prices modifiers, combo choices, line and order discounts', () => {
    const pricing = priceCart(maps, {
      lines: [
        line('burger', 2, { modifierOptionIds: ['bem', 'bacon'], discount: { kind: 'percent', value: 1000 } }),
        line('combo', 1, { comboChoices: [{ slotId: 'bebida', productId: 'juice', modifierOptionIds: [] }] }),
        line('soda', 3),
      ],
      discount: { kind: 'amount', value: 500 },
    });
    // Burger: (1800 + 400) × 2 = 4400, minus 10% = 3960. Combo with juice: 3000. Sodas: 1800.
    expect(pricing.lines.map((l) => [l.unitPrice, l.gross, l.discount, l.total])).toEqual([
      [2200, 4400, 440, 3960],
      [3000, 3000, 0, 3000],
      [600, 1800, 0, 1800],
    ]);
    expect(pricing.subtotal).toBe(8760);
    expect(pricing.orderDiscount).toBe(500);
    expect(pricing.discounts).toBe(940);
    expect(pricing.total).toBe(8260);
    expect(pricing.lines[1]!.combo).toEqual([{ slotName: 'Bebida', productName: 'juice', priceDelta: 200, modifiers: [] }]);
  });

  it('enforces required groups, maxima and combo slots on screen', () => {
    expect(optionProblems(maps, burger, [], [])).toEqual([{ kind: 'min', name: 'Ponto', min: 1 }]);
    expect(optionProblems(maps, burger, ['mal', 'bacon', 'queijo'], [])).toEqual([]);
    expect(optionProblems(maps, burger, ['mal', 'bacon', 'queijo', 'ovo'], [])).toEqual([{ kind: 'max', name: 'Adicionais', max: 2 }]);
    expect(optionProblems(maps, combo, [], [])).toEqual([{ kind: 'slot', name: 'Bebida' }]);
    expect(optionProblems(maps, combo, [], [{ slotId: 'bebida', productId: 'burger', modifierOptionIds: [] }])).toEqual([{ kind: 'slot', name: 'Bebida' }]);
    expect(optionProblems(maps, combo, [], [{ slotId: 'bebida', productId: 'soda', modifierOptionIds: [] }])).toEqual([]);
  });

  it('refuses a line whose modifiers take it below zero, naming them', () => {
    const coffee = product('Café', 1100, { modifierGroupIds: ['Leites'] });
    const leites = group('Leites', 0, 1, [['Desconto amigo', -2000], ['Cortesia', -1100]]);
    const shop = catalogMaps({ categories: [], products: [coffee], modifierGroups: [leites] });
    expect(optionProblems(shop, coffee, ['Desconto amigo'], [])).toEqual([{ kind: 'belowZero', name: 'Café', price: -900, cuts: [{ name: 'Desconto amigo', priceDelta: -2000 }] }]);
    expect(optionProblems(shop, coffee, ['Cortesia'], [])).toEqual([]);
  });

  it('toggles a one-choice group like radio buttons and stops a group at its maximum', () => {
    let chosen = toggleOption(maps, ponto, [], 'mal');
    chosen = toggleOption(maps, ponto, chosen, 'bem');
    expect(chosen).toEqual(['bem']);
    chosen = toggleOption(maps, extras, chosen, 'bacon');
    chosen = toggleOption(maps, extras, chosen, 'queijo');
    chosen = toggleOption(maps, extras, chosen, 'ovo');
    expect(chosen).toEqual(['bem', 'bacon', 'queijo']);
    expect(toggleOption(maps, extras, chosen, 'bacon')).toEqual(['bem', 'queijo']);
  });

  it('sends only what is set, and knows the same item when it comes again', () => {
    expect(toOrderLines([line('soda', 1, { notes: '  gelado ' }), line('burger', 1, { modifierOptionIds: ['mal'], discount: { kind: 'amount', value: 0 } })])).toEqual([
      { id: 'soda-1', productId: 'soda', quantity: 1, notes: 'gelado' },
      { id: 'burger-1', productId: 'burger', quantity: 1, modifierOptionIds: ['mal'] },
    ]);
    expect(sameItem(line('burger', 1, { modifierOptionIds: ['mal', 'bacon'] }), line('burger', 3, { modifierOptionIds: ['bacon', 'mal'] }))).toBe(true);
    expect(sameItem(line('burger', 1, { modifierOptionIds: ['mal'] }), line('burger', 1, { modifierOptionIds: ['bem'] }))).toBe(false);
    expect(sameItem(line('soda', 1), line('soda', 1, { notes: 'sem gelo' }))).toBe(false);
  });

  it('reads a held cart back field by field', () => {
    expect(readCart(null)).toBeNull();
    expect(readCart({ orderId: 'x', lines: [{ id: 1 }] })).toBeNull();
    expect(
      readCart({ orderId: 'o', type: 'hacker', lines: [{ id: 'l', productId: 'soda', quantity: 5000, notes: 7, discount: { kind: 'free', value: 1 } }] }),
    ).toEqual({
      orderId: 'o',
      type: 'balcao',
      customerName: '',
      pager: '',
      lines: [{ id: 'l', productId: 'soda', quantity: 999, modifierOptionIds: [], comboChoices: [], notes: '', discount: null }],
      discount: null,
    });
  });

  it("adds payments up by the core's rules: only cash passes the total, the excess is change", () => {
    expect(paymentFigures(3600, [{ method: 'debit', value: 2000 }, { method: 'cash', value: 2000 }])).toMatchObject({ cashNeeded: 1600, remaining: 0, change: 400 });
    expect(paymentFigures(3600, [{ method: 'debit', value: 2000 }])).toMatchObject({ remaining: 1600, change: 0 });
    expect(paymentFigures(3600, [{ method: 'credit', value: 4000 }])).toMatchObject({ overTotal: true });
    expect(paymentFigures(1000, [{ method: 'pix', value: 1000 }, { method: 'cash', value: 500 }])).toMatchObject({ cashNotNeeded: true, remaining: 0 });
    expect(paymentFigures(1000, [{ method: 'cash', value: null }])).toMatchObject({ remaining: 1000 });
  });

  it('a card, voucher or PIX above what is due is never turned into cash change', () => {
    expect(paymentFigures(1000, [{ method: 'cash', value: 1000 }, { method: 'credit', value: 5000 }])).toMatchObject({ overTotal: true, change: 0 });
    expect(paymentFigures(1000, [{ method: 'cash', value: 2000 }, { method: 'debit', value: 1000 }])).toMatchObject({ cashNotNeeded: true, change: 0 });
  });

  it('emptying the cart line by line forgets the customer, so the next order starts clean', () => {
    const line = (id: string): CartLine => ({ id, productId: 'soda', quantity: 1, modifierOptionIds: [], comboChoices: [], notes: '', discount: null });
    const cart = { orderId: 'o', type: 'comanda' as const, customerName: 'Seu Jorge', pager: '7', lines: [line('a'), line('b')], discount: { kind: 'amount' as const, value: 100 } };
    const one = withoutLine(cart, 'a');
    expect(one).toMatchObject({ customerName: 'Seu Jorge', pager: '7', type: 'comanda', lines: [{ id: 'b' }] });
    expect(withoutLine(one, 'b')).toEqual({ orderId: 'o', type: 'balcao', customerName: '', pager: '', lines: [], discount: null });
  });
});
