import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { appendChange, listChanges } from '../../src/database/queries/change-log.js';
import { newId } from '../../src/utils/ids.js';
import { formatHlc, parseHlc } from '../../src/utils/hlc.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('change log', () => {
  it('every synced write leaves its change, in order, with a gap-free sequence, even after failed writes', async () => {
    t = await initializedApp();
    const { id } = await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    // Failures in the middle must not leave holes.
    await t.fails('users.create', { name: 'caio caixa', role: 'cashier', pin: '8024' }, t.adminToken);
    await t.fails('users.update', { id, name: 'x' }, t.adminToken);
    await t.ok('users.update', { id, name: 'Caio Souza' }, t.adminToken);
    await t.ok('users.resetPin', { id, pin: '8024' }, t.adminToken);
    t.clock.advance(-60_000); // the wall clock jumps back: stamps must still increase
    await t.ok('users.deactivate', { id }, t.adminToken);
    await t.ok('settings.update', { pinLockMinutes: 30 }, t.adminToken);

    const changes = listChanges(t.app.db);
    expect(changes.map((c) => `${c.entity}:${c.op}`)).toEqual([
      'shop:insert', 'terminal:insert', 'user:insert', 'user:insert', 'user:update', 'user:update', 'user:update', 'setting:update',
    ]);
    expect(changes.map((c) => c.terminalSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const terminalId = t.app.db.prepare("SELECT value FROM meta WHERE key = 'terminal_id'").pluck().get();
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      expect(change.id).toMatch(UUID_V7);
      expect(change.terminalId).toBe(terminalId);
      expect(parseHlc(change.hlc).node).toBe(terminalId);
      if (i > 0) expect(change.hlc > changes[i - 1]!.hlc).toBe(true);
    }
    expect(JSON.parse(changes[4]!.data)).toEqual({ id, name: 'Caio Souza', updatedAt: expect.any(Number) });
    expect(JSON.parse(changes[6]!.data)).toEqual({ id, active: false, updatedAt: expect.any(Number) });
    // The row carries the same stamp as its change, so merges compare like with like.
    const userHlc = t.app.db.prepare('SELECT hlc FROM users WHERE id = ?').pluck().get(id);
    expect(userHlc).toBe(changes[6]!.hlc);
  });

  it('the stamps and the sequence resume after a restart, even with the clock set back', async () => {
    t = await initializedApp();
    const before = listChanges(t.app.db).at(-1)!.hlc;
    t.app.close();
    t.clock.advance(-3_600_000);
    const reopened = await createApp({ dataDir: t.dir, logger: t.memory.logger, clock: t.clock });
    t.app = reopened;
    const login = await t.ok('auth.login', { name: 'Ana Admin', pin: '480135' });
    await t.ok('users.create', { name: 'Depois Reinício', role: 'kitchen', pin: '3690' }, login.token);
    const after = listChanges(reopened.db).at(-1)!;
    expect(after.hlc > before).toBe(true);
    expect(after.terminalSeq).toBe(4);
  });

  it('the stored high-water stamp never moves back, even when a change carries an earlier stamp, and holds across a restart', async () => {
    t = await initializedApp();
    const db = t.app.db;
    const earlier = listChanges(db).at(-1)!;
    const ahead = formatHlc({ ...parseHlc(earlier.hlc), wall: parseHlc(earlier.hlc).wall + 86_400_000 }); // stamped while the clock was a day ahead
    const change = { terminalId: earlier.terminalId, entity: 'test', entityId: 'x', op: 'insert' as const, data: {}, at: 0 };
    db.transaction(() => {
      appendChange(db, { ...change, id: newId(), hlc: ahead });
      appendChange(db, { ...change, id: newId(), hlc: earlier.hlc }); // a row stamped earlier in the same write
    })();
    expect(db.prepare('SELECT last_hlc FROM change_log_state').pluck().get()).toBe(ahead);
    t.app.close();
    t.clock.advance(-5 * 60_000); // restarted with the clock a few minutes back
    t.app = await createApp({ dataDir: t.dir, logger: t.memory.logger, clock: t.clock });
    const login = await t.ok('auth.login', { name: 'Ana Admin', pin: '480135' });
    await t.ok('users.create', { name: 'Depois Reinício', role: 'kitchen', pin: '3690' }, login.token);
    expect(listChanges(t.app.db).at(-1)!.hlc > ahead).toBe(true);
  });
});
