import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/connection.js';
import { verifyAuditChain } from '../../src/database/queries/audit.js';
import { DATABASE_FILE } from '../../src/database/data-dir.js';

const WRITER = join(import.meta.dirname, '../helpers/crash-writer.ts');

/** Runs the writer until it has acknowledged `acks` writes, then kills it with SIGKILL. */
async function writeThenKill(dataDir: string, acks: number, mode: 'users' | 'sales' = 'users') {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let userId = '';
  let lastAck = 0;
  let passes = 0;
  const acked: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('ready ')) userId = line.slice(6);
    if (line.startsWith('ack ')) {
      const [, n, id, folded] = line.split(' ');
      lastAck = Number(n);
      if (id) acked.push(id);
      passes = Number(folded ?? 0);
    }
    // Sales: killed only once the WAL checkpointer has folded some of them into the file, so the kill lands between passes or in one.
    if (lastAck >= acks && (mode === 'users' || passes >= 2)) {
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`o processo terminou sozinho (${signal}): ${stderr}`);
  return { userId, lastAck, acked, passes };
}

describe('a killed process', () => {
  it('keeps every acknowledged write and no half of any write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'balcao-crash-'));
    const { userId, lastAck } = await writeThenKill(dataDir, 150);
    expect(userId).not.toBe('');

    const db = openDatabase(join(dataDir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(db).ok).toBe(true);

    const audited = (db.prepare("SELECT details FROM audit_log WHERE action = 'users.update' ORDER BY seq").pluck().all() as string[]).map(
      (d) => (JSON.parse(d) as { name: { to: string } }).name.to,
    );
    const changed = (db.prepare("SELECT data FROM change_log WHERE entity = 'user' AND op = 'update' ORDER BY terminal_seq").pluck().all() as string[]).map(
      (d) => (JSON.parse(d) as { name: string }).name,
    );
    // Every acknowledged write is there. Writes the child committed after the last ack this side read
    // (its acks wait in the pipe on a busy machine) may be there too, whole and in order.
    expect(audited.length).toBeGreaterThanOrEqual(lastAck);
    expect(audited).toEqual(Array.from({ length: audited.length }, (_, i) => `Caixa ${i + 1}`));
    // No half write: the user row, its change and its audit row committed together or not at all.
    expect(changed).toEqual(audited);
    const name = db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(userId);
    expect(name).toBe(audited.at(-1));
    const seqs = db.prepare('SELECT terminal_seq FROM change_log ORDER BY terminal_seq').pluck().all() as number[];
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    db.close();
  });
});

describe('a till killed in the middle of a burst of sales', () => {
  it('has every acknowledged sale whole, no partial order, and order numbers without gaps', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'balcao-crash-sales-'));
    const { acked, passes } = await writeThenKill(dataDir, 120, 'sales');
    expect(passes).toBeGreaterThanOrEqual(2);
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(db).ok).toBe(true);

    const orders = db.prepare('SELECT id, number FROM orders ORDER BY number').all() as { id: string; number: number }[];
    expect(orders.length).toBeGreaterThanOrEqual(acked.length);
    const stored = new Set(orders.map((o) => o.id));
    for (const id of acked) expect(stored.has(id)).toBe(true);
    expect(orders.map((o) => o.number)).toEqual(Array.from({ length: orders.length }, (_, i) => i + 1));

    // Every stored order is whole: two lines, two payments adding up to its total, paid, its ticket and state.
    const partial = db
      .prepare(
        `SELECT o.id FROM orders o LEFT JOIN order_state s ON s.order_id = o.id
         WHERE (SELECT count(*) FROM order_lines WHERE order_id = o.id) != 2
            OR (SELECT count(*) FROM payments WHERE order_id = o.id) != 2
            OR (SELECT sum(amount) FROM payments WHERE order_id = o.id) != s.total
            OR (SELECT count(*) FROM order_events WHERE order_id = o.id AND kind = 'paid') != 1
            OR (SELECT count(*) FROM kitchen_tickets WHERE order_id = o.id) != 1
            OR s.status IS NULL OR s.total != 4500`,
      )
      .pluck()
      .all();
    expect(partial).toEqual([]);
    const seqs = db.prepare('SELECT terminal_seq FROM change_log ORDER BY terminal_seq').pluck().all() as number[];
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    db.close();
  });
});
