import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { seedStock } from '../helpers/stock-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

describe('each sale line keeps its cost of goods at the moment of sale', () => {
  it('is known only when every item its recipe took had a cost; a product with no recipe has none, never 0', async () => {
    t = await initializedApp();
    const admin = t.adminToken;
    const menu = await seedCatalog(t, admin);
    const items = await seedStock(t, admin, menu);
    // Bun R$ 1,00 each, meat R$ 40,00/kg, cheese R$ 30,00/kg, onion R$ 5,00/kg; the cans never received.
    await t.ok('stock.receive', {
      id: newId(),
      lines: [
        { id: newId(), itemId: items.pao, quantity: 10_000, unitCost: 100 },
        { id: newId(), itemId: items.carne, unit: 'kg', quantity: 2000, unitCost: 4000 },
        { id: newId(), itemId: items.queijo, unit: 'kg', quantity: 1000, unitCost: 3000 },
        { id: newId(), itemId: items.cebola, unit: 'kg', quantity: 1000, unitCost: 500 },
      ],
    }, admin);
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, admin);
    const burger = line(menu.p.xburger, 2, { modifierOptionIds: [menu.ponto.aoPonto] });
    const can = line(menu.p.refri);
    const cheeseBread = line(menu.p.pao);
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [burger, can, cheeseBread], payments: [cash(10_000)] }, admin);

    const stored = new Map(
      (t.app.db.prepare('SELECT id, cost, cost_known AS costKnown FROM order_lines').all() as { id: string; cost: number; costKnown: number }[]).map((l) => [l.id, l]),
    );
    // Per burger: 1 bun 100 + 150 g meat 600 + 30 g cheese 90 + 20 g onion 10 = 800; two of them.
    expect(stored.get(burger.id)).toEqual({ id: burger.id, cost: 1600, costKnown: 1 });
    expect(stored.get(can.id)).toMatchObject({ costKnown: 0 });
    expect(stored.get(cheeseBread.id)).toMatchObject({ costKnown: 0 });
  });
});
