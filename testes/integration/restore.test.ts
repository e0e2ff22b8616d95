import Database from 'better-sqlite3';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupsFolder, listBackups, rotateBackups } from '../../src/database/backups.js';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { startBridge } from '../helpers/http.js';
import { ADMIN, initializedApp, type TestApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

/** A shop with a catalog and a cashier selling in an open caixa. */
async function shopSelling() {
  t = await initializedApp();
  const menu: Menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  const cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier);
  const sell = async (token = cashier) => (await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, token)).id;
  return { menu, cashier, sell };
}

/** The core answers again (RESTARTING while the restore runs). */
async function reopened(app: TestApp) {
  await vi.waitFor(async () => expect((await app.call('setup.status', {})).ok).toBe(true), { timeout: 15_000, interval: 20 });
}

const orderIds = (db: Database.Database) => new Set(db.prepare('SELECT id FROM orders').pluck().all() as string[]);

function readOnly(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** Overwrites bytes in the middle of a file, as a failing disk would. */
function damage(path: string, at: number, length = 4096) {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  closeSync(fd);
}

describe('backups.restore', () => {
  it('puts the backup in place after a copy of the database as it was, ends every session, and records who restored which copy in the restored database', async () => {
    const { sell, cashier } = await shopSelling();
    const before = await sell();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    const after = await sell();

    const answer = await t.ok('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
    expect(answer).toEqual({ restarting: true, file: backup.file, takenAt: backup.takenAt });
    await reopened(t);

    // The database is the backup's: the sale made after it is gone from here.
    const orders = orderIds(t.app.db);
    expect(orders.has(before)).toBe(true);
    expect(orders.has(after)).toBe(false);
    // Every session ended: the screens go to the login.
    expect((await t.fails('auth.session', {}, t.adminToken)).code).toBe('UNAUTHENTICATED');
    expect((await t.fails('auth.session', {}, cashier)).code).toBe('UNAUTHENTICATED');

    // The database as it was just before is kept, whole, with the later sale; rotation keeps it.
    const safety = listBackups(t.dir).filter((b) => b.reason === 'restore');
    expect(safety).toHaveLength(1);
    const copy = readOnly(join(backupsFolder(t.dir), safety[0]!.file));
    expect(orderIds(copy).has(after)).toBe(true);
    copy.close();
    rotateBackups(t.dir, t.clock.now() + 400 * 86_400_000, { daily: 0, weekly: 0, monthly: 0 });
    expect(listBackups(t.dir).map((b) => b.file)).toEqual([safety[0]!.file]);

    // The restore is in the restored database's audit, and its chain still verifies against the head kept beside it.
    const { token } = await t.ok('auth.login', ADMIN);
    const audit = t.app.db.prepare("SELECT user_name, record_id, details FROM audit_log WHERE action = 'backups.restore'").all() as { user_name: string; record_id: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_name: ADMIN.name, record_id: backup.file });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ safetyCopy: safety[0]!.file, takenAt: backup.takenAt });
    const verified = await t.ok('audit.verify', {}, token);
    expect(verified.ok).toBe(true);
    expect(verified.witnesses.find((w) => w.source === 'file')?.verdict).toBe('agrees');

    // The long reads run in a new worker, on the restored file: the report counts the sale before the backup only.
    const sales = await t.ok('reports.sales', { period: { preset: 'today' }, by: 'payment' }, token);
    expect(sales.totals.orders).toBe(1);

    // The cashier logs in again and sells on the restored database, in the caixa the backup had open.
    const again = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
    const next = await sell(again);
    expect(orderIds(t.app.db).has(next)).toBe(true);
  });

  it('refuses a name not in the list, and a path, touching nothing', async () => {
    const { sell } = await shopSelling();
    const sold = await sell();
    const missing = await t.fails('backups.restore', { file: 'balcao-20200101-000000-manual.db', pin: ADMIN.pin }, t.adminToken);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'file' });
    const path = await t.fails('backups.restore', { file: '../balcao.sqlite3', pin: ADMIN.pin }, t.adminToken);
    expect(path).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(orderIds(t.app.db).has(sold)).toBe(true);
    expect(listBackups(t.dir)).toEqual([]);
    expect((await t.call('auth.session', {}, t.adminToken)).ok).toBe(true);
  });

  it('refuses a damaged backup before anything is touched', async () => {
    const { sell } = await shopSelling();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    const sold = await sell();
    const path = join(backupsFolder(t.dir), backup.file);
    damage(path, Math.floor(statSync(path).size / 2));
    const refused = await t.fails('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
    expect(refused).toMatchObject({ code: 'INVALID_STATE', field: 'file' });
    expect(refused.message).toMatch(/danificado/);
    expect(orderIds(t.app.db).has(sold)).toBe(true);
    expect(listBackups(t.dir).filter((b) => b.reason === 'restore')).toEqual([]);
    expect((await t.call('auth.session', {}, t.adminToken)).ok).toBe(true);
  });

  it('refuses a backup written by a newer version', async () => {
    await shopSelling();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    const newer = new Database(join(backupsFolder(t.dir), backup.file));
    newer.pragma('user_version = 999');
    newer.close();
    const refused = await t.fails('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
    expect(refused).toMatchObject({ code: 'INVALID_STATE', field: 'file' });
    expect(refused.message).toMatch(/versão mais nova/);
  });

  it('is for the admin alone, who types their PIN again', async () => {
    const { cashier } = await shopSelling();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    expect((await t.fails('backups.restore', { file: backup.file, pin: '2580' }, cashier)).code).toBe('FORBIDDEN');
    const wrong = await t.fails('backups.restore', { file: backup.file, pin: '111999' }, t.adminToken);
    expect(wrong).toMatchObject({ code: 'AUTH_INVALID_PIN', field: 'pin' });
    expect(listBackups(t.dir).filter((b) => b.reason === 'restore')).toEqual([]);
    const denied = t.app.db.prepare("SELECT result FROM audit_log WHERE action IN ('access.denied', 'backups.restore') ORDER BY seq").pluck().all();
    expect(denied).toEqual(['denied', 'failed']);
    expect((await t.call('auth.session', {}, cashier)).ok).toBe(true);
  });

  it('answers RESTARTING to a second restore and to any call that arrives meanwhile, and nothing of them is written anywhere', async () => {
    const { menu, cashier } = await shopSelling();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    const [first, second] = await Promise.all([
      t.call('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken),
      t.call('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken),
    ]);
    const outcomes = [first, second].map((o) => (o.ok ? 'ok' : o.error.code)).sort();
    expect(outcomes).toEqual(['RESTARTING', 'ok']);

    const lateId = newId();
    const late = await t.fails('orders.create', { id: lateId, type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier);
    expect(late).toMatchObject({ code: 'RESTARTING', status: 503 });
    expect(late.message).toMatch(/restaurando um backup/);
    await reopened(t);

    expect(orderIds(t.app.db).has(lateId)).toBe(false);
    const [safety] = listBackups(t.dir).filter((b) => b.reason === 'restore');
    const copy = readOnly(join(backupsFolder(t.dir), safety!.file));
    expect(orderIds(copy).has(lateId)).toBe(false);
    copy.close();
    expect(listBackups(t.dir).filter((b) => b.reason === 'restore')).toHaveLength(1);
  });

  it('a restore that fails before the swap leaves the database as it was, opens it again and shows the failure', async () => {
    const { sell } = await shopSelling();
    const backup = await t.ok('backups.create', {}, t.adminToken);
    const sold = await sell();
    await t.ok('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
    // The chosen copy is gone by the time it is put in place (a stick pulled out, a disk failing).
    rmSync(join(backupsFolder(t.dir), backup.file));
    await reopened(t);
    expect(orderIds(t.app.db).has(sold)).toBe(true);
    expect(statSync(join(t.dir, DATABASE_FILE)).size).toBeGreaterThan(0);
    const { token } = await t.ok('auth.login', ADMIN);
    const listing = await t.ok('backups.list', {}, token);
    expect(listing.lastFailure).toMatchObject({ reason: 'restore' });
  });

  it('over HTTP: RESTARTING (503) meanwhile, the same bridge then reaches the reopened core, and recovery stays refused to other devices', async () => {
    const { menu, cashier } = await shopSelling();
    const bridge = await startBridge(t.app);
    try {
      const backup = await t.ok('backups.create', {}, t.adminToken);
      const restore = await bridge.post('backups.restore', { file: backup.file, pin: ADMIN.pin }, t.adminToken);
      expect(restore).toMatchObject({ status: 200, json: { restarting: true } });
      const meanwhile = await bridge.post('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier);
      expect(meanwhile).toMatchObject({ status: 503, json: { error: { code: 'RESTARTING' } } });
      await vi.waitFor(async () => expect((await bridge.post('setup.status', {})).status).toBe(200), { timeout: 15_000, interval: 20 });
      // The same bridge reaches the reopened core; the old token is gone.
      expect((await bridge.post('auth.session', {}, cashier)).status).toBe(401);
      expect((await bridge.post('auth.login', ADMIN)).status).toBe(200);
      // Recovery is for this computer only, even with the core whole.
      expect((await bridge.postFrom('127.0.0.2', 'recovery.status', {})).json.error.code).toBe('FORBIDDEN');
    } finally {
      await bridge.close();
    }
  });
});
