import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/database/connection.js';
import { startupProblem } from '../src/database/restore.js';
import { median, plainFigure, ratioFigure, type Figures } from './lib.js';

/** The size of the database measured (MB); BALCAO_BENCH_STARTUP_MB for a bigger one (2048 for the 2 GB case). */
const SIZE_MB = Number(process.env.BALCAO_BENCH_STARTUP_MB || 256);

/** A Balcão database filled to about `mb` with small indexed rows, as years of sales leave it. */
function bigDatabase(file: string, mb: number) {
  const db = openDatabase(file);
  db.exec('CREATE TABLE padding (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v BLOB NOT NULL); CREATE INDEX padding_k ON padding (k)');
  const insert = db.prepare('INSERT INTO padding (k, v) VALUES (?, ?)');
  const rows = Math.ceil((mb * 1024 * 1024) / 260);
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) insert.run(randomBytes(12).toString('hex'), randomBytes(180));
  });
  for (let done = 0; done < rows; done += 50_000) batch(Math.min(50_000, rows - done));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function timed(fn: () => unknown, times: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * startup.check_ratio: the check made before opening (header + schema read by SQLite) against the
 * floor of opening the same file (pragmas, migrations already done) and closing it.
 * startup.quick_check_s_per_gb: what `quick_check` would add to every start, per GB, which is why it
 * runs in the background after opening instead (src/app.ts, checkInBackground).
 */
export async function startupFigures(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-startup-'));
  try {
    const file = join(dir, 'big.sqlite3');
    bigDatabase(file, SIZE_MB);
    const gigabytes = statSync(file).size / 1024 ** 3;
    const check = timed(() => startupProblem(file), 30);
    const open = timed(() => openDatabase(file).close(), 30);
    figures['startup.check_ratio'] = ratioFigure(check, open);
    const quick = timed(() => {
      const db = new Database(file, { readonly: true });
      db.pragma('quick_check');
      db.close();
    }, 3);
    figures['startup.quick_check_s_per_gb'] = plainFigure(median(quick) / 1000 / gigabytes, 's/GB');
    figures['startup.database_gb'] = plainFigure(gigabytes, 'GB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
