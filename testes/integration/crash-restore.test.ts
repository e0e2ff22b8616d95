import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsFolder } from '../../src/database/backups.js';
import { openDatabase } from '../../src/database/connection.js';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { removeLeftoverSwap, startupProblem, SWAP_SUFFIX } from '../../src/database/restore.js';
import { newId } from '../../src/utils/ids.js';
import { initializedApp } from '../helpers/test-app.js';

const SWAPPER = join(import.meta.dirname, '../helpers/swap-writer.ts');

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T | undefined;
afterEach(() => t?.close());

/** Runs the swapper until it has done `swaps` swaps, waits `delayMs` more (inside the next one), then kills it. */
async function swapThenKill(dataDir: string, first: string, second: string, swaps: number, delayMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', SWAPPER, dataDir, first, second], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout })) {
    if (Number(line.split(' ')[1]) >= swaps) break;
  }
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`o processo terminou sozinho (${signal}): ${stderr}`);
}

describe('a process killed while a backup is put in place', () => {
  it('leaves either the old database or the backup whole under the database name, never a mix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'balcao-crash-restore-'));
    t = await initializedApp({ dir: dataDir });
    const small = await t.ok('backups.create', {}, t.adminToken);
    await t.ok('catalog.saveProduct', { id: newId(), name: 'Só no grande', code: 'SG', price: 500 }, t.adminToken);
    // A copy big enough that a kill often lands inside it.
    t.app.db.exec('CREATE TABLE padding (data BLOB)');
    const insert = t.app.db.prepare('INSERT INTO padding VALUES (?)');
    for (let i = 0; i < 160; i++) insert.run(randomBytes(128 * 1024));
    const big = await t.ok('backups.create', {}, t.adminToken);
    t.close();
    t = undefined;
    const paths = [small, big].map((b) => join(backupsFolder(dataDir), b.file)) as [string, string];
    const file = join(dataDir, DATABASE_FILE);

    for (const [swaps, delayMs] of [
      [1, 0],
      [2, 5],
      [3, 15],
      [2, 40],
    ] as const) {
      await swapThenKill(dataDir, ...paths, swaps, delayMs);
      const leftover = existsSync(file + SWAP_SUFFIX);
      expect(removeLeftoverSwap(file)).toBe(leftover);
      expect(startupProblem(file)).toBeNull();
      const db = openDatabase(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const hasPadding = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'padding'").pluck().get() === 1;
      const marked = db.prepare("SELECT count(*) FROM products WHERE name = 'Só no grande'").pluck().get() === 1;
      // Whole: the big copy's product and its padding come together, or neither does.
      expect(marked).toBe(hasPadding);
      if (hasPadding) expect(db.prepare('SELECT count(*) FROM padding').pluck().get()).toBe(160);
      db.close();
    }
  });
});
