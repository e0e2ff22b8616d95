import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app.js';
import { openDatabase } from '../src/database/connection.js';
import { createHttpBridge } from '../src/ipc/http-server.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { compare, ratioFigure, type Figures } from './lib.js';

async function call(app: App, operation: string, input: unknown, token?: string) {
  const outcome = await app.dispatcher.dispatch(operation, input, token);
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
  return outcome.result as any;
}

async function shopWithCashier(dir: string) {
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger });
  await call(app, 'setup.initialize', { shopName: 'Bancada', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
  const { token } = await call(app, 'auth.login', { name: 'Ana Admin', pin: '480135' });
  const { id } = await call(app, 'users.create', { name: 'Caixa 0', role: 'cashier', pin: '2580' }, token);
  return { app, token, userId: id as string };
}

/**
 * script.write_ratio: users.update through the dispatcher (validation, session, role, audit chain,
 * change log, one IMMEDIATE transaction) against a bare transaction writing the same rows to a file
 * opened with the same pragmas.
 */
export async function scriptWriteRatio(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-'));
  const { app, token, userId } = await shopWithCashier(dir);
  const bare = openDatabase(join(dir, 'bare.sqlite3'));
  bare.prepare("INSERT INTO users (id, name, name_key, role, pin_hash, active, created_at, updated_at, hlc) VALUES (?, 'x', 'x', 'cashier', 'h', 1, 0, 0, '')").run(userId);
  const updateUser = bare.prepare('UPDATE users SET name = ?, name_key = ?, updated_at = ?, hlc = ? WHERE id = ?');
  const bumpSeq = bare.prepare('UPDATE change_log_state SET last_seq = last_seq + 1, last_hlc = ? WHERE id = 1 RETURNING last_seq');
  const insertChange = bare.prepare('INSERT INTO change_log (terminal_seq, id, terminal_id, hlc, entity, entity_id, op, data, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertAudit = bare.prepare(
    "INSERT INTO audit_log (seq, id, at, terminal_id, user_id, user_name, action, record_type, record_id, result, approver_id, approver_name, details, prev_hash, hash) VALUES (?, ?, ?, 't', ?, 'Ana', 'users.update', 'user', ?, 'ok', NULL, NULL, ?, ?, ?)",
  );
  let auditSeq = 0;
  const hash = 'f'.repeat(64);
  const writeBare = bare.transaction((i: number) => {
    const now = Date.now();
    const name = `Nome ${i}`;
    updateUser.run(name, name.toLowerCase(), now, String(now), userId);
    const { last_seq: seq } = bumpSeq.get(String(now)) as { last_seq: number };
    insertChange.run(seq, newId(), 't', String(now), 'user', userId, 'update', JSON.stringify({ name }), now);
    insertAudit.run(++auditSeq, newId(), now, userId, userId, JSON.stringify({ name: { from: 'a', to: name } }), hash, hash);
  });

  let i = 0;
  const samples = await compare(
    () => call(app, 'users.update', { id: userId, name: `Nome ${++i}` }, token),
    () => writeBare.immediate(++i),
  );
  figures['script.write_ratio'] = ratioFigure(samples.subject, samples.floor);
  app.close();
  bare.close();
  rmSync(dir, { recursive: true, force: true });
}

/** bridge.http_roundtrip_ratio: system.ping over the HTTP bridge against a bare Node HTTP echo, same client. */
export async function bridgeRoundtripRatio(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-'));
  const { app } = await shopWithCashier(dir);
  const bridge = createHttpBridge(app);
  const echo = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(Buffer.concat(chunks));
    });
  });
  const listen = (server: typeof echo) =>
    new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  const bridgeUrl = await listen(bridge);
  const echoUrl = await listen(echo);
  const post = async (url: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await response.json();
  };
  const samples = await compare(() => post(`${bridgeUrl}/api/system.ping`), () => post(`${echoUrl}/echo`));
  figures['bridge.http_roundtrip_ratio'] = ratioFigure(samples.subject, samples.floor);
  for (const server of [bridge, echo]) {
    server.closeAllConnections();
    server.close();
  }
  app.close();
  rmSync(dir, { recursive: true, force: true });
}
