import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../src/models/roles.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { SAVED_CONNECTION_FILE, environmentConnection, savedConnection, type Cipher, type ConnectionStore } from '../../src/sync/sync-connection.js';
import type { SyncConnection } from '../../src/sync/sync-worker.js';
import { freshDbName } from '../helpers/mongo-test-server.js';
import { mongoForThisFile } from '../helpers/sync-fixtures.js';
import { ADMIN, createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

const mongo = await mongoForThisFile('sync (operações)');

const PASSWORD = 'Pa55-w0rd-Da-Loja';
const atlasUri = (host = 'cluster0.ab1cd.mongodb.net') => `mongodb+srv://balcao_loja:${PASSWORD}@${host}/?retryWrites=true&w=majority`;

/** Stands in for Electron's safeStorage. */
const fakeKeyStore: Cipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')),
  decrypt: (sealed) => Buffer.from(sealed.toString('utf8').split('').reverse().join(''), 'base64').toString('utf8'),
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Shop = TestApp & { adminToken: string; opened: string[] };

const savedIn = (dir: string): ConnectionStore => savedConnection(join(dir, SAVED_CONNECTION_FILE), fakeKeyStore);

/**
 * A set-up shop whose connection is kept by `connections` (default: saved sealed in its data folder,
 * as the desktop does). The server it opens is the in-memory reference, or with `realServer` the
 * MongoDB store; the worker runs only when asked.
 */
async function shop(options: { connections?: (dir: string) => ConnectionStore; realServer?: boolean } = {}): Promise<Shop> {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-sync-ops-'));
  const server = new MemorySyncStore();
  const opened: string[] = [];
  const openStore = (connection: SyncConnection) => {
    opened.push(connection.database);
    return server;
  };
  const t = await initializedApp({
    dir,
    app: { sync: { connections: (options.connections ?? savedIn)(dir), autoStart: false, ...(options.realServer ? {} : { openStore }) } },
  });
  cleanups.push(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return Object.assign(t, { opened });
}

async function tokenFor(t: Shop, role: Role, pin: string): Promise<string> {
  const name = `Pessoa ${role}`;
  await t.ok('users.create', { name, role, pin }, t.adminToken);
  return (await t.ok('auth.login', { name, pin })).token;
}

/** A loopback port nobody listens on: a shop's server that is down. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const auditRows = (t: TestApp) => t.app.db.prepare('SELECT action, record_type, details FROM audit_log ORDER BY seq').all() as { action: string; record_type: string | null; details: string }[];

describe('sync.* operations', () => {
  it('every staff role sees the indicator; without a connection the terminal says it runs on its own', async () => {
    const t = await shop();
    const kitchen = await tokenFor(t, 'kitchen', '7391');
    const stockroom = await tokenFor(t, 'stockroom', '6284');
    for (const token of [t.adminToken, kitchen, stockroom]) {
      expect(await t.ok('sync.status', {}, token)).toMatchObject({ mode: 'local', phase: 'idle', lastError: null });
    }
    expect((await t.fails('sync.status', {}, null)).code).toBe('UNAUTHENTICATED');
    expect(await t.ok('sync.connection', {}, t.adminToken)).toEqual({ source: 'none', host: null, database: null, canChange: true });
  });

  it('"Sincronizar agora" runs a whole round for the counter and the managers, not for the kitchen', async () => {
    const t = await shop();
    await t.ok('sync.configure', { uri: atlasUri(), database: 'lanchonete' }, t.adminToken);
    await vi.waitFor(() => expect(t.app.sync.connected).toBe(true));
    const cashier = await tokenFor(t, 'cashier', '2580');
    const status = await t.ok('sync.now', {}, cashier);
    // The users just created went to the server in this round: nothing waits.
    expect(status).toMatchObject({ mode: 'online', waiting: 0, lastError: null, lastSuccessAt: t.clock.now() });
    const kitchen = await tokenFor(t, 'kitchen', '7391');
    expect((await t.fails('sync.now', {}, kitchen)).code).toBe('FORBIDDEN');
  });

  it('configure saves the connection sealed, connects at once, and audits the server and database only', async () => {
    const t = await shop();
    const view = await t.ok('sync.configure', { uri: atlasUri(), database: 'lanchonete' }, t.adminToken);
    expect(view).toEqual({ source: 'saved', host: 'cluster0.ab1cd.mongodb.net', database: 'lanchonete', canChange: true });
    await vi.waitFor(() => expect(t.opened).toEqual(['lanchonete']));
    expect(t.app.sync.status().mode).toBe('offline'); // connected, no round yet
    expect(readFileSync(join(t.dir, SAVED_CONNECTION_FILE), 'utf8')).not.toContain(PASSWORD);
    expect(await t.ok('sync.connection', {}, t.adminToken)).toEqual(view);
    const audited = auditRows(t).filter((row) => row.action === 'sync.configure');
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.details)).toEqual({ host: 'cluster0.ab1cd.mongodb.net', database: 'lanchonete' });

    // Restarted, the terminal reads its saved connection and syncs with it.
    t.app.close();
    const again = await createTestApp({ dir: t.dir, app: { sync: { connections: savedIn(t.dir), autoStart: false, openStore: () => new MemorySyncStore() } } });
    cleanups.push(() => again.close());
    expect(again.app.sync.connected).toBe(true);

    await again.ok('sync.configure', { clear: true }, (await again.ok('auth.login', ADMIN)).token);
    await vi.waitFor(() => expect(again.app.sync.connected).toBe(false));
    expect(again.app.sync.status().mode).toBe('local');
    expect(existsSync(join(t.dir, SAVED_CONNECTION_FILE))).toBe(false);
    expect(JSON.parse(auditRows(again).at(-1)!.details)).toEqual({ cleared: true });
  });

  it('refuses a bad address or database naming the field, and writes nothing', async () => {
    const t = await shop();
    const before = auditRows(t).length;
    for (const [input, field] of [
      [{ uri: 'https://cloud.mongodb.com/loja', database: 'loja' }, 'uri'],
      [{ uri: 'mongodb://127.0.0.1:99999/', database: 'loja' }, 'uri'],
      [{ uri: `mongodb://balcao:se@nha@host/`, database: 'loja' }, 'uri'],
      [{ uri: atlasUri(), database: 'minha loja' }, 'database'],
      [{ uri: atlasUri() }, 'database'],
    ] as const) {
      const error = await t.fails('sync.configure', input, t.adminToken);
      expect({ code: error.code, field: error.field }).toEqual({ code: 'VALIDATION', field });
      expect(error.message).toMatch(/endereço|banco/i);
      expect(error.message).not.toContain('se@nha');
    }
    expect((await t.fails('sync.test', { uri: 'mongodb://127.0.0.1:99999/', database: 'loja' }, t.adminToken)).field).toBe('uri');
    expect(auditRows(t)).toHaveLength(before);
    expect(existsSync(join(t.dir, SAVED_CONNECTION_FILE))).toBe(false);
    expect(t.opened).toEqual([]);
  });

  it('where the connection comes from .env it is shown, but changed only there', async () => {
    const t = await shop({ connections: () => environmentConnection({ BALCAO_SYNC_URI: atlasUri(), BALCAO_SYNC_DB: 'lanchonete' }) });
    expect(t.app.sync.connected).toBe(true);
    expect(await t.ok('sync.connection', {}, t.adminToken)).toEqual({ source: 'env', host: 'cluster0.ab1cd.mongodb.net', database: 'lanchonete', canChange: false });
    const refused = await t.fails('sync.configure', { uri: atlasUri('outro.mongodb.net'), database: 'outra' }, t.adminToken);
    expect(refused).toMatchObject({ code: 'INVALID_STATE', field: 'uri', message: expect.stringContaining('.env') });
    expect((await t.fails('sync.configure', { clear: true }, t.adminToken)).code).toBe('INVALID_STATE');
    expect(t.opened).toEqual(['lanchonete']);
  });

  it('the connection screens are the admin’s alone', async () => {
    const t = await shop();
    const manager = await tokenFor(t, 'manager', '735194');
    for (const [operation, input] of [
      ['sync.connection', {}],
      ['sync.test', { uri: atlasUri(), database: 'loja' }],
      ['sync.configure', { clear: true }],
      ['sync.joinCode', {}],
    ] as const) {
      expect((await t.fails(operation, input, manager)).code).toBe('FORBIDDEN');
    }
  });

  it('"Testar conexão" with the server down answers in pt-BR, without the address, and saves nothing', async () => {
    const t = await shop();
    const uri = `mongodb://balcao_loja:${PASSWORD}@127.0.0.1:${await closedPort()}/?directConnection=true`;
    const result = await t.ok('sync.test', { uri, database: 'lanchonete' }, t.adminToken);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Servidor da loja inacessível') });
    expect(result.message).not.toContain('127.0.0.1');
    expect(await t.ok('sync.connection', {}, t.adminToken)).toMatchObject({ source: 'none' });
    expect(t.opened).toEqual([]);
  });

  it.runIf(mongo)('"Testar conexão" against a real MongoDB-protocol server prepares the shop’s database and says it works', async () => {
    const database = freshDbName();
    cleanups.push(async () => {
      const client = new MongoClient(mongo!.uri);
      await client.db(database).dropDatabase();
      await client.close();
    });
    const t = await shop();
    const result = await t.ok('sync.test', { uri: mongo!.uri, database }, t.adminToken);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Conexão funcionando') });
    const client = new MongoClient(mongo!.uri);
    const indexes = await client.db(database).collection('changes').indexes();
    await client.close();
    expect(indexes.map((index) => index.name)).toContain('terminal_seq');
    expect(await t.ok('sync.connection', {}, t.adminToken)).toMatchObject({ source: 'none' });
  });

  it('the URI and its password never reach the log or the audit: configure, test, sync now', async () => {
    const port = await closedPort();
    const uri = `mongodb://balcao_loja:${PASSWORD}@127.0.0.1:${port}/?directConnection=true&serverSelectionTimeoutMS=200`;
    // The real MongoDB store this time, so a failing round logs what the driver said.
    const app = await shop({ realServer: true });
    await app.ok('sync.configure', { uri, database: 'lanchonete' }, app.adminToken);
    await vi.waitFor(() => expect(app.app.sync.connected).toBe(true));
    await app.ok('sync.test', { uri, database: 'lanchonete' }, app.adminToken);
    const status = await app.ok('sync.now', {}, app.adminToken);
    expect(status).toMatchObject({ mode: 'offline', lastError: expect.stringContaining('inacessível') });

    const logged = app.memory.text();
    expect(app.memory.records.some((r) => r.message === 'Sincronização falhou')).toBe(true);
    const audit = JSON.stringify(auditRows(app));
    expect(audit).toContain('sync.configure');
    for (const secret of [PASSWORD, 'balcao_loja', uri]) {
      expect(logged).not.toContain(secret);
      expect(audit).not.toContain(secret);
      expect(status.lastError).not.toContain(secret);
    }
  });

  it('an unexpected failure while saving logs the call’s input without the URI', async () => {
    const failing: ConnectionStore = {
      source: 'saved',
      read: () => null,
      write: () => {
        throw new Error('disco cheio');
      },
    };
    const t = await shop({ connections: () => failing });
    const uri = atlasUri();
    expect((await t.fails('sync.configure', { uri, database: 'lanchonete' }, t.adminToken)).code).toBe('INTERNAL');
    const record = t.memory.records.find((r) => r.message === 'Erro interno ao executar operação');
    expect(record?.fields).toMatchObject({ operation: 'sync.configure', input: { database: 'lanchonete' } });
    expect(t.memory.text()).not.toContain(PASSWORD);
    expect(auditRows(t).some((row) => row.action === 'sync.configure')).toBe(false);
  });
});
