import { afterEach, describe, expect, it } from 'vitest';
import { initializedApp } from '../helpers/test-app.js';

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
    expect(await t.ok('audit.verify', {}, t.adminToken)).toEqual({ ok: true, rows: 6 });
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
    expect(await t.ok('audit.verify', {}, t.adminToken)).toEqual({ ok: false, rows: 3, badRowId: victim });
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
