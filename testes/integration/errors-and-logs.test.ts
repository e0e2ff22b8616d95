import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/ipc/dispatcher.js';
import { defineScript } from '../../src/services/script.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
afterEach(() => t?.close());

describe('unexpected errors', () => {
  it('reach the screen as "Erro interno (ref …)" and the log keeps the stack under the same ref; nothing is written', async () => {
    t = await initializedApp();
    const broken = defineScript('users.unlock', {
      roles: ['admin'],
      run(tx) {
        tx.prepare("INSERT INTO meta (key, value) VALUES ('half', 'written')").run();
        throw new TypeError('leitura de propriedade indefinida');
      },
    });
    const registry = new Map(t.app.dispatcher.registry);
    registry.set('users.unlock', broken);
    const dispatcher = new Dispatcher({ ...t.app, registry, clock: t.clock });
    const outcome = await dispatcher.dispatch('users.unlock', { id: t.adminId }, t.adminToken);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(500);
    expect(outcome.error.code).toBe('INTERNAL');
    const ref = (outcome.error.details as { ref: string }).ref;
    expect(outcome.error.message).toBe(`Erro interno (ref ${ref}).`);
    expect(outcome.error.message).not.toContain('propriedade');
    const logged = t.memory.records.find((r) => r.level === 'error' && r.fields.ref === ref);
    expect(logged?.fields.error).toMatchObject({ message: 'leitura de propriedade indefinida', stack: expect.stringContaining('TypeError') });
    expect(t.app.db.prepare("SELECT count(*) FROM meta WHERE key = 'half'").pluck().get()).toBe(0);
  });

  it('unknown operations are named', async () => {
    t = await initializedApp();
    const outcome = await t.fails('orders.teleport', {}, t.adminToken);
    expect(outcome).toMatchObject({ code: 'UNKNOWN_OPERATION', status: 404, field: 'operation' });
  });
});

describe('secrets never reach a log', () => {
  it('PINs and tokens, through every path that handles them', async () => {
    t = await initializedApp();
    const pins = ['480135', '2580', '736194', '1357', '975308'];
    const { id } = await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
    const cashier = await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' });
    for (let i = 0; i < 5; i++) await t.fails('auth.login', { name: 'Caio Caixa', pin: '1357' });
    await t.ok('users.resetPin', { id, pin: '975308' }, t.adminToken);
    // A new PIN ends the user's sessions: the cashier signs in with it.
    const signedIn = await t.ok('auth.login', { name: 'Caio Caixa', pin: '975308' });
    const override = await t.ok('auth.override', { name: 'Gil Gerente', pin: '736194', operation: 'users.update', recordId: id }, signedIn.token);
    await t.fails('users.create', { name: 'Outro', role: 'cashier', pin: '1111' }, t.adminToken);

    // An internal error whose input carries a PIN and a token.
    const registry = new Map(t.app.dispatcher.registry);
    registry.set('users.resetPin', defineScript('users.resetPin', { roles: ['admin'], run: () => { throw new Error('falha'); } }));
    await new Dispatcher({ ...t.app, registry, clock: t.clock }).dispatch('users.resetPin', { id, pin: '480135' }, t.adminToken);

    const text = t.memory.text();
    expect(t.memory.records.length).toBeGreaterThan(0);
    for (const secret of [...pins, t.adminToken, cashier.token, signedIn.token, override.overrideToken]) expect(text).not.toContain(secret);
    // The audit log keeps who and what, never the PIN or token either.
    const audit = (t.app.db.prepare('SELECT details FROM audit_log').pluck().all() as string[]).join('\n');
    for (const secret of [...pins, t.adminToken, cashier.token, signedIn.token, override.overrideToken]) expect(audit).not.toContain(secret);
  });
});
