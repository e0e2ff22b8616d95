import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { SimShop, type SimTerminal } from '../helpers/sync-simulation.js';

/**
 * A terminal restored from a backup resumes its clock from the backup's last stamp. While its wall
 * clock has not passed the stamps it issued after the backup (the same minute, or a clock set back),
 * it issues those very stamps again, for other writes. Found by the sync simulation.
 */
let shop: SimShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

const productRow = (term: SimTerminal, id: string) =>
  term.t.app.db.prepare('SELECT name, code, price, category_id AS categoryId, station FROM products WHERE id = ?').get(id) as {
    name: string;
    code: string;
    price: number;
    categoryId: string | null;
    station: string | null;
  };

describe('a restored terminal that edits before it reconnects', () => {
  it('its edit, made after the ones it lost, wins on every terminal, even with the same clock reading', async () => {
    shop = await SimShop.open(new MemorySyncStore(), 2);
    const [a, b] = shop.terminals as [SimTerminal, SimTerminal];
    const pao = shop.menu.p.pao;
    shop.snapshot(a);
    // Sent, then lost with the restore.
    await shop.ok(a, 'catalog.saveProduct', { ...productRow(a, pao), id: pao, price: 800 });
    await shop.expectClean(a);
    await shop.restore(a, a.snapshots[0]!);
    // The same clock reading as the lost edit: the backup's clock gives it the lost edit's stamp.
    await shop.ok(a, 'catalog.saveProduct', { ...productRow(a, pao), id: pao, name: 'Pão de queijo mineiro' });
    await shop.expectClean(a);
    await shop.expectClean(b);

    const seen = [a, b].map((term) => term.t.app.db.prepare('SELECT name, price FROM products WHERE id = ?').get(pao));
    expect(seen).toEqual([
      { name: 'Pão de queijo mineiro', price: 500 },
      { name: 'Pão de queijo mineiro', price: 500 },
    ]);
    // And the next edit on A comes after both.
    await shop.ok(a, 'catalog.saveProduct', { ...productRow(a, pao), id: pao, price: 650 });
    await shop.expectClean(a);
    await shop.expectClean(b);
    expect(b.t.app.db.prepare('SELECT price FROM products WHERE id = ?').pluck().get(pao)).toBe(650);
  });
  it('a PIN reset made after the restore goes out wrapped, and the other terminal signs the person in with it', async () => {
    shop = await SimShop.open(new MemorySyncStore(), 2);
    const [a, b] = shop.terminals as [SimTerminal, SimTerminal];
    const { id } = await shop.ok(a, 'users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2468' });
    await shop.expectClean(a);
    shop.snapshot(a);
    await shop.ok(a, 'users.resetPin', { id, pin: '1357' });
    await shop.expectClean(a);
    await shop.restore(a, a.snapshots[0]!);
    // Same clock reading as the lost reset: the new one is stamped again above it when the logs are joined.
    await shop.ok(a, 'users.resetPin', { id, pin: '9753' });
    await shop.expectClean(a);
    await shop.expectClean(b);
    for (const term of [a, b]) {
      expect((await term.t.call('auth.login', { name: 'Caio Caixa', pin: '9753' })).ok).toBe(true);
      expect((await term.t.call('auth.login', { name: 'Caio Caixa', pin: '1357' })).ok).toBe(false);
    }
  });
});
