/**
 * A child process for the restore crash test: puts two backups in place of the database by turns,
 * each time as a restore does (the database opened, its WAL folded in, closed, then swapped), and
 * prints "swapped N" after each. The parent kills it with SIGKILL at some moment of a swap.
 */
import { join } from 'node:path';
import { openDatabase } from '../../src/database/connection.js';
import { DATABASE_FILE } from '../../src/database/data-dir.js';
import { swapDatabaseFile } from '../../src/database/restore.js';

const [dataDir, first, second] = process.argv.slice(2);
if (!dataDir || !first || !second) throw new Error('usage: swap-writer <dataDir> <backup> <backup>');
const file = join(dataDir, DATABASE_FILE);

for (let i = 1; ; i++) {
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  await swapDatabaseFile(file, i % 2 ? first : second);
  process.stdout.write(`swapped ${i}\n`);
}
