import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

const CASHIER = { name: 'Caio Caixa', pin: '2580' };
const MANAGER = { name: 'Gil Gerente', pin: '736194' };

async function withCashier() {
  t = await initializedApp();
  const { id } = await t.ok('users.create', { ...CASHIER, role: 'cashier' }, t.adminToken);
  return id;
}

describe('login and lockout', () => {
  it('logs in with name (any case, any accents) and PIN', async () => {
    await withCashier();
    const session = await t.ok('auth.login', { name: 'caio CAIXA', pin: CASHIER.pin });
    expect(session.user).toMatchObject({ name: 'Caio Caixa', role: 'cashier' });
    expect(session.idleLockMinutes).toBe(5);
    const me = await t.ok('auth.session', {}, session.token);
    expect(me).toMatchObject({ locked: false, shopName: 'Lanchonete Teste', terminalLetter: 'A' });
  });

  it('a wrong PIN says how many tries are left; the fifth locks for 15 minutes and says until when', async () => {
    const cashierId = await withCashier();
    for (let i = 1; i <= 4; i++) {
      const error = await t.fails('auth.login', { name: CASHIER.name, pin: '1357' });
      expect(error.code).toBe('AUTH_INVALID_PIN');
      expect(error.details).toEqual({ attemptsLeft: 5 - i });
    }
    const locked = await t.fails('auth.login', { name: CASHIER.name, pin: '1357' });
    expect(locked.code).toBe('AUTH_LOCKED');
    expect(locked.status).toBe(423);
    const until = t.clock.now() + 15 * 60_000;
    expect(locked.details).toEqual({ lockedUntil: until });
    expect(locked.message).toContain('29/11/2026 12:15'); // 15:00 UTC + 15 min, in America/Sao_Paulo

    // Even the right PIN is refused while locked, and no bcrypt work is spent on it.
    expect((await t.fails('auth.login', CASHIER)).code).toBe('AUTH_LOCKED');
    const users = await t.ok('users.list', {}, t.adminToken);
    expect(users.find((u) => u.id === cashierId)?.lockedUntil).toBe(until);

    t.clock.advanceMinutes(15);
    expect((await t.ok('auth.login', CASHIER)).user.id).toBe(cashierId);
    const actions = t.app.db.prepare("SELECT action || ':' || result FROM audit_log WHERE user_id = ? ORDER BY seq").pluck().all(cashierId);
    expect(actions.filter((a) => a === 'auth.login:failed')).toHaveLength(5);
    expect(actions).toContain('auth.lockout:ok');
    expect(actions).toContain('auth.login:denied');
    expect(actions.at(-1)).toBe('auth.login:ok');
  });

  it('a manager can lift the lockout early', async () => {
    const cashierId = await withCashier();
    for (let i = 0; i < 5; i++) await t.fails('auth.login', { name: CASHIER.name, pin: '1357' });
    expect((await t.fails('auth.login', CASHIER)).code).toBe('AUTH_LOCKED');
    await t.ok('users.unlock', { id: cashierId }, t.adminToken);
    expect((await t.ok('auth.login', CASHIER)).user.id).toBe(cashierId);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    await withCashier();
    for (let i = 0; i < 4; i++) await t.fails('auth.login', { name: CASHIER.name, pin: '1357' });
    await t.ok('auth.login', CASHIER);
    expect((await t.fails('auth.login', { name: CASHIER.name, pin: '1357' })).details).toEqual({ attemptsLeft: 4 });
  });

  it('an unknown name gets the same answer as a wrong PIN', async () => {
    t = await initializedApp();
    const error = await t.fails('auth.login', { name: 'Ninguém Aqui', pin: '2580' });
    expect(error).toMatchObject({ code: 'AUTH_INVALID_PIN', message: 'Nome ou PIN incorreto.', field: 'pin' });
  });
});

describe('sessions, idle lock and unlock', () => {
  it('locks itself after 5 idle minutes, keeps the session, and the same PIN unlocks it', async () => {
    await withCashier();
    const { token } = await t.ok('auth.login', CASHIER);
    t.clock.advanceMinutes(4);
    await t.ok('auth.session', {}, token);
    t.clock.advanceMinutes(4); // 4 minutes since the last call: still open
    expect((await t.ok('auth.session', {}, token)).locked).toBe(false);
    t.clock.advanceMinutes(5);
    const locked = await t.fails('audit.list', {}, token);
    expect(locked.code).toBe('SESSION_LOCKED');
    expect((await t.ok('auth.session', {}, token)).locked).toBe(true);

    expect((await t.fails('auth.unlock', { name: CASHIER.name, pin: '1357' }, token)).code).toBe('AUTH_INVALID_PIN');
    const unlocked = await t.ok('auth.unlock', CASHIER, token);
    expect(unlocked).toMatchObject({ switched: false, token });
    expect((await t.ok('auth.session', {}, token)).locked).toBe(false);
  });

  it('another user’s PIN on the lock screen switches user with a new session', async () => {
    await withCashier();
    const { token } = await t.ok('auth.login', CASHIER);
    await t.ok('auth.lock', {}, token);
    expect((await t.fails('users.list', {}, token)).code).toBe('SESSION_LOCKED');
    const switched = await t.ok('auth.unlock', ADMIN, token);
    expect(switched.switched).toBe(true);
    expect(switched.user.name).toBe(ADMIN.name);
    expect((await t.fails('auth.session', {}, token)).code).toBe('UNAUTHENTICATED');
    expect((await t.ok('users.list', {}, switched.token)).length).toBe(2);
    const row = t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'auth.switch'").pluck().get() as string;
    expect(JSON.parse(row)).toMatchObject({ fromUserName: CASHIER.name });
  });

  it('logout ends the session; a deactivated user’s sessions end at once', async () => {
    const cashierId = await withCashier();
    const a = await t.ok('auth.login', CASHIER);
    await t.ok('auth.logout', {}, a.token);
    expect((await t.fails('auth.session', {}, a.token)).code).toBe('UNAUTHENTICATED');

    const b = await t.ok('auth.login', CASHIER);
    await t.ok('users.deactivate', { id: cashierId }, t.adminToken);
    expect((await t.fails('auth.session', {}, b.token)).status).toBe(401);
    expect((await t.fails('auth.login', CASHIER)).code).toBe('AUTH_INVALID_PIN');
  });
});

describe('roles are enforced in the core', () => {
  it('a cashier cannot call manager operations, and the attempt is audited', async () => {
    await withCashier();
    const { token } = await t.ok('auth.login', CASHIER);
    for (const [op, input] of [
      ['users.create', { name: 'Novo Caixa', role: 'cashier', pin: '8024' }],
      ['users.list', {}],
      ['audit.list', {}],
      ['audit.verify', {}],
      ['settings.update', { idleLockMinutes: 60 }],
    ] as const) {
      const error = await t.fails(op, input, token);
      expect(error.code, op).toBe('FORBIDDEN');
      expect(error.status).toBe(403);
    }
    expect(t.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND result = 'denied'").pluck().get()).toBe(5);
    expect(t.app.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(2);
  });

  it('no session, no access', async () => {
    t = await initializedApp();
    expect((await t.fails('users.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await t.fails('users.list', {}, 'not-a-real-token-but-long-enough')).code).toBe('UNAUTHENTICATED');
  });
});

describe('manager override', () => {
  it('gives a single-use token bound to one operation and record; the audit names both people', async () => {
    const cashierId = await withCashier();
    const manager = await t.ok('users.create', { ...MANAGER, role: 'manager' }, t.adminToken);
    const { token } = await t.ok('auth.login', CASHIER);

    const cashierTries = await t.fails('auth.override', { name: CASHIER.name, pin: CASHIER.pin, operation: 'users.update', recordId: 'r1' }, token);
    expect(cashierTries.code).toBe('FORBIDDEN');
    const unknownOp = await t.fails('auth.override', { ...MANAGER, operation: 'orders.nothing', recordId: 'r1' }, token);
    expect(unknownOp).toMatchObject({ code: 'VALIDATION', field: 'operation' });

    const granted = await t.ok('auth.override', { ...MANAGER, operation: 'users.update', recordId: 'r1' }, token);
    expect(granted.approver).toMatchObject({ id: manager.id, role: 'manager' });
    expect(granted.expiresAt).toBe(t.clock.now() + 120_000);
    const row = t.app.db
      .prepare("SELECT user_id, user_name, approver_id, approver_name FROM audit_log WHERE action = 'auth.override' AND result = 'ok'")
      .get();
    expect(row).toEqual({ user_id: cashierId, user_name: CASHIER.name, approver_id: manager.id, approver_name: MANAGER.name });

    const { consumeOverride } = await import('../../src/services/overrides.js');
    const consume = (recordId: string) =>
      t.app.db.transaction(() => consumeOverride(t.app.db, { now: t.clock.now() } as never, granted.overrideToken, { operation: 'users.update', recordId })).immediate();
    expect(() => consume('r2')).toThrow(/outro registro/);
    expect(consume('r1')).toEqual({ approverId: manager.id, approverName: MANAGER.name });
    expect(() => consume('r1')).toThrow(/já foi usada/);
  });

  it('expires', async () => {
    await withCashier();
    await t.ok('users.create', { ...MANAGER, role: 'manager' }, t.adminToken);
    const { token } = await t.ok('auth.login', CASHIER);
    const granted = await t.ok('auth.override', { ...MANAGER, operation: 'users.update', recordId: 'r1' }, token);
    t.clock.advance(120_001);
    const { consumeOverride } = await import('../../src/services/overrides.js');
    expect(() =>
      t.app.db.transaction(() => consumeOverride(t.app.db, { now: t.clock.now() } as never, granted.overrideToken, { operation: 'users.update', recordId: 'r1' })).immediate(),
    ).toThrow(/expirou/);
  });
});
