import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { DatabaseTooNewError } from '../../src/database/migrations/index.js';
import { startupProblem } from '../../src/database/restore.js';
import { newId } from '../../src/utils/ids.js';
import { ADMIN, createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

const opened: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A shop with one backup taken before a product created after it; closed, its folder kept. */
async function shopWithBackup() {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-recovery-'));
  dirs.push(dir);
  const t = await initializedApp({ dir });
  const backup = await t.ok('backups.create', {}, t.adminToken);
  await t.ok('catalog.saveProduct', { id: newId(), name: 'Depois do backup', code: 'DB', price: 500 }, t.adminToken);
  t.close();
  return { dir, backup };
}

async function open(dir: string) {
  const t = await createTestApp({ dir });
  opened.push(t);
  return t;
}

function overwrite(path: string, at: number, length: number) {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  closeSync(fd);
}

const FROM_TABLET = '192.168.0.23';

describe('a damaged database at start', () => {
  it('whose first bytes were overwritten starts recovery mode: only recovery.* answers, on this computer only, and it restores the newest good backup', async () => {
    const { dir, backup } = await shopWithBackup();
    overwrite(join(dir, DATABASE_FILE), 0, 64);
    const t = await open(dir);
    expect(t.app.damaged).toMatch(/não é mais um banco SQLite/);

    const status = await t.ok('recovery.status', {});
    expect(status).toMatchObject({ damaged: true, backups: [{ file: backup.file, takenAt: backup.takenAt }] });
    expect((await t.fails('setup.status', {})).code).toBe('DATABASE_DAMAGED');
    expect((await t.fails('auth.login', ADMIN)).code).toBe('DATABASE_DAMAGED');
    expect((await t.app.dispatcher.dispatch('recovery.status', {}, null, FROM_TABLET)).ok).toBe(false);
    const fromTablet = await t.app.dispatcher.dispatch('recovery.restore', { file: backup.file }, null, FROM_TABLET);
    expect(fromTablet).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await t.ok('recovery.restore', { file: backup.file })).toMatchObject({ restarting: true, file: backup.file });
    await vi.waitFor(async () => expect((await t.call('setup.status', {})).ok).toBe(true), { timeout: 15_000, interval: 20 });
    expect(t.app.damaged).toBeNull();
    const { token } = await t.ok('auth.login', ADMIN);
    const products = t.app.db.prepare('SELECT name FROM products').pluck().all();
    expect(products).not.toContain('Depois do backup');
    // The damaged file is kept beside the database, never deleted; the restore is audited with no user.
    expect(readdirSync(dir).some((name) => name.startsWith(`${DATABASE_FILE}.danificado-`))).toBe(true);
    const audit = t.app.db.prepare("SELECT user_id, record_id FROM audit_log WHERE action = 'backups.restore'").all();
    expect(audit).toEqual([{ user_id: null, record_id: backup.file }]);
    expect((await t.ok('recovery.status', {}, token)).damaged).toBe(false);
    expect((await t.fails('recovery.restore', { file: backup.file })).code).toBe('INVALID_STATE');
  });

  it('whose schema page is damaged ("malformed") starts recovery mode too', async () => {
    const { dir } = await shopWithBackup();
    // Page 1 past the 100-byte header: the b-tree of sqlite_schema.
    overwrite(join(dir, DATABASE_FILE), 100, 3000);
    expect(startupProblem(join(dir, DATABASE_FILE))).toMatch(/SQLite não consegue ler/);
    const t = await open(dir);
    expect(t.app.damaged).not.toBeNull();
    expect((await t.fails('setup.status', {})).code).toBe('DATABASE_DAMAGED');
  });

  it('damaged only in pages further in opens, and the background quick_check sends it to recovery mode', async () => {
    const { dir } = await shopWithBackup();
    const file = join(dir, DATABASE_FILE);
    const probe = new Database(file);
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log'").pluck().get() as number;
    probe.close();
    overwrite(file, (root - 1) * pageSize, pageSize);
    expect(startupProblem(file)).toBeNull();
    const t = await open(dir);
    expect((await t.app.integrityChecked).length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(t.app.damaged).toMatch(/páginas danificadas/), { timeout: 10_000 });
    expect((await t.fails('setup.status', {})).code).toBe('DATABASE_DAMAGED');
    expect((await t.ok('recovery.status', {})).backups).toHaveLength(1);
  });

  it('a database from a newer version is still refused with its own message, untouched', async () => {
    const { dir } = await shopWithBackup();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    await expect(createTestApp({ dir })).rejects.toBeInstanceOf(DatabaseTooNewError);
  });

  it('a whole database reports no damage, and recovery.status lists nothing', async () => {
    const t = await initializedApp();
    opened.push(t);
    expect(await t.app.integrityChecked).toEqual([]);
    expect(await t.ok('recovery.status', {})).toMatchObject({ damaged: false, problem: null, backups: [] });
  });
});
