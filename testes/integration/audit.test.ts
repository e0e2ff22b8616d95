import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_HEAD_FILE } from '../../src/database/audit-head-file.js';
import { appendAudit, listAudit, readAuditHead } from '../../src/database/queries/audit.js';
import { shortAuditHash } from '../../src/hashing/audit-witness.js';
import { MemorySyncStore } from '../../src/sync/memory-sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { ADMIN, createTestApp, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

async function withHistory() {
  t = await initializedApp();
  for (const [name, pin] of [['Caio Caixa', '2580'], ['Bia Balcão', '8024'], ['Kátia Cozinha', '3690']] as const) {
    await t.ok('users.create', { name, role: 'cashier', pin }, t.adminToken);
  }
  await t.fails('auth.login', { name: 'Caio Caixa', pin: '1357' });
}

describe('audit log', () => {
  it('records who did what, and verifies the whole chain', async () => {
    await withHistory();
    const { rows } = await t.ok('audit.list', {}, t.adminToken);
    expect(rows.map((r) => r.action)).toEqual(['auth.login', 'users.create', 'users.create', 'users.create', 'auth.login', 'setup.initialize']);
    expect(rows[0]).toMatchObject({ result: 'failed', userName: 'Caio Caixa', details: { reason: 'wrong_pin', failures: 1 } });
    expect(rows[1]).toMatchObject({ userName: 'Ana Admin', recordType: 'user', details: { name: 'Kátia Cozinha', role: 'cashier' } });
    expect(await t.ok('audit.verify', {}, t.adminToken)).toMatchObject({ ok: true, rows: 6 });
  });

  it('filters and pages', async () => {
    await withHistory();
    const created = await t.ok('audit.list', { action: 'users.' }, t.adminToken);
    expect(created.rows).toHaveLength(3);
    const failed = await t.ok('audit.list', { result: 'failed' }, t.adminToken);
    expect(failed.rows.map((r) => r.action)).toEqual(['auth.login']);
    const page1 = await t.ok('audit.list', { limit: 4 }, t.adminToken);
    expect(page1.rows).toHaveLength(4);
    expect(page1.nextBeforeSeq).toBe(page1.rows[3]!.seq);
    const page2 = await t.ok('audit.list', { limit: 4, beforeSeq: page1.nextBeforeSeq! }, t.adminToken);
    expect(page2.rows.map((r) => r.seq)).toEqual([2, 1]);
    expect(page2.nextBeforeSeq).toBeNull();
    const none = await t.ok('audit.list', { from: t.clock.now() + 1 }, t.adminToken);
    expect(none.rows).toEqual([]);
  });

  it('finds a row changed behind its back, and says which', async () => {
    await withHistory();
    const db = t.app.db;
    const victim = db.prepare('SELECT id FROM audit_log WHERE seq = 3').pluck().get() as string;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = '{"name":"Outra Pessoa","role":"admin"}' WHERE seq = 3`).run();
    expect(await t.ok('audit.verify', {}, t.adminToken)).toMatchObject({ ok: false, rows: 3, badRowId: victim });
  });

  it('finds a row removed from the middle, and a rehashed row that breaks the link to the next', async () => {
    await withHistory();
    const db = t.app.db;
    db.exec('DROP TRIGGER audit_log_no_delete');
    const afterGap = db.prepare('SELECT id FROM audit_log WHERE seq = 5').pluck().get() as string;
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    const result = await t.ok('audit.verify', {}, t.adminToken);
    expect(result).toMatchObject({ ok: false, badRowId: afterGap });
  });

  it('refuses updates and deletes through SQL', async () => {
    await withHistory();
    expect(() => t.app.db.prepare("UPDATE audit_log SET result = 'ok'").run()).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

const COUNTED = { cash: 0, debit: 0, credit: 0, voucher: 0, pix: 0 };

/** Opens and closes a caixa: its Z report keeps the audit head, and so does the file beside the database. */
async function closeCaixa() {
  const { id: sessionId } = await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
  return t.ok('cash.close', { sessionId, counted: COUNTED }, t.adminToken);
}

/** What someone with the database file can do: the append-only triggers go first. */
function deleteNewestRows(count: number) {
  t.app.db.exec('DROP TRIGGER audit_log_no_delete');
  t.app.db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(count);
}

/** Rewrites the whole chain, consistently: every row rehashed from the first, one of them changed. */
function rewriteChain() {
  const rows = listAudit(t.app.db, { limit: 10_000 }).reverse();
  t.app.db.exec('DROP TRIGGER audit_log_no_delete');
  t.app.db.prepare('DELETE FROM audit_log').run();
  for (const { seq: _seq, ...row } of rows) {
    appendAudit(t.app.db, row.action === 'users.create' ? { ...row, details: { ...row.details, role: 'admin' } } : row);
  }
}

describe('audit head outside the database', () => {
  it('the Z report keeps the head at its close, its own close row included, and shows the same on a reprint', async () => {
    await withHistory();
    const z = await closeCaixa();
    const head = readAuditHead(t.app.db)!;
    expect(listAudit(t.app.db, { limit: 1 })[0]!.action).toBe('cash.close');
    expect(z.auditHead).toEqual({ seq: head.seq, hash: head.hash });
    await t.ok('users.create', { name: 'Depois Do Z', role: 'cashier', pin: '7193' }, t.adminToken);
    expect((await t.ok('cash.report', { sessionId: z.session.id }, t.adminToken)).auditHead).toEqual(z.auditHead);
  });

  it('an untouched database agrees with every witness', async () => {
    await withHistory();
    await closeCaixa();
    await t.ok('users.create', { name: 'Depois Do Z', role: 'cashier', pin: '7193' }, t.adminToken);
    const result = await t.ok('audit.verify', {}, t.adminToken);
    expect(result).toMatchObject({ ok: true, note: null });
    expect(result.witnesses.map((w) => [w.source, w.verdict])).toEqual([
      ['file', 'agrees'],
      ['z', 'agrees'],
    ]);
  });

  it('a fresh terminal with no witness passes, and says that only the chain was checked', async () => {
    await withHistory();
    const result = await t.ok('audit.verify', {}, t.adminToken);
    expect(result).toMatchObject({ ok: true, witnesses: [], note: expect.stringMatching(/só a corrente foi conferida/) });
  });

  it('rows deleted from the end are caught by the printed Z and the file, each named', async () => {
    await withHistory();
    const z = await closeCaixa();
    deleteNewestRows(2);
    const result = await t.ok('audit.verify', {}, t.adminToken);
    // The chain alone still adds up: only the witnesses outside the file see what is missing.
    expect(result).toMatchObject({ ok: false, head: { seq: z.auditHead!.seq - 2 } });
    expect(result.badRowId).toBeUndefined();
    expect(result.witnesses.map((w) => [w.source, w.verdict])).toEqual([
      ['file', 'rows-missing'],
      ['z', 'rows-missing'],
    ]);
    expect(result.witnesses[1]!.message).toBe(
      `Faltam registros no fim da auditoria: o último relatório Z impresso viu até o registro nº ${z.auditHead!.seq}, e este banco termina no nº ${z.auditHead!.seq - 2}.`,
    );
  });

  it('a chain rewritten whole, consistently, is caught by the printed Z and the file', async () => {
    await withHistory();
    const z = await closeCaixa();
    rewriteChain();
    const result = await t.ok('audit.verify', {}, t.adminToken);
    expect(result).toMatchObject({ ok: false, head: { seq: z.auditHead!.seq } });
    expect(result.badRowId).toBeUndefined();
    expect(result.witnesses.map((w) => [w.source, w.verdict])).toEqual([
      ['file', 'rewritten'],
      ['z', 'rewritten'],
    ]);
    expect(result.witnesses[0]!.message).toContain(shortAuditHash(z.auditHead!.hash));
    expect(result.witnesses[0]!.message).toMatch(/^A auditoria foi reescrita: o registro nº \d+ não tem o hash que o arquivo audit-head\.json deste computador guardou/);
  });

  it('the file never moves past a chain cut short: it keeps the evidence through later writes and a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-audit-'));
    try {
      t = await initializedApp({ dir });
      await closeCaixa();
      deleteNewestRows(1);
      await t.ok('users.create', { name: 'Depois Do Corte', role: 'cashier', pin: '7193' }, t.adminToken);
      t.close(); // the app's close records the head, when the chain still reaches the recorded one
      t = Object.assign(await createTestApp({ dir }), { adminToken: '', adminId: '' });
      t.adminToken = (await t.ok('auth.login', ADMIN)).token;
      const result = await t.ok('audit.verify', {}, t.adminToken);
      expect(result.witnesses.map((w) => [w.source, w.verdict])).toEqual([
        ['file', 'rewritten'],
        ['z', 'rewritten'],
      ]);
    } finally {
      t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audit head on the shop\'s server', () => {
  it('each sync round ships this terminal\'s head to its terminal document; a chain cut short afterwards is caught by the server alone', async () => {
    const store = new MemorySyncStore();
    t = await initializedApp({ app: { sync: { connection: { uri: 'mongodb://loja', database: 'loja' }, openStore: () => store, autoStart: false } } });
    await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    await t.app.sync.syncNow();
    const shipped = readAuditHead(t.app.db)!;
    expect(await store.auditHeadOf(readTerminalId())).toMatchObject({ seq: shipped.seq, hash: shipped.hash, at: t.clock.now() });

    // Whoever cuts the chain also deletes the file beside it; there is no Z. The server still knows.
    deleteNewestRows(2);
    rmSync(join(t.dir, AUDIT_HEAD_FILE));
    const result = await t.ok('audit.verify', {}, t.adminToken);
    expect(result.ok).toBe(false);
    expect(result.witnesses).toMatchObject([{ source: 'server', verdict: 'rows-missing', seq: shipped.seq, message: expect.stringMatching(/o servidor da loja viu até o registro nº/) }]);

    // The next round does not overwrite the server's head with the shorter chain.
    await t.app.sync.syncNow();
    expect((await store.auditHeadOf(readTerminalId()))!.seq).toBe(shipped.seq);
    expect(t.app.sync.status().notice).toMatch(/não confere com a que o servidor da loja guardou/);
  });
});

const readTerminalId = () => t.app.db.prepare("SELECT value FROM meta WHERE key = 'terminal_id'").pluck().get() as string;
