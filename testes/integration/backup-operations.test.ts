import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupWorker, backupBeforeUpdate } from '../../src/database/backup-worker.js';
import { backupsFolder, listBackups } from '../../src/database/backups.js';
import { MemoryLogger } from '../../src/logs/memory-logger.js';
import { EventHub, type LiveEvent } from '../../src/services/event-hub.js';
import { newId } from '../../src/utils/ids.js';
import { cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
const tokens: Record<'manager' | 'cashier', string> = { manager: '', cashier: '' };
const folders: string[] = [];
afterEach(() => {
  t?.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function shop() {
  t = await initializedApp({ app: { backups: { autoStart: false } } });
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '135790' }, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  tokens.manager = (await t.ok('auth.login', { name: 'Gil Gerente', pin: '135790' })).token;
  tokens.cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
}

const sell = () => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, tokens.cashier);
const exportFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'balcao-pendrive-'));
  folders.push(folder);
  return folder;
};
const nextEvent = (type: LiveEvent['type']) =>
  new Promise<LiveEvent>((resolve) => {
    const stop = t.app.events.subscribe((event) => {
      if (event.type !== type) return;
      stop();
      resolve(event);
    });
  });

describe('backups.*: the admin screen\'s operations', () => {
  it('only the admin lists, makes, exports or downloads backups: a manager or a cashier is refused', async () => {
    await shop();
    const { file } = await t.ok('backups.create', {}, t.adminToken);
    const calls = [
      ['backups.list', {}],
      ['backups.create', {}],
      ['backups.export', { file, folder: exportFolder() }],
      ['backups.download', { file, offset: 0 }],
    ] as const;
    for (const role of ['manager', 'cashier'] as const) {
      for (const [operation, input] of calls) expect(await t.fails(operation, input, tokens[role])).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(listBackups(t.dir)).toHaveLength(1);
    expect(readdirSync(folders[0]!)).toEqual([]);
  });

  it('a backup is named by its file name from the list, never by a path', async () => {
    await shop();
    const folder = exportFolder();
    for (const file of ['../x', '../balcao.sqlite3', 'balcao-20261129-150000-manual.db/../../balcao.sqlite3', 'C:\\balcao-20261129-150000-manual.db', '/etc/passwd']) {
      expect(await t.fails('backups.export', { file, folder }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'file' });
      expect(await t.fails('backups.download', { file, offset: 0 }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    }
    // The right shape, but not in the list.
    expect(await t.fails('backups.export', { file: 'balcao-20200101-000000-manual.db', folder }, t.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'file' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('the admin makes one now, sees it listed with its size, exports it to a folder and downloads it: both copies open with the shop\'s orders', async () => {
    await shop();
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, tokens.cashier);
    const sold = [await sell(), await sell()];
    const made = await t.ok('backups.create', {}, t.adminToken);
    expect(made).toMatchObject({ file: 'balcao-20261129-150000-manual.db', reason: 'manual' });
    const list = await t.ok('backups.list', {}, t.adminToken);
    expect(list).toMatchObject({ backups: [made], folder: backupsFolder(t.dir), running: null, lastFailure: null });
    expect(made.bytes).toBeGreaterThan(0);

    const folder = exportFolder();
    const exported = await t.ok('backups.export', { file: made.file, folder }, t.adminToken);
    expect(exported).toEqual({ path: join(folder, made.file), bytes: made.bytes });
    expect(readdirSync(folder)).toEqual([made.file]);
    const onStick = new Database(exported.path, { readonly: true });
    expect(onStick.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(onStick.prepare('SELECT id FROM orders').pluck().all()).toEqual(expect.arrayContaining(sold.map((o) => o.id)));
    onStick.close();

    const pieces: Buffer[] = [];
    for (let offset = 0, done = false; !done; ) {
      const piece = await t.ok('backups.download', { file: made.file, offset }, t.adminToken);
      expect(piece.bytes).toBe(made.bytes);
      pieces.push(Buffer.from(piece.data, 'base64'));
      offset += pieces.at(-1)!.length;
      done = piece.done;
    }
    expect(Buffer.concat(pieces).equals(readFileSync(join(backupsFolder(t.dir), made.file)))).toBe(true);

    const audit = await t.ok('audit.list', { action: 'backups.export' }, t.adminToken);
    expect(audit.rows[0]).toMatchObject({ recordId: made.file, details: { path: exported.path } });
  });

  it('a second "Fazer backup agora" while one runs is refused in words; the first still lands', async () => {
    await shop();
    const first = t.call('backups.create', {}, t.adminToken);
    const second = await t.fails('backups.create', {}, t.adminToken);
    expect(second).toMatchObject({ code: 'INVALID_STATE', message: 'Já há um backup em andamento. Aguarde ele terminar e tente de novo.' });
    expect(await first).toMatchObject({ ok: true });
    expect(listBackups(t.dir)).toHaveLength(1);
  });

  it('export to a folder that does not exist, or a relative one, says so on the folder field', async () => {
    await shop();
    const { file } = await t.ok('backups.create', {}, t.adminToken);
    expect(await t.fails('backups.export', { file, folder: join(tmpdir(), 'nao-existe-balcao') }, t.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'folder' });
    expect(await t.fails('backups.export', { file, folder: 'pendrive' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'folder' });
    expect(await t.fails('backups.export', { file, folder: backupsFolder(t.dir) }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'folder' });
  });
});

describe('backups that just happen', () => {
  it('closing the caixa takes a copy after the close commits, with the day\'s sales in it', async () => {
    await shop();
    const session = await t.ok('cash.open', { id: newId(), openingFloat: 0 }, tokens.cashier);
    const last = await sell();
    const listed = nextEvent('backups.changed');
    await t.ok('cash.close', { sessionId: session.id, counted: { cash: 600, credit: 0, debit: 0, pix: 0, voucher: 0 } }, tokens.cashier);
    expect((await listed).data).toMatchObject({ file: 'balcao-20261129-150000-close.db' });
    const copy = new Database(join(backupsFolder(t.dir), 'balcao-20261129-150000-close.db'), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM cash_closings WHERE session_id = ?').pluck().get(session.id)).toBe(1);
    expect(copy.prepare('SELECT count(*) FROM orders WHERE id = ?').pluck().get(last.id)).toBe(1);
    copy.close();
  });

  it('one daily copy per business day: at start when today has none, and again once the day turns', async () => {
    await shop();
    expect(await t.app.backups.dailyIfDue()).toMatchObject({ reason: 'daily' });
    t.clock.advanceMinutes(60 * 15); // 03:00 in São Paulo: still the same business day (it turns at 04:00)
    expect(await t.app.backups.dailyIfDue()).toBeNull();
    t.clock.advanceMinutes(60);
    expect(await t.app.backups.dailyIfDue()).toMatchObject({ file: 'balcao-20261130-070000-daily.db' });
    expect(listBackups(t.dir).map((b) => b.reason)).toEqual(['daily', 'daily']);
  });

  it("a copy already taken today (a caixa's close) is the day's copy: the daily check adds none, and a copy set aside before a restore does not count", async () => {
    await shop();
    await t.app.backups.run('close');
    expect(await t.app.backups.dailyIfDue()).toBeNull();
    expect(listBackups(t.dir).map((b) => b.reason)).toEqual(['close']);
    t.clock.advanceMinutes(60 * 16); // 04:00 in São Paulo: a new business day
    await t.app.backups.run('restore');
    expect(await t.app.backups.dailyIfDue()).toMatchObject({ reason: 'daily' });
    expect(await t.app.backups.dailyIfDue()).toBeNull();
  });

  it('a copy that fails is logged, published with its reason and remembered for the screen; nothing is listed', async () => {
    const dir = exportFolder();
    const db = new Database(join(dir, 'balcao.sqlite3'));
    db.close(); // SQLite cannot copy a closed connection: the copy fails on its first step
    const memory = new MemoryLogger();
    const events = new EventHub();
    const clock = new ManualClock();
    const worker = new BackupWorker({ db, dataDir: dir, clock, logger: memory.logger, events });
    const published: LiveEvent[] = [];
    events.subscribe((event) => published.push(event));
    await expect(worker.run('daily')).rejects.toThrow();
    expect(worker.lastFailure).toMatchObject({ reason: 'daily', at: clock.now(), message: expect.stringMatching(/not open/) });
    expect(published).toEqual([expect.objectContaining({ type: 'backups.changed', data: { file: null, error: worker.lastFailure!.message } })]);
    expect(memory.records.filter((r) => r.level === 'error').map((r) => r.message)).toEqual(['Falha no backup']);
    expect(listBackups(dir)).toEqual([]);
    expect(readdirSync(backupsFolder(dir))).toEqual([]);
  });

  it('the desktop updater gets a copy before an update', async () => {
    await shop();
    expect(await backupBeforeUpdate(t.app)).toMatchObject({ reason: 'update', file: 'balcao-20261129-150000-update.db' });
  });

  it('over a simulated year of daily copies, rotation keeps exactly 7 days, 4 weeks and 12 months, and the copy before a restore; each copy passed its check', async () => {
    await shop();
    const DAY = 86_400_000;
    t.clock.advance(Date.UTC(2026, 0, 1, 15, 0, 0) - t.clock.now()); // noon in São Paulo
    const made: string[] = [];
    for (let day = 0; day < 365; day++) {
      const entry = await t.app.backups.dailyIfDue();
      made.push(entry!.file);
      if (day === 40) await t.app.backups.run('restore');
      t.clock.advance(DAY);
    }
    expect(made.at(-1)).toBe('balcao-20261231-150000-daily.db');
    const daily = (mmdd: string) => `balcao-2026${mmdd}-150000-daily.db`;
    expect(listBackups(t.dir).map((b) => b.file).sort()).toEqual(
      [
        ...['0131', '0228', '0331', '0430', '0531', '0630', '0731', '0831', '0930', '1031', '1130'].map(daily),
        ...['1213', '1220'].map(daily),
        ...['1225', '1226', '1227', '1228', '1229', '1230', '1231'].map(daily),
        'balcao-20260210-150000-restore.db',
      ].sort(),
    );
    expect(readdirSync(backupsFolder(t.dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 120_000);
});
