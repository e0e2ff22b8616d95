import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
afterEach(() => t?.close());

/** A R$ 11,00 coffee with a "Leites" group; the fixture menu around it. */
async function coffeeShop() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  const leites = { id: newId(), integral: newId(), aveia: newId() };
  await t.ok('catalog.saveModifierGroup', { id: leites.id, name: 'Leites', minChoices: 0, maxChoices: 1, options: [{ id: leites.integral, name: 'Integral', priceDelta: 0 }, { id: leites.aveia, name: 'Aveia', priceDelta: 300 }] }, t.adminToken);
  const cafe = { id: newId(), name: 'Café com leite', code: 'CAF', price: 1100, categoryId: menu.cat.bebidas, modifierGroupIds: [leites.id] };
  await t.ok('catalog.saveProduct', cafe, t.adminToken);
  return { leites, cafe };
}

const optionsOf = (groupId: string) => (t.app.db.prepare('SELECT name, price_delta AS priceDelta FROM modifier_options WHERE group_id = ? ORDER BY position').all(groupId) as { name: string; priceDelta: number }[]);

describe('a line can never go below zero', () => {
  it('the catalog refuses a modifier whose discount is larger than a product that offers it, naming both', async () => {
    const { leites } = await coffeeShop();
    const error = await t.fails(
      'catalog.saveModifierGroup',
      { id: leites.id, name: 'Leites', minChoices: 0, maxChoices: 1, options: [{ id: leites.integral, name: 'Integral', priceDelta: 0 }, { id: leites.aveia, name: 'Desconto amigo', priceDelta: -2000 }] },
      t.adminToken,
    );
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'options.1.priceDelta' });
    expect(error.message).toContain('Café com leite');
    expect(error.message).toContain('Desconto amigo');
    expect(optionsOf(leites.id).map((o) => o.priceDelta)).toEqual([0, 300]);
    // Down to the price of the cheapest product is fine: the line is free, never negative.
    await t.ok('catalog.saveModifierGroup', { id: leites.id, name: 'Leites', minChoices: 0, maxChoices: 1, options: [{ id: leites.integral, name: 'Integral', priceDelta: 0 }, { id: leites.aveia, name: 'Cortesia', priceDelta: -1100 }] }, t.adminToken);
  });

  it('counts every discount a line can take together: several choices in a group, and several groups', async () => {
    const { leites, cafe } = await coffeeShop();
    const descontos = { id: newId(), a: newId(), b: newId() };
    await t.ok('catalog.saveModifierGroup', { id: descontos.id, name: 'Descontos', minChoices: 0, maxChoices: 2, options: [{ id: descontos.a, name: 'Sem açúcar', priceDelta: -500 }, { id: descontos.b, name: 'Copo próprio', priceDelta: -500 }] }, t.adminToken);
    await t.ok('catalog.saveProduct', { ...cafe, modifierGroupIds: [leites.id, descontos.id] }, t.adminToken); // 11,00 − 5,00 − 5,00 = 1,00
    expect(await t.fails('catalog.saveProduct', { ...cafe, price: 900, modifierGroupIds: [leites.id, descontos.id] }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'price' });
    await t.ok('catalog.saveModifierGroup', { id: leites.id, name: 'Leites', minChoices: 0, maxChoices: 1, options: [{ id: leites.integral, name: 'Integral', priceDelta: -100 }] }, t.adminToken);
    expect(await t.fails('catalog.saveModifierGroup', { id: leites.id, name: 'Leites', minChoices: 0, maxChoices: 1, options: [{ id: leites.integral, name: 'Integral', priceDelta: -101 }] }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'options.0.priceDelta' });
    const cheap = { id: newId(), name: 'Pingado', code: 'PIN', price: 500, modifierGroupIds: [descontos.id] };
    expect(await t.fails('catalog.saveProduct', cheap, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'modifierGroupIds' });
  });

  it('a combo slot’s discount may not take the combo below zero either', async () => {
    await coffeeShop();
    const combo = { id: newId(), name: 'Combo econômico', code: 'CEC', price: 1000, comboSlots: [{ id: newId(), name: 'Bebida', options: [{ productId: menu.p.refri, priceDelta: 0 }, { productId: menu.p.suco, priceDelta: -1500 }] }] };
    expect(await t.fails('catalog.saveProduct', combo, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'comboSlots.0.options' });
  });

  it('a line that still comes out below zero (a catalog from before the rule) is refused naming the modifier', async () => {
    const { leites, cafe } = await coffeeShop();
    // Written past the rule, as an old database or another terminal's older version could hold it (nothing has read the option yet).
    t.app.db.prepare('UPDATE modifier_options SET price_delta = -2000 WHERE id = ?').run(leites.aveia);
    await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    const cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier);
    const error = await t.fails('orders.create', { id: newId(), type: 'balcao', lines: [line(cafe.id, 1, { modifierOptionIds: [leites.aveia] })] }, cashier);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'lines.0.modifierOptionIds' });
    expect(error.message).toBe('Café com leite com Aveia (-R$ 20,00) ficaria em -R$ 9,00: um item não pode custar menos que zero. Tire o adicional ou corrija o cadastro.');
  });
});
