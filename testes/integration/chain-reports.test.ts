import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { insertChainShop } from '../../src/database/queries/chain.js';
import { PLAIN_SECRETS_FILE, secretsOf } from '../../src/database/secret-store.js';
import { chainSecretName, THIS_SHOP } from '../../src/services/reports/chain/chain-link.js';
import { ChainShopReader } from '../../src/sync/chain-reader.js';
import { connectionHosts } from '../../src/sync/sync-connection.js';
import { MongoSyncStore } from '../../src/sync/mongo-sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { freshDbName } from '../helpers/mongo-test-server.js';
import { mongoForThisFile } from '../helpers/sync-fixtures.js';
import { initializedApp } from '../helpers/test-app.js';

const mongo = await mongoForThisFile('rede de lojas');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Shop = Awaited<ReturnType<typeof shop>>;

/** A shop ("Lanchonete Teste") with one terminal; with a database on the test server, it syncs and publishes there. */
async function shop(dbName: string | null) {
  const sync = dbName ? { connection: { uri: mongo!.uri, database: dbName }, openStore: () => new MongoSyncStore({ uri: mongo!.uri, dbName }), autoStart: false } : undefined;
  const t = await initializedApp({ app: { sync } });
  cleanups.push(() => t.close());
  const menu = await seedCatalog(t, t.adminToken);
  await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
  if (dbName) {
    const raw = new MongoClient(mongo!.uri);
    cleanups.push(async () => {
      await raw.db(dbName).dropDatabase();
      await raw.close();
    });
  }
  return Object.assign(t, { menu, dbName });
}

/** `count` sales of a can and a pão de queijo, one of them with R$ 1,00 off, paid in cash; then a void. */
async function sells(s: Shop, count: number) {
  for (let i = 0; i < count; i++) {
    await s.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(s.menu.p.refri), line(s.menu.p.pao)], ...(i === 0 ? { discount: { kind: 'amount', value: 100 } } : {}), payments: [cash(2000)] }, s.adminToken);
  }
  await s.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(s.menu.p.batata)], payments: [card('pix', 1200)] }, s.adminToken);
  const mistake = await s.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(s.menu.p.suco)], payments: [card('debit', 900)] }, s.adminToken);
  await s.ok('orders.void', { orderId: mistake.id, reason: 'engano' }, s.adminToken);
  if (s.dbName) expect((await s.app.sync.syncNow()).lastError).toBeNull();
}

const TODAY = { preset: 'today' as const };

/** Every document of every collection of a database, to tell whether anything was written to it. */
async function snapshot(dbName: string) {
  const raw = new MongoClient(mongo!.uri);
  try {
    const db = raw.db(dbName);
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    const out: Record<string, unknown> = {};
    for (const name of names) out[name] = { docs: await db.collection(name).find({}).sort({ _id: 1 }).toArray(), indexes: await db.collection(name).indexes() };
    return out;
  } finally {
    await raw.close();
  }
}

describe('a chain of shops: adding one', () => {
  it('a connection string that is not one is refused in pt-BR naming the field, and nothing is written', async () => {
    const hq = await shop(null);
    const bad = await hq.fails('reports.chainAdd', { id: newId(), name: 'Praia', uri: 'http://praia.example.com', database: 'praia' }, hq.adminToken);
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'uri', message: expect.stringContaining('mongodb://') });
    const unparsable = await hq.fails('reports.chainAdd', { id: newId(), name: 'Praia', uri: 'mongodb://leitura:s3nh4@praia:porta/', database: 'praia' }, hq.adminToken);
    expect(unparsable).toMatchObject({ code: 'VALIDATION', field: 'uri', message: expect.stringMatching(/^Endereço de conexão inválido/) });
    const noName = await hq.fails('reports.chainAdd', { id: newId(), name: ' ', uri: 'mongodb://127.0.0.1:9/', database: 'praia' }, hq.adminToken);
    expect(noName).toMatchObject({ code: 'VALIDATION', field: 'name', message: 'Campo "name": Informe o nome da loja.' });
    const admin = await hq.fails('reports.chainAdd', { id: newId(), name: 'Praia', uri: 'mongodb://127.0.0.1:9/', database: 'admin' }, hq.adminToken);
    expect(admin).toMatchObject({ code: 'VALIDATION', field: 'database' });
    expect(await hq.ok('reports.chainShops', {}, hq.adminToken)).toEqual({ shops: [] });
    expect(existsSync(join(hq.dir, PLAIN_SECRETS_FILE)) ? readFileSync(join(hq.dir, PLAIN_SECRETS_FILE), 'utf8') : '').not.toContain('praia');
  });

  it('keeps the password in the secret store only: never in the database file, the audit or any answer', async () => {
    const hq = await shop(null);
    const id = newId();
    const input = { id, name: 'Praia', uri: 'mongodb://leitura:s3nh4-secreta@127.0.0.1:9/?authSource=admin', database: 'praia' };
    const added = await hq.ok('reports.chainAdd', input, hq.adminToken);
    expect(added).toEqual({ id, name: 'Praia', host: '127.0.0.1:9', database: 'praia', createdAt: hq.clock.now() });
    // A retry gets the same answer; the same id with other data is a conflict; another shop of the same name too.
    expect(await hq.ok('reports.chainAdd', input, hq.adminToken)).toEqual(added);
    expect(await hq.fails('reports.chainAdd', { ...input, database: 'outra' }, hq.adminToken)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(await hq.fails('reports.chainAdd', { ...input, id: newId(), name: 'praia' }, hq.adminToken)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const answers = JSON.stringify([added, await hq.ok('reports.chainShops', {}, hq.adminToken), await hq.ok('audit.list', {} as never, hq.adminToken)]);
    expect(answers).toContain('reports.chainAdd');
    expect(answers).not.toContain('s3nh4-secreta');
    hq.app.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      const path = join(hq.dir, file);
      if (existsSync(path)) expect(readFileSync(path).includes('s3nh4-secreta')).toBe(false);
    }
    expect(readFileSync(join(hq.dir, PLAIN_SECRETS_FILE), 'utf8')).toContain('s3nh4-secreta');

    expect(await hq.ok('reports.chainRemove', { id }, hq.adminToken)).toEqual({ removed: true });
    expect(readFileSync(join(hq.dir, PLAIN_SECRETS_FILE), 'utf8')).not.toContain('s3nh4-secreta');
    expect(await hq.ok('reports.chainShops', {}, hq.adminToken)).toEqual({ shops: [] });
    expect(await hq.fails('reports.chainRemove', { id }, hq.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('is for the owner alone', async () => {
    const hq = await shop(null);
    await hq.ok('users.create', { id: newId(), name: 'Gil Gerente', role: 'manager', pin: '731904' } as never, hq.adminToken);
    const { token } = await hq.ok('auth.login', { name: 'Gil Gerente', pin: '731904' });
    expect(await hq.fails('reports.chainShops', {}, token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await hq.fails('reports.chainSales', { period: { preset: 'today' } }, token)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe.skipIf(!mongo)('a chain of shops read from their databases', () => {
  it('shows each shop side by side and the sum; each shop equals its own report; a shop out of reach shows as such', async () => {
    const [hq, centro, praia] = [await shop(null), await shop(freshDbName()), await shop(freshDbName())];
    await sells(hq, 1);
    await sells(centro, 2);
    await sells(praia, 3);
    for (const [s, name] of [[centro, 'Centro'], [praia, 'Praia']] as const) {
      await hq.ok('reports.chainAdd', { id: newId(), name, uri: mongo!.uri, database: s.dbName! }, hq.adminToken);
    }
    const offline = await hq.ok('reports.chainAdd', { id: newId(), name: 'Fechada', uri: 'mongodb://127.0.0.1:9/', database: 'fechada' }, hq.adminToken);

    const report = await hq.ok('reports.chainSales', { period: TODAY }, hq.adminToken);
    // This shop first, then the others by name.
    expect(report.shops.map((s) => [s.name, s.reachable])).toEqual([['Lanchonete Teste', true], ['Centro', true], ['Fechada', false], ['Praia', true]]);
    const named = (name: string) => report.shops.find((s) => s.name === name)!;
    expect(named('Fechada')).toMatchObject({ id: offline.id, figures: null, error: expect.stringMatching(/^Loja fora do alcance/) });
    expect(report.unreachable).toBe(1);

    for (const [name, s] of [['Lanchonete Teste', hq], ['Centro', centro], ['Praia', praia]] as const) {
      const own = await s.ok('reports.sales', { period: TODAY, by: 'payment' }, s.adminToken);
      const voids = await s.ok('reports.voids', { period: TODAY }, s.adminToken);
      const byDay = await s.ok('reports.sales', { period: TODAY, by: 'day' }, s.adminToken);
      const figures = named(name).figures!;
      expect({ orders: figures.orders, net: figures.net, discounts: figures.discounts, gross: figures.gross }).toEqual({
        orders: byDay.totals.orders,
        net: byDay.totals.net,
        discounts: byDay.totals.discounts,
        gross: byDay.totals.gross,
      });
      expect(Object.fromEntries(figures.payments.map((p) => [p.method, p.amount]))).toEqual(Object.fromEntries(own.rows.map((r) => [r.key, r.net])));
      expect(figures.voided).toEqual({ orders: voids.totals.voided, total: voids.totals.voidedTotal });
      expect(figures.days).toEqual(byDay.rows.map((r) => ({ day: r.key, net: r.net })));
    }
    const shops = report.shops.flatMap((s) => (s.figures ? [s.figures] : []));
    expect(shops).toHaveLength(3);
    const add = (pick: (f: (typeof shops)[number]) => number) => shops.reduce((sum, f) => sum + pick(f), 0);
    expect(report.total).toMatchObject({ orders: add((f) => f.orders), gross: add((f) => f.gross), discounts: add((f) => f.discounts), net: add((f) => f.net) });
    // 1 + 2 + 3 sales of R$ 11,00, R$ 1,00 off in each shop, and a R$ 12,00 batata in each.
    expect(report.total.net).toBe((1 + 2 + 3) * 1100 - 3 * 100 + 3 * 1200);
    expect(report.total.voided).toEqual({ orders: 3, total: 3 * 900 });
    expect(report.total.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(report.total.net);
    expect(report.total.averageTicket).toBe(Math.round(report.total.net / report.total.orders));
  });

  it('this very shop is refused when added; one added before the terminal synced there is shown, never summed twice', async () => {
    const centro = await shop(freshDbName());
    await sells(centro, 2);
    const sameUpperCase = mongo!.uri.replace(/\/\/([^@/]*@)?([^/?]+)/, (_all, user: string | undefined, hosts: string) => `//${user ?? ''}${hosts.toUpperCase()}`);
    const refused = await centro.fails('reports.chainAdd', { id: newId(), name: 'Centro de novo', uri: sameUpperCase, database: centro.dbName! }, centro.adminToken);
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'uri', message: THIS_SHOP });
    expect(await centro.ok('reports.chainShops', {}, centro.adminToken)).toEqual({ shops: [] });

    // Kept from before the terminal's sync pointed at the same database.
    const id = newId();
    insertChainShop(centro.app.db, { id, name: 'Centro (antiga)', nameKey: 'centro (antiga)', host: connectionHosts(mongo!.uri), database: centro.dbName!, createdAt: Date.now() });
    secretsOf(centro.app.db).set(chainSecretName(id), mongo!.uri);
    const report = await centro.ok('reports.chainSales', { period: TODAY }, centro.adminToken);
    expect(report.shops.find((s) => s.id === id)).toMatchObject({ figures: null, error: THIS_SHOP });
    expect(report.total.net).toBe(report.shops[0]!.figures!.net);
    expect(report.total.orders).toBe(report.shops[0]!.figures!.orders);
    expect(report.unreachable).toBe(0);
  });

  it('"Testar" tells the terminals and the last day with sales, or why the shop cannot be read', async () => {
    const hq = await shop(null);
    const centro = await shop(freshDbName());
    await sells(centro, 1);
    const { id } = await hq.ok('reports.chainAdd', { id: newId(), name: 'Centro', uri: mongo!.uri, database: centro.dbName! }, hq.adminToken);
    const day = (await centro.ok('reports.sales', { period: TODAY, by: 'day' }, centro.adminToken)).rows[0]!.key;
    expect(await hq.ok('reports.chainTest', { id }, hq.adminToken)).toMatchObject({
      ok: true,
      terminals: 1,
      lastSaleDay: day,
      message: `Conectado: Centro, 1 terminal, último dia com vendas ${day.split('-').reverse().join('/')}.`,
    });
    const empty = await hq.ok('reports.chainAdd', { id: newId(), name: 'Nova', uri: mongo!.uri, database: freshDbName() }, hq.adminToken);
    expect(await hq.ok('reports.chainTest', { id: empty.id }, hq.adminToken)).toMatchObject({ ok: true, terminals: 0, lastSaleDay: null, message: 'Conectado: Nova, 0 terminais, nenhum dia com vendas publicado ainda.' });
  });

  it('never writes to another shop: every command sent is a read, and its database is left as it was', async () => {
    const hq = await shop(null);
    const centro = await shop(freshDbName());
    await sells(centro, 2);
    const before = await snapshot(centro.dbName!);
    const { id } = await hq.ok('reports.chainAdd', { id: newId(), name: 'Centro', uri: mongo!.uri, database: centro.dbName! }, hq.adminToken);
    await hq.ok('reports.chainTest', { id }, hq.adminToken);
    await hq.ok('reports.chainSales', { period: { preset: 'this_month' } }, hq.adminToken);
    expect(await snapshot(centro.dbName!)).toEqual(before);

    const commands: string[] = [];
    const reader = new ChainShopReader({ uri: mongo!.uri, dbName: centro.dbName!, onCommand: (name) => commands.push(name) });
    cleanups.push(() => reader.close());
    await reader.describe();
    const day = (await centro.ok('reports.sales', { period: TODAY, by: 'day' }, centro.adminToken)).rows[0]!.key;
    expect(await reader.summaries(day, day)).toHaveLength(1);
    const READS = new Set(['find', 'aggregate', 'getMore', 'listCollections', 'ping', 'hello', 'isMaster', 'killCursors', 'endSessions', 'count', 'distinct']);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((name) => !READS.has(name))).toEqual([]);
  });
});
