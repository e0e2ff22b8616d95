import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { seedCatalog } from '../helpers/catalog-fixture.js';
import { seedStock, type StockItems } from '../helpers/stock-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let items: StockItems;
let stock: string;
afterEach(() => t?.close());

async function stockroom() {
  t = await initializedApp();
  items = await seedStock(t, t.adminToken, await seedCatalog(t, t.adminToken));
  await t.ok('users.create', { name: 'Sara Estoque', role: 'stockroom', pin: '4826' }, t.adminToken);
  stock = (await t.ok('auth.login', { name: 'Sara Estoque', pin: '4826' })).token;
  // 4 packs of 6 buns at R$ 9,00: 24 un at R$ 1,50.
  await t.ok('stock.receive', { id: newId(), lines: [{ id: newId(), itemId: items.pao, unit: 'pct', quantity: 4000, unitCost: 900 }] }, stock);
}

const movementsOf = async (itemId: string) => (await t.ok('stock.movements', { itemId }, stock)).length;

describe('implausible quantities', () => {
  it('an absurd loss asks for confirmation with the figure, writes nothing, and goes through once confirmed', async () => {
    await stockroom();
    const loss = { id: newId(), itemId: items.pao, quantity: 999_999_999_000, reason: 'quebra' as const };
    const asked = await t.fails('stock.loss', loss, stock);
    expect(asked).toMatchObject({ code: 'CONFIRMATION_REQUIRED', field: 'quantity', details: { quantity: 999_999_999_000, onHand: 24_000, baseUnit: 'un' } });
    expect(asked.message).toContain('Confirmar perda de 999.999.999 un?');
    expect(await movementsOf(items.pao)).toBe(1);
    await t.ok('stock.loss', { ...loss, confirmed: true }, stock);
    const [last] = await t.ok('stock.movements', { itemId: items.pao }, stock);
    expect(last).toMatchObject({ kind: 'perda', quantity: -999_999_999_000, value: -149_999_999_850 }); // at R$ 1,50 each
  });

  it('an ordinary loss or issue, up to ten times what is known of the item, needs no confirmation', async () => {
    await stockroom();
    await t.ok('stock.loss', { id: newId(), itemId: items.pao, quantity: 2000, reason: 'quebra' }, stock);
    await t.ok('stock.issue', { id: newId(), itemId: items.pao, quantity: 240_000, reason: 'evento' }, stock);
    expect(await t.fails('stock.issue', { id: newId(), itemId: items.pao, quantity: 240_001, reason: 'evento' }, stock)).toMatchObject({ code: 'CONFIRMATION_REQUIRED', field: 'quantity' });
  });

  it('a receipt line far above the item’s largest receipt asks too, on its line', async () => {
    await stockroom();
    const receipt = { id: newId(), lines: [{ id: newId(), itemId: items.pao, quantity: 100_000, unitCost: 150 }, { id: newId(), itemId: items.pao, unit: 'pct', quantity: 100_000_000, unitCost: 900 }] };
    expect(await t.fails('stock.receive', receipt, stock)).toMatchObject({ code: 'CONFIRMATION_REQUIRED', field: 'lines.1.quantity', details: { quantity: 600_000_000 } });
    expect(await movementsOf(items.pao)).toBe(1);
    expect((await t.ok('stock.receive', { ...receipt, confirmed: true }, stock)).movementIds).toHaveLength(2);
  });

  it('the ledger refuses what would overflow the sums the reports make, even confirmed', async () => {
    await stockroom();
    // 1 bilhão un at R$ 1.000.000,00 each: 10^17 centavos, past what a report can add up exactly.
    const huge = { id: newId(), confirmed: true, lines: [{ id: newId(), itemId: items.lata, quantity: 1_000_000_000_000, unitCost: 100_000_000 }] };
    expect(await t.fails('stock.receive', huge, stock)).toMatchObject({ code: 'VALIDATION', field: 'lines.0.quantity' });
    expect(await movementsOf(items.lata)).toBe(0);
  });
});
