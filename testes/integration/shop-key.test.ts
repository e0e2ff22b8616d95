import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/database/connection.js';
import { memorySecretStore, PLAIN_SECRETS_FILE } from '../../src/database/secret-store.js';
import { BusinessError } from '../../src/exceptions/business-error.js';
import { makeJoinCode, readJoinCode } from '../../src/sync/join-code.js';
import { ensureShopKey, installShopKey, readShopKey } from '../../src/sync/shop-key.js';
import { ADMIN, createTestApp, SHOP, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  t?.close();
});

const freshDb = (name: string) => {
  const db = openDatabase(`${t.dir}/${name}`, { secrets: memorySecretStore() });
  opened.push(db);
  return db;
};

/** Every form the key could be written in. */
const spellings = (key: Buffer) => [key.toString('base64url'), key.toString('base64'), key.toString('hex')];

/** Everything a terminal shows or keeps outside its secret store: every table, the logs. */
function everythingButSecrets(t: TestApp): string {
  const tables = t.app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return [...tables.map((table) => JSON.stringify(t.app.db.prepare(`SELECT * FROM ${table}`).all())), t.memory.text()].join('\n');
}

describe('the shop key', () => {
  it('is made when the shop is set up: 32 random bytes, kept only in the secret store', async () => {
    t = await createTestApp();
    expect(readShopKey(t.app.db)).toBeUndefined();
    const output = await t.ok('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin });
    const key = readShopKey(t.app.db)!;
    expect(key).toHaveLength(32);
    // Never in an operation's output, the change log, the audit, the logs or any table.
    const seen = `${JSON.stringify(output)}\n${everythingButSecrets(t)}`;
    for (const spelling of spellings(key)) expect(seen).not.toContain(spelling);
    // The same key from then on.
    expect(ensureShopKey(t.app.db).equals(key)).toBe(true);
  });

  it('each shop gets its own', async () => {
    t = await createTestApp();
    const [one, two] = [freshDb('one.db'), freshDb('two.db')];
    expect(ensureShopKey(one).equals(ensureShopKey(two))).toBe(false);
  });

  it('a fresh terminal takes the key of the join code; the same key again is fine, another one is refused', async () => {
    t = await createTestApp();
    const db = freshDb('joining.db');
    const key = randomBytes(32);
    installShopKey(db, key);
    installShopKey(db, Buffer.from(key));
    expect(readShopKey(db)!.equals(key)).toBe(true);
    let refused: unknown;
    try {
      installShopKey(db, randomBytes(32));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(BusinessError);
    expect((refused as BusinessError).toBody()).toMatchObject({ code: 'CONFLICT', field: 'joinCode', message: expect.stringMatching(/outra loja/) });
    expect(readShopKey(db)!.equals(key)).toBe(true);
  });

  it('the join code of a set-up shop carries its id and key to a fresh terminal', async () => {
    t = await createTestApp();
    const { shopId } = await t.ok('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin });
    const joined = readJoinCode(makeJoinCode(t.app.db));
    expect(joined.shopId).toBe(shopId);
    const fresh = freshDb('fresh.db');
    installShopKey(fresh, joined.shopKey);
    expect(readShopKey(fresh)!.equals(readShopKey(t.app.db)!)).toBe(true);
  });

  it('a terminal with no shop set up has no join code to show', async () => {
    t = await createTestApp();
    expect(() => makeJoinCode(t.app.db)).toThrow(BusinessError);
    expect(readShopKey(t.app.db)).toBeUndefined();
  });
});

describe('the shop key outside the database', () => {
  it('a database brought to a computer without its secrets never gets a new key: it says how to get the shop\'s back', async () => {
    t = await createTestApp();
    await t.ok('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin });
    const key = readShopKey(t.app.db)!;
    // The same database file on another computer (a backup restored there): its secret store is empty.
    const moved = openDatabase(`${t.dir}/balcao.sqlite3`, { secrets: memorySecretStore() });
    opened.push(moved);
    expect(readShopKey(moved)).toBeUndefined();
    let refused: unknown;
    try {
      ensureShopKey(moved);
    } catch (error) {
      refused = error;
    }
    expect((refused as BusinessError).toBody()).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/código de conexão/) });
    expect(readShopKey(moved)).toBeUndefined();
    // Another shop's key is refused; the shop's own (from a join code) is taken back.
    expect(() => installShopKey(moved, randomBytes(32))).toThrow(/outra loja/);
    installShopKey(moved, key);
    expect(ensureShopKey(moved).equals(key)).toBe(true);
  });
});

describe('a database restored on a new computer', () => {
  it('gets the shop key back from the join code of another of the shop\'s terminals; another shop\'s code is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-moved-'));
    try {
      t = await createTestApp({ dir });
      await t.ok('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin });
      const key = readShopKey(t.app.db)!;
      const code = makeJoinCode(t.app.db); // as another terminal of the shop shows it
      t.close();
      rmSync(join(dir, PLAIN_SECRETS_FILE)); // the secrets stayed with the old computer
      t = await createTestApp({ dir });
      const { token } = await t.ok('auth.login', ADMIN);
      expect(await t.fails('sync.joinCode', {}, token)).toMatchObject({ code: 'INVALID_STATE', field: 'joinCode', message: expect.stringMatching(/Chave da loja/) });

      const other = await createTestApp();
      const { shopId: otherShop } = await other.ok('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin });
      const otherCode = makeJoinCode(other.app.db);
      other.close();
      expect(otherShop).not.toBe(readJoinCode(code).shopId);
      expect(await t.fails('sync.restoreShopKey', { joinCode: otherCode }, token)).toMatchObject({ code: 'CONFLICT', field: 'joinCode' });

      expect(await t.ok('sync.restoreShopKey', { joinCode: code.toLowerCase() }, token)).toEqual({ restored: true });
      expect(readShopKey(t.app.db)!.equals(key)).toBe(true);
      expect((await t.ok('sync.joinCode', {}, token)).code).toBe(code);
    } finally {
      t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
