import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

// Saved out of order on purpose; SQLite's byte order would put "Água" and "Éclair" after "Zebra" and "abacate" after "Banana".
const NAMES = ['Zebra', 'Água', 'abacate', 'Éclair', 'Banana'];
const PT_BR_ORDER = ['abacate', 'Água', 'Banana', 'Éclair', 'Zebra'];
const ours = (names: string[]) => names.filter((name) => NAMES.includes(name));

describe('lists come sorted the way a Brazilian reads them', () => {
  it('puts "Água" with the A\'s and "Éclair" with the E\'s in every list sorted by name', async () => {
    t = await initializedApp();
    const admin = t.adminToken;
    const items: string[] = [];
    for (const [i, name] of NAMES.entries()) {
      const itemId = newId();
      items.push(itemId);
      await t.ok('stock.saveItem', { id: itemId, name, baseUnit: 'un', minimum: 1000 }, admin);
      await t.ok('catalog.saveCategory', { id: newId(), name, sortOrder: 0 }, admin);
      await t.ok('catalog.saveProduct', { id: newId(), name, code: `P${i}`, price: 500 }, admin);
      await t.ok('catalog.saveModifierGroup', { id: newId(), name, minChoices: 0, maxChoices: 1, options: [{ id: newId(), name: 'Opção', priceDelta: 0 }] }, admin);
      await t.ok('suppliers.save', { id: newId(), name }, admin);
      await t.ok('users.create', { name, role: 'cashier', pin: `80${24 + i}` }, admin);
    }
    const count = newId();
    await t.ok('counts.start', { id: count }, admin);
    for (const itemId of items) await t.ok('counts.enter', { countId: count, itemId, counted: 1000 }, admin);

    const snapshot = await t.ok('catalog.snapshot', {}, admin);
    const exported = (await t.ok('catalog.exportProducts', {}, admin)).csv.split(/\r?\n/).slice(1).map((row) => row.split(';')[0]!);
    const lists: Record<string, string[]> = {
      'stock.items': (await t.ok('stock.items', {}, admin)).map((i) => i.name),
      'stock.alerts (low)': (await t.ok('stock.alerts', {}, admin)).low.map((i) => i.name),
      'catalog.snapshot categories': snapshot.categories.map((c) => c.name),
      'catalog.snapshot products': snapshot.products.map((p) => p.name),
      'catalog.snapshot modifier groups': snapshot.modifierGroups.map((g) => g.name),
      'catalog.exportProducts': exported,
      'suppliers.list': (await t.ok('suppliers.list', {}, admin)).map((s) => s.name),
      'users.list': (await t.ok('users.list', {}, admin)).map((u) => u.name),
      'counts.get': (await t.ok('counts.get', { countId: count }, admin)).entered.map((l) => l.itemName),
      'counts.review': (await t.ok('counts.review', { countId: count }, admin)).lines.map((l) => l.itemName),
    };
    for (const [list, names] of Object.entries(lists)) expect.soft(ours(names), list).toEqual(PT_BR_ORDER);
  });
});
