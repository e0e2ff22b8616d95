import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsFolder, BackupCheckError, listBackups, makeBackup, sealBackup } from '../../src/database/backups.js';
import { openDatabase } from '../../src/database/connection.js';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { MIGRATIONS, runMigrations } from '../../src/database/migrations/index.js';
import { newId } from '../../src/utils/ids.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
afterEach(() => t?.close());

async function shopSelling() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
}

const sell = () => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);

const orderIds = (db: Database.Database) => db.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as string[];

/** Opens a copy the way an admin would check it: read-only, integrity_check, its orders. */
function readCopy(path: string) {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return { integrity: copy.pragma('integrity_check', { simple: true }), journal: copy.pragma('journal_mode', { simple: true }), orders: orderIds(copy) };
  } finally {
    copy.close();
  }
}

describe('backups: the online copy', () => {
  it('a sale made while a big-ish database is being copied succeeds; the copy passes integrity_check and holds every order', async () => {
    await shopSelling();
    for (let i = 0; i < 20; i++) await sell();
    // About 24 MB, so the copy takes a few hundred steps.
    t.app.db.exec('CREATE TABLE filler (b BLOB)');
    t.app.db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler SELECT randomblob(8000) FROM n').run();
    const before = orderIds(t.app.db);

    const progress: { done: number; total: number }[] = [];
    let copying!: () => void;
    const started = new Promise<void>((resolve) => (copying = resolve));
    const backup = makeBackup(t.app.db, t.dir, 'manual', t.clock.now(), {
      onProgress: (done, total) => {
        progress.push({ done, total });
        copying();
      },
    });
    await started;
    const during = await sell();
    const atSale = progress.at(-1)!;
    expect(atSale.done).toBeLessThan(atSale.total); // the sale did not wait for the copy to end
    const entry = await backup;

    expect(entry).toMatchObject({ file: 'balcao-20261129-150000-manual.db', reason: 'manual', takenAt: t.clock.now() });
    const copy = readCopy(join(backupsFolder(t.dir), entry.file));
    expect(copy.integrity).toBe('ok');
    expect(copy.journal).toBe('delete'); // one file, opens from a read-only USB stick
    expect(copy.orders).toEqual(expect.arrayContaining(before));
    // Written through the same connection, the sale made meanwhile is carried into the copy too.
    expect(copy.orders).toContain(during.id);
    expect(entry.bytes).toBe(statSync(join(backupsFolder(t.dir), entry.file)).size);
    expect(entry.bytes).toBeGreaterThan(20_000_000);
    expect(readdirSync(backupsFolder(t.dir))).toEqual([entry.file]);
  });

  it.skipIf(process.platform === 'win32')('the folder is 0700 and every copy 0600: readable only by the user', async () => {
    t = await initializedApp();
    const entry = await makeBackup(t.app.db, t.dir, 'daily', t.clock.now());
    expect(statSync(backupsFolder(t.dir)).mode & 0o777).toBe(0o700);
    expect(statSync(join(backupsFolder(t.dir), entry.file)).mode & 0o777).toBe(0o600);
  });
  if (process.platform === 'win32') console.log('Permissões 0600/0700 não conferidas no Windows: lá quem protege a pasta é a ACL do perfil do usuário.');

  it('two copies of one reason in the same second get the next second, so neither overwrites the other', async () => {
    t = await initializedApp();
    const first = await makeBackup(t.app.db, t.dir, 'manual', t.clock.now());
    const second = await makeBackup(t.app.db, t.dir, 'manual', t.clock.now());
    expect([first.file, second.file]).toEqual(['balcao-20261129-150000-manual.db', 'balcao-20261129-150001-manual.db']);
    expect(listBackups(t.dir).map((b) => b.file)).toEqual([second.file, first.file]);
  });

  it('a copy that fails its check is deleted and never listed; stray partial files are never listed', async () => {
    t = await initializedApp();
    const folder = backupsFolder(t.dir);
    mkdirSync(folder, { recursive: true });
    // A whole copy whose pages were then damaged: integrity_check finds it.
    const partial = join(folder, 'balcao-20261129-150000-daily.db.partial');
    t.app.db.prepare('VACUUM INTO ?').run(partial);
    const contents = readFileSync(partial);
    contents.fill(0x5a, 4096 * 2, 4096 * 5); // pages 3 to 5: garbage
    writeFileSync(partial, contents);
    await expect(sealBackup(partial)).rejects.toBeInstanceOf(BackupCheckError);
    expect(readdirSync(folder)).toEqual([]);

    writeFileSync(join(folder, 'balcao-20261129-160000-manual.db.partial'), 'not a database');
    expect(listBackups(t.dir)).toEqual([]);
    await expect(sealBackup(join(folder, 'balcao-20261129-160000-manual.db.partial'))).rejects.toThrow(/integridade/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('backups: before a migration', () => {
  it('an older database gets a migration copy, as it was, before its schema changes; an up-to-date one gets none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-migration-'));
    try {
      const file = join(dir, DATABASE_FILE);
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      runMigrations(old, MIGRATIONS.filter((m) => m.version <= 13));
      old.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'antes da atualização')").run();
      old.close();

      const clock = new ManualClock(Date.UTC(2026, 11, 1, 9, 30, 0));
      openDatabase(file, { clock }).close();
      const [copy, ...others] = listBackups(dir);
      expect(others).toEqual([]);
      expect(copy).toMatchObject({ file: 'balcao-20261201-093000-migration.db', reason: 'migration' });
      const saved = new Database(join(backupsFolder(dir), copy!.file), { readonly: true });
      expect(saved.pragma('user_version', { simple: true })).toBe(13);
      expect(saved.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(saved.prepare("SELECT value FROM meta WHERE key = 'marker'").pluck().get()).toBe('antes da atualização');
      saved.close();

      clock.advanceMinutes(5);
      openDatabase(file, { clock }).close();
      expect(listBackups(dir)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
