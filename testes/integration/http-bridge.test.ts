import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operations } from '../../src/models/contract.js';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { ADMIN, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let bridge: RunningBridge;
afterEach(async () => {
  await bridge?.close();
  t?.close();
});

describe('HTTP bridge', () => {
  it('GET /api/contract lists every operation with roles and JSON Schemas', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app);
    const contract = (await (await fetch(`${bridge.url}/api/contract`)).json()) as { name: string; roles: unknown; input: any; output: any }[];
    expect(contract.map((c) => c.name)).toEqual(Object.keys(operations).sort());
    const create = contract.find((c) => c.name === 'users.create')!;
    expect(create.roles).toEqual(['admin', 'manager']);
    expect(create.input).toMatchObject({ type: 'object', required: ['name', 'role', 'pin'], additionalProperties: false });
    expect(create.input.properties.role.enum).toEqual(['admin', 'manager', 'cashier', 'stockroom', 'kitchen']);
    expect(create.output.properties.id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(contract.find((c) => c.name === 'auth.login')!.roles).toBe('public');
  });

  it('answers 200 with the result, or the status and {"error":{code,message,field}}', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app);
    const login = await bridge.post('auth.login', ADMIN);
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ name: ADMIN.name, role: 'admin' });
    const token = login.json.token as string;

    expect(await bridge.post('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, token)).toMatchObject({ status: 200 });
    expect(await bridge.post('users.create', { name: 'Caio Caixa', role: 'chef', pin: '2580' }, token)).toMatchObject({
      status: 400,
      json: { error: { code: 'VALIDATION', field: 'role' } },
    });
    expect(await bridge.post('users.list', {})).toMatchObject({ status: 401, json: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await bridge.post('auth.login', { name: ADMIN.name, pin: '975308' })).toMatchObject({ status: 401, json: { error: { code: 'AUTH_INVALID_PIN', field: 'pin' } } });
    expect(await bridge.post('nothing.here', {}, token)).toMatchObject({ status: 404, json: { error: { code: 'UNKNOWN_OPERATION' } } });
    expect(await bridge.postRaw('audit.verify', '{not json', token)).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION', field: 'body' } } });
    expect(await bridge.postRaw('audit.verify', '{}', token, { 'content-type': 'text/plain' })).toMatchObject({ status: 415 });
    expect(await bridge.post('audit.verify', {}, token, { origin: 'http://evil.example' })).toMatchObject({ status: 403 });
    const big = await bridge.post('audit.verify', { x: 'a'.repeat(1_100_000) }, token);
    expect(big.status).toBe(413);
    const get = await fetch(`${bridge.url}/api/audit.verify`);
    expect(get.status).toBe(405);
  });

  it('pushes live events over Server-Sent Events to a session', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app);
    expect((await fetch(`${bridge.url}/api/events?token=wrong`)).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(`${bridge.url}/api/events?token=${t.adminToken}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await bridge.post('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
    let text = '';
    while (!text.includes('event: users.changed')) text += decoder.decode((await reader.read()).value);
    expect(text).toMatch(/event: users\.changed\ndata: \{"userId":"[0-9a-f-]{36}","at":\d+\}/);
    controller.abort();
  });

  it('cuts off a screen that stops reading once its backlog passes the limit; a screen that reads hears every event', async () => {
    t = await initializedApp();
    bridge = await startBridge(t.app);
    const listenersBefore = t.app.events.size;
    // A tablet gone to sleep: its connection stays open, it reads nothing.
    const { port } = new URL(bridge.url);
    const asleep = connect(Number(port), '127.0.0.1');
    asleep.pause();
    let asleepClosed = false;
    asleep.on('close', () => (asleepClosed = true));
    asleep.write(`GET /api/events?token=${t.adminToken} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const controller = new AbortController();
    const awake = await fetch(`${bridge.url}/api/events?token=${t.adminToken}`, { signal: controller.signal });
    const reader = awake.body!.getReader();
    const decoder = new TextDecoder();
    let heard = '';
    const reading = (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) return;
        heard += decoder.decode(chunk.value, { stream: true });
      }
    })();
    while (t.app.events.size < listenersBefore + 2) await new Promise((resolve) => setTimeout(resolve, 5));

    // 24 MB of events, a few at a time: far more than the sleeping tablet's socket buffers (a few MB on loopback) and the limit hold.
    const bulk = 'x'.repeat(32 * 1024);
    const events = 768;
    for (let i = 0; i < events; i++) {
      t.app.events.publish({ type: 'users.changed', data: { userId: `u-${i}`, note: bulk } as never, at: i });
      if (i % 4 === 3) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    while (!heard.includes(`"userId":"u-${events - 1}"`)) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard.match(/event: users\.changed/g)).toHaveLength(events);
    // The sleeping tablet's stream was closed and forgotten; the reading one is still there.
    expect(t.app.events.size).toBe(listenersBefore + 1);
    asleep.resume();
    await vi.waitFor(() => expect(asleepClosed).toBe(true));
    controller.abort();
    await reading;
  });

  it('refuses a forged Host on the API, the live stream and the pages (DNS rebinding); a configured shop address works', async () => {
    t = await initializedApp();
    const root = mkdtempSync(join(tmpdir(), 'balcao-static-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Balcão</title>');
    bridge = await startBridge(t.app, { staticDir: root, shopNetworkHosts: ['caixa.local'] });
    const port = new URL(bridge.url).port;
    const send = (path: string, host: string, method = 'GET', body?: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method, headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const forged = `rebind.attacker.example:${port}`;
    const refused = await send('/api/auth.roster', forged, 'POST', '{}');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await send('/api/contract', forged)).status).toBe(403);
    expect((await send(`/api/events?token=${t.adminToken}`, forged)).status).toBe(403);
    expect((await send('/', forged)).status).toBe(403);
    expect((await send('/api/auth.roster', `127.0.0.1:${port}`, 'POST', '{}')).status).toBe(200);
    expect((await send('/api/auth.roster', `caixa.local:${port}`, 'POST', '{}')).status).toBe(200);
    expect((await send('/', `localhost:${port}`)).text).toContain('Balcão');
  });

  it('serves the renderer with a strict CSP, client routes get the shell, and nothing outside its folder', async () => {
    t = await initializedApp();
    const root = mkdtempSync(join(tmpdir(), 'balcao-static-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Balcão</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'segredo.txt'), 'não');
    bridge = await startBridge(t.app, { staticDir: root });
    const index = await fetch(`${bridge.url}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('Balcão');
    expect((await fetch(`${bridge.url}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect(await (await fetch(`${bridge.url}/usuarios`)).text()).toContain('Balcão');
    expect((await fetch(`${bridge.url}/assets/nao-existe.js`)).status).toBe(404);
    expect((await fetch(`${bridge.url}/%2e%2e/segredo.txt`)).status).toBe(404);
  });
});
