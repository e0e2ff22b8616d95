import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { api, ensureShop, login, shopWithCashier } from './session.js';

// The counter keeps the catalog in the browser (IndexedDB) between loads and asks the core only for
// what changed since: here, in real Chromium, a price changed while the counter was closed, a price
// changed while it is open, and a product switched off all show; and a kept catalog that is damaged,
// from another shop or from another build, or a browser whose IndexedDB fails, only means the whole
// catalog is fetched again. Never a wrong price.
// The shop is set up here when no other spec did it; every name this spec uses is its own.

const SHOP = { shopName: 'Lanchonete Teste', admin: { name: 'Ana Admin', pin: '480135' }, cashier: { name: 'Kelly Guarda', pin: '7294' } };
const KIBE = { id: uuidv7(), name: 'Kibe guardado da casa', code: 'KIBE-G', price: 750 };
const ESFIHA = { id: uuidv7(), name: 'Esfiha guardada de carne', code: 'ESF-G', price: 650 };

/** Reads or rewrites the kept entry of the store used last, in the page (plain text: this file has no DOM types). */
const keptEntry = (page: Page, edit = '') =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('balcao-catalog', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const key = localStorage.getItem('balcao.catalogStore');
      const entries = open.result.transaction('catalogs', 'readwrite').objectStore('catalogs');
      const read = entries.get(key);
      read.onsuccess = () => {
        let entry = read.result;
        ${edit ? `${edit}
 entries.put(entry, key);` : ''}
        resolve(entry && typeof entry === 'object' ? { store: entry.store, version: entry.version, changes: entry.changes.length } : undefined);
      };
    };
  })`) as Promise<{ store: string; version: number; changes: number } | undefined>;

test.describe.serial('the counter keeps its catalog between loads', () => {
  let request: APIRequestContext;
  let context: BrowserContext;
  let page: Page;
  let admin: string;
  let cashier: string;
  /** The caixa this spec opened, closed again at the end so the specs after it find the counter as a new day. */
  let opened: string | null = null;

  /** Opens the counter and returns whether the core sent the whole catalog or only changes. */
  async function openCounter(): Promise<{ whole: boolean; products: number }> {
    const reply = page.waitForResponse((response) => response.url().endsWith('/api/catalog.changes'));
    // Going to the address already shown would not load the page again.
    if (page.url().endsWith('#/caixa')) await page.reload();
    else await page.goto('/#/caixa');
    const body = (await (await reply).json()) as { whole: boolean; products: { id: string[] } };
    await expect(page.getByTestId('counter-ready')).toBeVisible();
    return { whole: body.whole, products: body.products.id.length };
  }

  async function priceShown(name: string) {
    await page.getByTestId('counter-search').fill(name);
    return page.getByTestId('search-result').filter({ hasText: name });
  }

  const saveProduct = (product: typeof KIBE, extra: Record<string, unknown> = {}) => api(request, admin, 'catalog.saveProduct', { ...product, ...extra });

  test.beforeAll(async ({ playwright, browser }, info) => {
    request = await playwright.request.newContext({ baseURL: info.project.use.baseURL! });
    await ensureShop(request, SHOP.shopName, SHOP.admin);
    const before = await api<{ session: { id: string } | null }>(request, await login(request, SHOP.admin), 'cash.current', {});
    ({ admin, cashier } = await shopWithCashier(request, SHOP));
    if (!before.session) opened = (await api<{ session: { id: string } }>(request, cashier, 'cash.current', {})).session.id;
    await saveProduct(KIBE);
    await saveProduct(ESFIHA);
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
    await context.addInitScript({ content: `sessionStorage.setItem('balcao.sessionToken', ${JSON.stringify(cashier)});` });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context?.close();
    if (opened) await api(request, cashier, 'cash.close', { sessionId: opened, counted: { cash: 10_000, debit: 0, credit: 0, voucher: 0, pix: 0 } });
    await request?.dispose();
  });

  test('a price changed while the counter was closed shows after a reload, fetched as a change, not the whole catalog', async () => {
    expect((await openCounter()).whole).toBe(true);
    await expect(await priceShown(KIBE.name)).toContainText('R$ 7,50');
    await expect.poll(async () => (await keptEntry(page))?.store ?? null).not.toBeNull();

    await page.goto('about:blank');
    await saveProduct(KIBE, { price: 820 });
    expect(await openCounter()).toEqual({ whole: false, products: 1 });
    await expect(await priceShown(KIBE.name)).toContainText('R$ 8,20');
    await expect(await priceShown(KIBE.name)).not.toContainText('R$ 7,50');
  });

  test('open, the counter follows a price change and a product switched off, and keeps them for the next load', async () => {
    await expect(await priceShown(ESFIHA.name)).toContainText('R$ 6,50');
    await saveProduct(ESFIHA, { price: 700 });
    await expect(page.getByTestId('search-result').filter({ hasText: ESFIHA.name })).toContainText('R$ 7,00');
    await saveProduct(KIBE, { price: 820, active: false });
    await page.getByTestId('counter-search').fill('');
    await expect(await priceShown('Kibe guardado')).toHaveCount(0);
    await expect.poll(async () => (await keptEntry(page))?.changes).toBeGreaterThanOrEqual(1);

    expect((await openCounter()).whole).toBe(false);
    await expect(await priceShown(ESFIHA.name)).toContainText('R$ 7,00');
    await expect(await priceShown('Kibe guardado')).toHaveCount(0);
    await saveProduct(KIBE, { price: 820, active: true });
  });

  for (const [what, edit] of [
    ['damaged', "entry = { ...entry, whole: { ...entry.whole, products: { ...entry.whole.products, price: [] } } };"],
    ['from another build of the app', "entry = { ...entry, build: '/assets/index-antigo.js' };"],
    ['not a catalog at all', "entry = 'lixo';"],
  ] as const) {
    test(`a kept catalog ${what} is thrown away and the whole catalog fetched`, async () => {
      await openCounter();
      await keptEntry(page, edit);
      expect((await openCounter()).whole).toBe(true);
      await expect(await priceShown(ESFIHA.name)).toContainText('R$ 7,00');
      await expect(await priceShown(KIBE.name)).toContainText('R$ 8,20');
      // What was kept again is this shop's good catalog: the next load asks for changes only.
      await expect.poll(async () => (await openCounter()).whole).toBe(false);
    });
  }

  test("another shop's catalog kept in the same browser is never shown here, and stays its own", async () => {
    await openCounter();
    const ours = (await keptEntry(page))!.store;
    const other = `${uuidv7()}/${uuidv7()}`;
    // The other shop's entry holds our product's id at another price, and its own product.
    await keptEntry(
      page,
      `const theirs = structuredClone(entry);
      theirs.store = '${other}';
      theirs.whole.store = '${other}';
      theirs.changes = [];
      theirs.whole.products.name = theirs.whole.products.name.map((name) => name === '${ESFIHA.name}' ? 'Produto da outra loja' : name);
      theirs.whole.products.price = theirs.whole.products.price.map(() => 1);
      entries.put(theirs, '${other}');
      localStorage.setItem('balcao.catalogStore', '${other}');`,
    );
    const load = await openCounter();
    expect(load.whole).toBe(true);
    await expect(await priceShown(ESFIHA.name)).toContainText('R$ 7,00');
    await expect(await priceShown('Produto da outra loja')).toHaveCount(0);
    await expect.poll(() => page.evaluate("localStorage.getItem('balcao.catalogStore')")).toBe(ours);
    const kept = (await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('balcao-catalog', 1);
      open.onsuccess = () => { const all = open.result.transaction('catalogs').objectStore('catalogs').getAllKeys(); all.onsuccess = () => resolve(all.result); };
    })`)) as string[];
    expect(kept.sort()).toEqual([ours, other].sort());
  });

  test('a browser whose IndexedDB fails still opens the counter, from the core', async ({ browser }) => {
    const failing = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR' });
    await failing.addInitScript({
      content: `sessionStorage.setItem('balcao.sessionToken', ${JSON.stringify(cashier)});
        localStorage.setItem('balcao.catalogStore', 'qualquer');
        Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('bloqueado', 'UnknownError'); } } });`,
    });
    const other = await failing.newPage();
    try {
      await other.goto('/#/caixa');
      await expect(other.getByTestId('counter-ready')).toBeVisible();
      await other.getByTestId('counter-search').fill(ESFIHA.name);
      await expect(other.getByTestId('search-result').filter({ hasText: ESFIHA.name })).toContainText('R$ 7,00');
    } finally {
      await failing.close();
    }
  });
});
