import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../src/models/orders.js';
import { DisplayScreen } from '../../src/models/display.js';
import { catalogMaps, priceCart, type Cart } from '../../renderer/src/counter/cart.js';
import { counterScreen } from '../../renderer/src/display/counterScreen.js';

const id = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const maps = catalogMaps({
  categories: [],
  modifierGroups: [{ id: id(20), name: 'Extras', minChoices: 0, maxChoices: 3, active: true, options: [{ id: id(21), name: '+ Bacon', priceDelta: 400, active: true }] }],
  products: [
    { id: id(1), name: 'X-Burger', price: 1800, modifierGroupIds: [id(20)], comboSlots: [] },
    { id: id(2), name: 'Refrigerante lata', price: 600, modifierGroupIds: [], comboSlots: [] },
  ],
} as unknown as Parameters<typeof catalogMaps>[0]);

const cart = (lines: Cart['lines'], discount: Cart['discount'] = null): Cart => ({ orderId: id(99), type: 'balcao', customerName: 'Fulano', pager: '', lines, discount });
/** A line with nothing chosen: each case says only what it adds. */
const PLAIN = { modifierOptionIds: [], comboChoices: [], notes: '', discount: null };
const line = (n: number, productId: string, quantity: number, extra: Partial<Cart['lines'][number]> = {}) => ({ ...PLAIN, id: id(n), productId, quantity, ...extra });

describe("what the counter shows its customer's display", () => {
  it('is the cart line by line, with modifiers, discounts and the total, and nothing the kitchen or the staff keeps', () => {
    const pricing = priceCart(maps, cart([line(1, id(1), 2, { modifierOptionIds: [id(21)], notes: 'sem cebola, cliente chato' }), line(2, id(2), 1, { discount: { kind: 'amount', value: 100 } })], { kind: 'percent', value: 1000 }));
    const screen = counterScreen({ pricing, target: null, pix: null, paidOrderId: null });
    expect(screen).toEqual({
      phase: 'cart',
      lines: [
        { name: 'X-Burger', quantity: 2, modifiers: ['+ Bacon'], discount: 0, total: 4400 },
        { name: 'Refrigerante lata', quantity: 1, modifiers: [], discount: 100, total: 500 },
      ],
      subtotal: 5000,
      discount: 100 + 490,
      total: 4410,
    });
    expect(JSON.stringify(screen)).not.toMatch(/cebola|Fulano/);
    expect(DisplayScreen.safeParse(screen).success).toBe(true);
  });

  it('adds the order being paid, shows the PIX while it is on screen, then the paid order, then idle', () => {
    const target = {
      id: id(50),
      subtotal: 1200,
      discount: 0,
      total: 1200,
      lines: [{ name: 'Batata frita', quantity: 1, modifiers: [], combo: [], discount: 0, total: 1200 }],
    } as unknown as OrderView;
    const empty = priceCart(maps, cart([]));
    expect(counterScreen({ pricing: empty, target, pix: null, paidOrderId: null })).toMatchObject({ phase: 'cart', total: 1200, lines: [{ name: 'Batata frita' }] });
    expect(counterScreen({ pricing: empty, target, pix: { orderId: id(50), amount: 1200 }, paidOrderId: null })).toMatchObject({ phase: 'pix', orderId: id(50), amount: 1200, total: 1200 });
    expect(counterScreen({ pricing: empty, target: null, pix: null, paidOrderId: id(50) })).toEqual({ phase: 'paid', orderId: id(50) });
    // The next customer's first line takes over from the paid order.
    const next = priceCart(maps, cart([line(3, id(2), 1)]));
    expect(counterScreen({ pricing: next, target: null, pix: null, paidOrderId: id(50) })).toMatchObject({ phase: 'cart', total: 600 });
    expect(counterScreen({ pricing: empty, target: null, pix: null, paidOrderId: null })).toEqual({ phase: 'idle' });
    expect(counterScreen({ pricing: null, target: null, pix: null, paidOrderId: null })).toEqual({ phase: 'idle' });
  });

  it('cuts what is too long for the display instead of having the push refused', () => {
    const long = catalogMaps({ categories: [], modifierGroups: [], products: [{ id: id(7), name: 'P'.repeat(120), price: 100, modifierGroupIds: [], comboSlots: [] }] } as unknown as Parameters<typeof catalogMaps>[0]);
    const screen = counterScreen({ pricing: priceCart(long, cart(Array.from({ length: 250 }, (_, i) => line(100 + i, id(7), 1)))), target: null, pix: null, paidOrderId: null });
    expect(screen.phase === 'cart' && screen.lines.length).toBe(200);
    expect(screen.phase === 'cart' && screen.lines[0]!.name.length).toBe(80);
    expect(DisplayScreen.safeParse(screen).success).toBe(true);
  });
});
