import { newId } from '../../src/utils/ids.js';
import type { Menu } from './catalog-fixture.js';
import type { TestApp } from './test-app.js';

/** Ingredients for the fixture menu: bread and cans by the unit, meat and cheese by weight, and recipes. */
export async function seedStock(t: TestApp, token: string, menu: Menu) {
  const i = { pao: newId(), carne: newId(), queijo: newId(), bacon: newId(), cebola: newId(), lata: newId(), batata: newId() };
  const save = (input: Record<string, unknown>) => t.ok('stock.saveItem', input as never, token);
  await save({ id: i.pao, name: 'Pão de hambúrguer', baseUnit: 'un', category: 'Padaria', minimum: 10_000, units: [{ name: 'pct', factor: 6000 }] });
  await save({ id: i.carne, name: 'Carne moída', baseUnit: 'g', category: 'Carnes', minimum: 1_000_000, units: [{ name: 'kg', factor: 1_000_000 }] });
  await save({ id: i.queijo, name: 'Queijo prato', baseUnit: 'g', minimum: 200_000, units: [{ name: 'kg', factor: 1_000_000 }] });
  await save({ id: i.bacon, name: 'Bacon', baseUnit: 'g', minimum: 100_000, units: [{ name: 'kg', factor: 1_000_000 }] });
  await save({ id: i.cebola, name: 'Cebola', baseUnit: 'g', minimum: 0, units: [{ name: 'kg', factor: 1_000_000 }] });
  await save({ id: i.lata, name: 'Refrigerante lata', baseUnit: 'un', minimum: 12_000, units: [{ name: 'fardo', factor: 12_000 }] });
  await save({ id: i.batata, name: 'Batata congelada', baseUnit: 'g', minimum: 0, units: [{ name: 'pct 2kg', factor: 2_000_000 }] });
  // X-Burger: 1 bun, 150 g meat, 30 g cheese, 20 g onion. Fries: 200 g. A can is a can.
  await t.ok('recipes.save', { productId: menu.p.xburger, items: [{ itemId: i.pao, quantity: 1000 }, { itemId: i.carne, quantity: 150_000 }, { itemId: i.queijo, quantity: 30_000 }, { itemId: i.cebola, quantity: 20_000 }] }, token);
  await t.ok('recipes.save', { productId: menu.p.xsalada, items: [{ itemId: i.pao, quantity: 1000 }, { itemId: i.carne, quantity: 150_000 }] }, token);
  await t.ok('recipes.save', { productId: menu.p.batata, items: [{ itemId: i.batata, quantity: 200_000 }] }, token);
  await t.ok('recipes.save', { productId: menu.p.refri, items: [{ itemId: i.lata, quantity: 1000 }] }, token);
  await t.ok('recipes.saveModifier', { optionId: menu.extras.bacon, items: [{ itemId: i.bacon, quantity: 30_000 }] }, token);
  await t.ok('recipes.saveModifier', { optionId: menu.extras.queijo, items: [{ itemId: i.queijo, quantity: 30_000 }] }, token);
  await t.ok('recipes.saveModifier', { optionId: menu.extras.semCebola, items: [{ itemId: i.cebola, quantity: -20_000 }] }, token);
  return i;
}

export type StockItems = Awaited<ReturnType<typeof seedStock>>;
