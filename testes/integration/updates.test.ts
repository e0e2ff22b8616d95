import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../src/database/backups.js';
import { readNotesSeen, sellingOnTerminal, writeNotesSeen } from '../../src/database/queries/updates.js';
import { ensureTerminalId } from '../../src/database/queries/meta.js';
import { appPackage } from '../../src/updates/release-notes.js';
import { updaterOptions, type UpdaterOptions } from '../../src/updates/update-rules.js';
import { Updater, type UpdateDriver, type UpdateDriverEvent } from '../../src/updates/updater.js';
import { newId } from '../../src/utils/ids.js';
import { card, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { initializedApp } from '../helpers/test-app.js';

/** electron-updater as the updater sees it: the test plays the feed and the download. */
class FakeDriver implements UpdateDriver {
  readonly currentVersion = '1.2.0';
  readonly configured: UpdaterOptions[] = [];
  checks = 0;
  installs = 0;
  /** What the feed does when asked; by default it has nothing new. */
  onCheck: () => void | Promise<void> = () => this.emit({ type: 'not-available' });
  private listener: ((event: UpdateDriverEvent) => void) | null = null;

  configure(options: UpdaterOptions): void {
    this.configured.push(options);
  }
  async check(): Promise<void> {
    this.checks += 1;
    await this.onCheck();
  }
  install(): void {
    this.installs += 1;
  }
  onEvent(listener: (event: UpdateDriverEvent) => void): void {
    this.listener = listener;
  }
  emit(event: UpdateDriverEvent): void {
    this.listener!(event);
  }
}

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => {
  vi.useRealTimers();
  t?.close();
});

async function desktop() {
  const driver = new FakeDriver();
  t = await initializedApp({ app: { updates: { driver, autoStart: false } } });
  return driver;
}

async function cashierWithCaixa() {
  const menu: Menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  const cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  const caixa = await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier);
  return { menu, cashier, caixaId: caixa.id };
}

/** The feed offers 1.3.0 and the download completes. */
function downloads(driver: FakeDriver) {
  driver.onCheck = () => {
    driver.emit({ type: 'available', version: '1.3.0' });
    driver.emit({ type: 'progress', percent: 57.8 });
    driver.emit({ type: 'downloaded', version: '1.3.0' });
  };
}

const closeCaixa = (caixaId: string, cashier: string) =>
  t.ok('cash.close', { sessionId: caixaId, counted: { cash: 0, debit: 1200, credit: 0, voucher: 0, pix: 0 } }, cashier);

describe('updates in browser mode', () => {
  it('says updates come with the installer, with the version running', async () => {
    t = await initializedApp();
    const status = await t.ok('updates.status', {}, t.adminToken);
    expect(status).toMatchObject({ version: appPackage().version, channel: 'latest', held: false, automatic: false, phase: 'idle' });
    expect(status.notice).toBe('Atualizações automáticas só no aplicativo instalado. Aqui, a versão muda ao instalar a nova.');
    expect(await t.ok('updates.check', {}, t.adminToken)).toEqual(status);
  });

  it('is for the admin and managers; the channel and the hold for the admin alone', async () => {
    t = await initializedApp();
    await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '739146' }, t.adminToken);
    await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    const manager = (await t.ok('auth.login', { name: 'Gil Gerente', pin: '739146' })).token;
    const cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
    await t.ok('updates.status', {}, manager);
    await t.ok('updates.check', {}, manager);
    for (const operation of ['updates.status', 'updates.check', 'updates.whatsNew']) {
      expect(await t.fails(operation, {}, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await t.fails('updates.configure', { held: true }, manager)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('updates.configure', () => {
  it('keeps the channel and the hold in the shop settings, audited and sent to the other terminals', async () => {
    const driver = await desktop();
    const status = await t.ok('updates.configure', { channel: 'beta', held: true }, t.adminToken);
    expect(status).toMatchObject({ channel: 'beta', held: true, automatic: true, version: '1.2.0' });
    expect(await t.ok('settings.get', {}, t.adminToken)).toMatchObject({ updateChannel: 'beta', updatesHeld: true });
    // Applied to the updater once committed.
    expect(driver.configured.at(-1)).toEqual(updaterOptions({ channel: 'beta', held: true }));

    const audit = t.app.db.prepare<[], { details: string }>("SELECT details FROM audit_log WHERE action = 'updates.configure'").all();
    expect(audit.map((row) => JSON.parse(row.details) as unknown)).toEqual([{ updateChannel: { from: 'latest', to: 'beta' }, updatesHeld: { from: false, to: true } }]);
    const changes = t.app.db.prepare<[], { entity_id: string }>("SELECT entity_id FROM change_log WHERE entity = 'setting' ORDER BY rowid").all();
    expect(changes.map((c) => c.entity_id)).toEqual(['updateChannel', 'updatesHeld']);

    // The same request again changes nothing and writes no second audit row.
    await t.ok('updates.configure', { channel: 'beta', held: true }, t.adminToken);
    expect(t.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'updates.configure'").get()).toEqual({ n: 1 });
  });

  it('refuses an unknown channel or an empty request, writing nothing', async () => {
    await desktop();
    expect(await t.fails('updates.configure', { channel: 'nightly' }, t.adminToken)).toMatchObject({
      code: 'VALIDATION',
      field: 'channel',
    });
    expect((await t.fails('updates.configure', { channel: 'nightly' }, t.adminToken)).message).toContain('Canal de atualização: latest (estável) ou beta (teste).');
    expect(await t.fails('updates.configure', {}, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'channel' });
    expect(await t.fails('updates.configure', { held: 'sim' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'held' });
    expect(await t.ok('settings.get', {}, t.adminToken)).toMatchObject({ updateChannel: 'latest', updatesHeld: false });
    expect(t.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'updates.configure'").get()).toEqual({ n: 0 });
  });
});

describe('the updater', () => {
  it('asks the feed on the chosen channel at every check', async () => {
    const driver = await desktop();
    await t.ok('updates.check', {}, t.adminToken);
    expect(driver.configured.at(-1)).toEqual(updaterOptions({ channel: 'latest', held: false }));
    await t.ok('updates.configure', { channel: 'beta' }, t.adminToken);
    const status = await t.ok('updates.check', {}, t.adminToken);
    expect(driver.configured.at(-1)).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
    expect(driver.checks).toBe(2);
    expect(status).toMatchObject({ phase: 'idle', availableVersion: null, lastCheckAt: t.clock.now(), error: null });
  });

  it('checks a few seconds after start and then every 4 hours', async () => {
    const driver = await desktop();
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const updater = new Updater({ backup: () => Promise.resolve(), driver, db: t.app.db, terminalId: 'x', events: t.app.events, clock: t.clock, logger: t.memory.logger });
    updater.start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(driver.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(driver.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(4 * 60 * 60 * 1000);
    expect(driver.checks).toBe(2);
    updater.stop();
    await vi.advanceTimersByTimeAsync(8 * 60 * 60 * 1000);
    expect(driver.checks).toBe(2);
  });

  it('with the caixa closed and no open order, installs as soon as the download ends, after a backup of the database', async () => {
    const driver = await desktop();
    downloads(driver);
    await t.ok('updates.check', {}, t.adminToken);
    await vi.waitFor(() => expect(driver.installs).toBe(1));
    const updateCopies = listBackups(t.dir).filter((backup) => backup.reason === 'update');
    expect(updateCopies).toHaveLength(1);
    const messages = t.memory.records.map((r) => r.message);
    expect(messages.indexOf('Instalando a atualização')).toBeGreaterThan(messages.indexOf('Backup feito'));
    expect(await t.ok('updates.status', {}, t.adminToken)).toMatchObject({ phase: 'ready', availableVersion: '1.3.0' });
  });

  it('installs nothing when the backup before the update fails, and says why', async () => {
    const driver = await desktop();
    // The backups folder cannot be created: a file stands where it should be.
    writeFileSync(join(t.dir, 'backups'), 'não é uma pasta');
    downloads(driver);
    await t.ok('updates.check', {}, t.adminToken);
    await vi.waitFor(async () => expect((await t.ok('updates.status', {}, t.adminToken)).phase).toBe('error'));
    expect(driver.installs).toBe(0);
    expect((await t.ok('updates.status', {}, t.adminToken)).error).toMatch(/backup antes da atualização falhou/);
  });

  it('waits while the caixa is open, and installs when it closes', async () => {
    const driver = await desktop();
    const { menu, cashier, caixaId } = await cashierWithCaixa();
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)], payments: [card('debit', 1200)] }, cashier);
    downloads(driver);
    await t.ok('updates.check', {}, t.adminToken);
    const waiting = await t.ok('updates.status', {}, t.adminToken);
    expect(waiting).toMatchObject({ phase: 'ready', availableVersion: '1.3.0', notice: 'Esperando o caixa deste terminal ser fechado.' });
    expect(driver.installs).toBe(0);

    await closeCaixa(caixaId, cashier);
    await vi.waitFor(() => expect(driver.installs).toBe(1));
  });

  it('counts the open orders of this terminal only, until each is paid or cancelled', async () => {
    await desktop();
    const { menu, cashier, caixaId } = await cashierWithCaixa();
    const terminalId = ensureTerminalId(t.app.db);
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.batata)] }, cashier);
    const givenUp = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.refri)] }, cashier);
    expect(sellingOnTerminal(t.app.db, terminalId)).toEqual({ caixaOpen: true, openOrders: 2 });
    expect(sellingOnTerminal(t.app.db, newId())).toEqual({ caixaOpen: false, openOrders: 0 });
    await t.ok('orders.pay', { orderId: comanda.id, payments: [card('debit', 1200)] }, cashier);
    await t.ok('orders.cancel', { orderId: givenUp.id, reason: 'cliente desistiu' }, cashier);
    expect(sellingOnTerminal(t.app.db, terminalId)).toEqual({ caixaOpen: true, openOrders: 0 });
    await t.ok('cash.close', { sessionId: caixaId, counted: { cash: 0, debit: 1200, credit: 0, voucher: 0, pix: 0 } }, cashier);
    expect(sellingOnTerminal(t.app.db, terminalId)).toEqual({ caixaOpen: false, openOrders: 0 });
  });

  it('a download failing half way leaves the error and the running version, installs nothing, and the next check starts again', async () => {
    const driver = await desktop();
    driver.onCheck = () => {
      driver.emit({ type: 'available', version: '1.3.0' });
      driver.emit({ type: 'progress', percent: 40 });
    };
    await t.ok('updates.check', {}, t.adminToken);
    expect(await t.ok('updates.status', {}, t.adminToken)).toMatchObject({ phase: 'downloading', progress: 40, availableVersion: '1.3.0' });
    // "Verificar agora" during the download does not start it over.
    await t.ok('updates.check', {}, t.adminToken);
    expect(driver.checks).toBe(1);

    driver.emit({ type: 'error', error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    const failed = await t.ok('updates.status', {}, t.adminToken);
    expect(failed).toMatchObject({ phase: 'error', progress: null, version: '1.2.0' });
    expect(failed.error).toBe('Sem conexão com o servidor de atualizações. O Balcão continua nesta versão e tenta de novo mais tarde.');
    expect(driver.installs).toBe(0);

    downloads(driver);
    await t.ok('updates.check', {}, t.adminToken);
    expect(driver.checks).toBe(2);
    await vi.waitFor(() => expect(driver.installs).toBe(1));
  });

  it('a check that cannot reach the feed ends in error, never stuck in "checking"', async () => {
    const driver = await desktop();
    driver.onCheck = () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.com'), { code: 'ENOTFOUND' }));
    const status = await t.ok('updates.check', {}, t.adminToken);
    expect(status).toMatchObject({ phase: 'error', error: 'Sem conexão com o servidor de atualizações. O Balcão continua nesta versão e tenta de novo mais tarde.' });
  });

  it('a check that ends with no answer from the feed goes back to idle', async () => {
    const driver = await desktop();
    driver.onCheck = () => undefined; // electron-updater skips a check (e.g. one already running) without any event
    expect(await t.ok('updates.check', {}, t.adminToken)).toMatchObject({ phase: 'idle', error: null });
    await t.ok('updates.check', {}, t.adminToken);
    expect(driver.checks).toBe(2);
  });

  it('while held, finds but neither downloads nor installs; released, it fetches and installs', async () => {
    const driver = await desktop();
    await t.ok('updates.configure', { held: true }, t.adminToken);
    driver.onCheck = () => driver.emit({ type: 'available', version: '1.3.0' });
    const held = await t.ok('updates.check', {}, t.adminToken);
    expect(held).toMatchObject({ phase: 'held', held: true, availableVersion: '1.3.0' });
    expect(driver.configured.at(-1)).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false });
    // A download finished before the hold is not installed either.
    driver.emit({ type: 'downloaded', version: '1.3.0' });
    expect(await t.ok('updates.status', {}, t.adminToken)).toMatchObject({ phase: 'ready', notice: 'Atualizações suspensas pelo administrador.' });
    expect(driver.installs).toBe(0);

    downloads(driver);
    await t.ok('updates.configure', { held: false }, t.adminToken);
    expect(driver.configured.at(-1)).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    await vi.waitFor(() => expect(driver.installs).toBe(1));
  });
});

describe('what changed (once per version on this terminal)', () => {
  it('a new install records its version and shows nothing', async () => {
    t = await initializedApp();
    expect(await t.ok('updates.whatsNew', {}, t.adminToken)).toEqual({ version: appPackage().version, notes: [] });
    expect(readNotesSeen(t.app.db)).toBe(appPackage().version);
  });

  it('after an update shows the new notes until the dialog is closed, then never again', async () => {
    t = await initializedApp();
    const { version } = appPackage();
    writeNotesSeen(t.app.db, '0.0.1'); // the version this terminal ran before the update
    const first = await t.ok('updates.whatsNew', {}, t.adminToken);
    expect(first.version).toBe(version);
    expect(first.notes[0]).toMatchObject({ version });
    expect(first.notes[0]!.notes.length).toBeGreaterThan(0);
    // Not closed yet (the app was closed with the dialog open): shown again.
    expect((await t.ok('updates.whatsNew', {}, t.adminToken)).notes).toHaveLength(first.notes.length);

    expect(await t.ok('updates.notesSeen', { version }, t.adminToken)).toEqual({ version });
    expect(await t.ok('updates.whatsNew', {}, t.adminToken)).toEqual({ version, notes: [] });
    // Closing it twice (a double click) is the same.
    await t.ok('updates.notesSeen', { version }, t.adminToken);
  });

  it('refuses to mark the notes of another version as seen', async () => {
    t = await initializedApp();
    writeNotesSeen(t.app.db, '0.0.1');
    expect(await t.fails('updates.notesSeen', { version: '9.9.9' }, t.adminToken)).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(await t.fails('updates.notesSeen', { version: 'nova' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'version' });
    expect(readNotesSeen(t.app.db)).toBe('0.0.1');
  });
});
