import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogChanges } from '../../src/models/catalog.js';
import { applyChanges as applySynced, type IncomingChange } from '../../src/sync/apply-changes.js';
import { formatHlc } from '../../src/utils/hlc.js';
import { newId } from '../../src/utils/ids.js';
import { applyChanges, changesAsked, decodeProducts, keepChanges, keptSnapshot, type KeptCatalog } from '../../renderer/src/counter/compactCatalog.js';
import { seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { ADMIN, createTestApp, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

const BUILD = 'assets/index-test.js';
const OTHER_TERMINAL = '01a23480-0000-7000-8000-00000000000a';

const synced = (wall: number, data: Record<string, unknown>): IncomingChange => ({
  id: newId(),
  terminalId: OTHER_TERMINAL,
  hlc: formatHlc({ wall, counter: 0, node: OTHER_TERMINAL }),
  entity: 'product',
  entityId: data.id as string,
  op: 'update',
  data,
  at: wall,
});

/** A counter that keeps its catalog: what it holds after each reply, as the browser would. */
async function counterLoad(kept: KeptCatalog | null): Promise<{ kept: KeptCatalog; reply: CatalogChanges; products: ReturnType<typeof decodeProducts> }> {
  const reply = await t.ok('catalog.changes', changesAsked(kept), t.adminToken);
  const held = kept && keptSnapshot(kept, BUILD);
  const products = applyChanges(held && !reply.whole ? held.snapshot.products : [], reply);
  return { kept: keepChanges(held ? kept : null, reply, BUILD), reply, products };
}

const shownPrice = (products: { id: string; price: number }[], id: string) => products.find((p) => p.id === id)?.price;

describe('catalog.changes: the counter keeps its catalog and asks only for what changed', () => {
  let menu: Menu;

  it('sends the whole active catalog first, the same products as the snapshot in the same order', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    const snapshot = await t.ok('catalog.snapshot', {}, t.adminToken);
    const { reply, products } = await counterLoad(null);
    expect(reply.whole).toBe(true);
    expect(reply.store).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    expect(products).toEqual(snapshot.products);
    expect(reply.categories).toEqual(snapshot.categories);
    expect(reply.modifierGroups).toEqual(snapshot.modifierGroups);
  });

  it('a price changed on another terminal (arriving by sync) and a product switched off reach a warm counter; nothing else is sent', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    const first = await counterLoad(null);

    // Nothing changed: a reload gets no products at all, at the same version.
    const unchanged = await counterLoad(first.kept);
    expect(unchanged.reply).toMatchObject({ whole: false, version: first.reply.version, removed: [] });
    expect(unchanged.reply.products.id).toEqual([]);
    expect(unchanged.products).toEqual(first.products);

    t.clock.advance(60_000);
    applySynced(t.app.db, [synced(t.clock.now(), { id: menu.p.xburger, price: 2100, name: 'X-Burger Artesanal' })]);
    await t.ok('catalog.saveProduct', { id: menu.p.suco, name: 'Suco de laranja', code: 'SUC', price: 900, categoryId: menu.cat.bebidas, active: false }, t.adminToken);

    const later = await counterLoad(unchanged.kept);
    expect(later.reply.whole).toBe(false);
    expect(later.reply.version).toBeGreaterThan(first.reply.version);
    expect(later.reply.products.id).toEqual([menu.p.xburger]);
    expect(later.reply.removed).toEqual([menu.p.suco]);
    expect(shownPrice(later.products, menu.p.xburger)).toBe(2100);
    expect(later.products.some((p) => p.id === menu.p.suco)).toBe(false);
    // Merged in place, the counter holds exactly what a fresh counter would get.
    expect(later.products).toEqual((await t.ok('catalog.snapshot', {}, t.adminToken)).products);

    // And the catalog kept in the browser, read back on the next load, is the same.
    expect(keptSnapshot(structuredClone(later.kept), BUILD)!.snapshot.products).toEqual(later.products);
  });

  it('sold out and back: the flag reaches the counter both ways', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    let load = await counterLoad(null);
    await t.ok('catalog.setSoldOut', { id: menu.p.batata, soldOut: true }, t.adminToken);
    load = await counterLoad(load.kept);
    expect(load.products.find((p) => p.id === menu.p.batata)?.soldOut).toBe(true);
    await t.ok('catalog.setSoldOut', { id: menu.p.batata, soldOut: false }, t.adminToken);
    load = await counterLoad(load.kept);
    expect(load.products.find((p) => p.id === menu.p.batata)?.soldOut).toBe(false);
  });

  it('sends the whole catalog for another store, a version this database never reached (a restore went back), or no version', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    const { reply } = await counterLoad(null);
    const otherShop = `${newId()}/${reply.store.split('/')[1]}`;
    expect((await t.ok('catalog.changes', { store: otherShop, since: reply.version }, t.adminToken)).whole).toBe(true);
    expect((await t.ok('catalog.changes', { store: reply.store, since: reply.version + 1 }, t.adminToken)).whole).toBe(true);
    expect((await t.ok('catalog.changes', { store: reply.store }, t.adminToken)).whole).toBe(true);
    expect((await t.ok('catalog.changes', { store: reply.store, since: reply.version }, t.adminToken)).whole).toBe(false);
  });

  it('refuses a bad version with a message naming the field, and needs a session', async () => {
    t = await initializedApp();
    const negative = await t.fails('catalog.changes', { since: -1 }, t.adminToken);
    expect(negative).toMatchObject({ code: 'VALIDATION', field: 'since' });
    expect(negative.message).toMatch(/Versão do catálogo inválida/);
    expect(await t.fails('catalog.changes', { since: 1.5 }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'since' });
    expect(await t.fails('catalog.changes', {}, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps the version through a restart: changes made before it are found after it', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    const first = await counterLoad(null);
    await t.ok('catalog.setSoldOut', { id: menu.p.pao, soldOut: true }, t.adminToken);
    const { dir } = t;
    t.app.close();
    const again = await createTestApp({ dir });
    const { token } = await again.ok('auth.login', { name: 'Ana Admin', pin: '480135' });
    try {
      const reply = await again.ok('catalog.changes', changesAsked(first.kept), token);
      expect(reply).toMatchObject({ whole: false, store: first.reply.store });
      expect(reply.products.id).toEqual([menu.p.pao]);
      expect(reply.products.soldOut).toEqual([0]);
    } finally {
      again.app.close();
    }
  });

  it('after a restore a counter that kept the catalog of before (or of the lost time after the copy) takes it whole, then changes again', async () => {
    t = await initializedApp();
    menu = await seedCatalog(t, t.adminToken);
    const backup = await t.ok('backups.create', {}, t.adminToken);
    // After the copy: a new price and a new product, kept by a counter, then lost by the restore.
    await t.ok('catalog.saveProduct', { id: menu.p.pao, name: 'Pão de queijo', code: 'PQ', price: 650, categoryId: menu.cat.porcoes }, t.adminToken);
    const lost = newId();
    await t.ok('catalog.saveProduct', { id: lost, name: 'Coxinha perdida', code: 'COX', price: 700 }, t.adminToken);
    const kept = await counterLoad(null);
    expect(shownPrice(kept.products, menu.p.pao)).toBe(650);

    await t.ok('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
    await vi.waitFor(async () => expect((await t.call('setup.status', {})).ok).toBe(true), { timeout: 15_000, interval: 20 });
    t.adminToken = (await t.ok('auth.login', ADMIN)).token;
    // Another product changes after the restore, so the version is past the kept one again.
    await t.ok('catalog.setSoldOut', { id: menu.p.refri, soldOut: true }, t.adminToken);

    const after = await counterLoad(kept.kept);
    expect(after.reply.whole).toBe(true);
    expect(shownPrice(after.products, menu.p.pao)).toBe(500);
    expect(after.products.some((p) => p.id === lost)).toBe(false);
    expect((await counterLoad(after.kept)).reply.whole).toBe(false);
  });
});
