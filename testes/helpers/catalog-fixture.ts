import { newId } from '../../src/utils/ids.js';
import type { TestApp } from './test-app.js';

/** A small lanchonete menu: burgers with required and optional modifiers, fries, drinks and a combo. */
export async function seedCatalog(t: TestApp, token: string) {
  const id = () => newId();
  const cat = { lanches: id(), bebidas: id(), porcoes: id() };
  await t.ok('catalog.saveCategory', { id: cat.lanches, name: 'Lanches', color: '#ef4444', sortOrder: 1 }, token);
  await t.ok('catalog.saveCategory', { id: cat.bebidas, name: 'Bebidas', color: '#3b82f6', sortOrder: 2 }, token);
  await t.ok('catalog.saveCategory', { id: cat.porcoes, name: 'Porções', color: '#f59e0b', sortOrder: 3 }, token);
  const ponto = { id: id(), mal: id(), aoPonto: id(), bem: id() };
  await t.ok(
    'catalog.saveModifierGroup',
    {
      id: ponto.id,
      name: 'Ponto da carne',
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: ponto.mal, name: 'Mal passado', priceDelta: 0 },
        { id: ponto.aoPonto, name: 'Ao ponto', priceDelta: 0 },
        { id: ponto.bem, name: 'Bem passado', priceDelta: 0 },
      ],
    },
    token,
  );
  const extras = { id: id(), bacon: id(), queijo: id(), ovo: id(), semCebola: id() };
  await t.ok(
    'catalog.saveModifierGroup',
    {
      id: extras.id,
      name: 'Adicionais',
      minChoices: 0,
      maxChoices: 3,
      options: [
        { id: extras.bacon, name: '+ Bacon', priceDelta: 400 },
        { id: extras.queijo, name: '+ Queijo', priceDelta: 300 },
        { id: extras.ovo, name: '+ Ovo', priceDelta: 250 },
        { id: extras.semCebola, name: 'Sem cebola', priceDelta: 0 },
      ],
    },
    token,
  );
  const p = { xburger: id(), xsalada: id(), refri: id(), suco: id(), batata: id(), combo: id(), pao: id() };
  const save = (input: Record<string, unknown>) => t.ok('catalog.saveProduct', input as never, token);
  await save({ id: p.xburger, name: 'X-Burger', code: 'XB', price: 1800, categoryId: cat.lanches, station: 'Chapa', modifierGroupIds: [ponto.id, extras.id] });
  await save({ id: p.xsalada, name: 'X-Salada', code: 'XS', barcode: '7891000100103', price: 2000, categoryId: cat.lanches, station: 'Chapa', modifierGroupIds: [extras.id] });
  await save({ id: p.refri, name: 'Refrigerante lata', code: 'REF', barcode: '7894900011517', price: 600, categoryId: cat.bebidas });
  await save({ id: p.suco, name: 'Suco de laranja', code: 'SUC', price: 900, categoryId: cat.bebidas, station: 'Bar' });
  await save({ id: p.batata, name: 'Batata frita', code: 'BAT', price: 1200, categoryId: cat.porcoes, station: 'Fritadeira' });
  await save({ id: p.pao, name: 'Pão de queijo', code: 'PQ', price: 500, categoryId: cat.porcoes });
  const slots = { lanche: id(), bebida: id() };
  await save({
    id: p.combo,
    name: 'Combo X-Burger',
    code: 'CXB',
    price: 2800,
    categoryId: cat.lanches,
    station: 'Chapa',
    comboSlots: [
      { id: slots.lanche, name: 'Lanche', options: [{ productId: p.xburger, priceDelta: 0 }, { productId: p.xsalada, priceDelta: 200 }] },
      { id: slots.bebida, name: 'Bebida', options: [{ productId: p.refri, priceDelta: 0 }, { productId: p.suco, priceDelta: 200 }] },
    ],
  });
  return { cat, ponto, extras, p, slots };
}

export type Menu = Awaited<ReturnType<typeof seedCatalog>>;

export const line = (productId: string, quantity = 1, extra: Record<string, unknown> = {}) => ({ id: newId(), productId, quantity, ...extra });
export const cash = (tendered: number) => ({ id: newId(), method: 'cash' as const, tendered });
export const card = (method: 'debit' | 'credit' | 'voucher' | 'pix', amount: number) => ({ id: newId(), method, amount });
