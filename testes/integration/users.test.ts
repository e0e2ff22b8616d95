import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

const count = (sql: string) => t.app.db.prepare(sql).pluck().get() as number;

describe('users', () => {
  it('creates, lists, renames and deactivates; names are unique among active users', async () => {
    t = await initializedApp();
    const { id } = await t.ok('users.create', { name: 'Bia Balcão', role: 'cashier', pin: '8024' }, t.adminToken);
    const dup = await t.fails('users.create', { name: 'bia balcao', role: 'kitchen', pin: '3690' }, t.adminToken);
    expect(dup).toMatchObject({ code: 'CONFLICT', field: 'name' });

    await t.ok('users.update', { id, name: 'Bia Souza' }, t.adminToken);
    expect((await t.ok('users.list', {}, t.adminToken)).map((u) => u.name)).toEqual(['Ana Admin', 'Bia Souza']);
    await t.ok('users.deactivate', { id }, t.adminToken);
    expect((await t.ok('users.list', {}, t.adminToken)).map((u) => u.name)).toEqual(['Ana Admin']);
    expect((await t.ok('users.list', { includeInactive: true }, t.adminToken)).find((u) => u.id === id)?.active).toBe(false);
    // The name is free again once its holder is inactive.
    await t.ok('users.create', { name: 'Bia Souza', role: 'cashier', pin: '8024' }, t.adminToken);
  });

  it('a retried create with the same id makes one user', async () => {
    t = await initializedApp();
    const id = newId();
    const input = { id, name: 'Dora Dupla', role: 'cashier', pin: '8024' } as const;
    const [a, b] = await Promise.all([t.ok('users.create', input, t.adminToken), t.ok('users.create', input, t.adminToken)]);
    expect(a).toEqual({ id });
    expect(b).toEqual({ id });
    expect(count("SELECT count(*) FROM users WHERE name = 'Dora Dupla'")).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'users.create'")).toBe(1);
    const other = await t.fails('users.create', { ...input, name: 'Outra Pessoa' }, t.adminToken);
    expect(other).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it('PIN strength depends on the role', async () => {
    t = await initializedApp();
    expect(await t.fails('users.create', { name: 'Gil Gerente', role: 'manager', pin: '8024' }, t.adminToken)).toMatchObject({ code: 'PIN_WEAK', field: 'pin' });
    expect(await t.fails('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '1111' }, t.adminToken)).toMatchObject({ code: 'PIN_WEAK', field: 'pin' });
    const { id } = await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '8024' }, t.adminToken);
    // Promoting to manager needs a longer PIN.
    expect(await t.fails('users.update', { id, role: 'manager' }, t.adminToken)).toMatchObject({ code: 'PIN_WEAK', field: 'pin' });
    await t.ok('users.update', { id, role: 'manager', pin: '802461' }, t.adminToken);
    expect((await t.ok('auth.login', { name: 'Caio Caixa', pin: '802461' })).user.role).toBe('manager');
    expect(await t.fails('users.resetPin', { id, pin: '9753' }, t.adminToken)).toMatchObject({ code: 'PIN_WEAK', field: 'pin' });
    await t.ok('users.resetPin', { id, pin: '975308' }, t.adminToken);
    expect((await t.fails('auth.login', { name: 'Caio Caixa', pin: '802461' })).code).toBe('AUTH_INVALID_PIN');
    await t.ok('auth.login', { name: 'Caio Caixa', pin: '975308' });
  });

  it('a manager manages the floor staff, not managers or admins', async () => {
    t = await initializedApp();
    await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
    const { token } = await t.ok('auth.login', { name: 'Gil Gerente', pin: '736194' });
    await t.ok('users.create', { name: 'Kátia Cozinha', role: 'kitchen', pin: '3690' }, token);
    expect(await t.fails('users.create', { name: 'Outro Admin', role: 'admin', pin: '975308' }, token)).toMatchObject({ code: 'FORBIDDEN', field: 'role' });
    expect(await t.fails('users.deactivate', { id: t.adminId }, token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fails('users.resetPin', { id: t.adminId, pin: '975308' }, token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the shop always keeps an active admin', async () => {
    t = await initializedApp();
    expect(await t.fails('users.update', { id: t.adminId, role: 'manager' }, t.adminToken)).toMatchObject({ code: 'LAST_ADMIN' });
    expect((await t.fails('users.deactivate', { id: t.adminId }, t.adminToken)).code).toBe('CONFLICT');
    const { id } = await t.ok('users.create', { name: 'Outra Admin', role: 'admin', pin: '975308' }, t.adminToken);
    const { token } = await t.ok('auth.login', { name: 'Outra Admin', pin: '975308' });
    await t.ok('users.deactivate', { id: t.adminId }, token);
    expect(await t.fails('users.deactivate', { id }, token)).toMatchObject({ code: 'CONFLICT' });
  });

  it('unknown ids are named', async () => {
    t = await initializedApp();
    expect(await t.fails('users.update', { id: newId(), name: 'Zé Ninguém' }, t.adminToken)).toMatchObject({ code: 'NOT_FOUND', field: 'id', status: 404 });
    expect(await t.fails('users.update', { id: 'abc', name: 'Zé Ninguém' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'id' });
  });
});

describe('settings', () => {
  it('an admin changes settings; they apply at once and are audited', async () => {
    t = await initializedApp();
    const updated = await t.ok('settings.update', { idleLockMinutes: 10, shopName: 'Lanche Bom' }, t.adminToken);
    expect(updated).toMatchObject({ idleLockMinutes: 10, shopName: 'Lanche Bom', pinMaxAttempts: 5 });
    expect((await t.ok('auth.session', {}, t.adminToken)).shopName).toBe('Lanche Bom');
    expect(await t.fails('settings.update', { timezone: 'Marte/Olympus' }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'timezone' });
    expect(await t.fails('settings.update', { pinMaxAttempts: 1 }, t.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'pinMaxAttempts' });
    const row = t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update'").pluck().get() as string;
    expect(JSON.parse(row)).toEqual({ idleLockMinutes: { from: 5, to: 10 }, shopName: { from: 'Lanchonete Teste', to: 'Lanche Bom' } });
  });
});
