import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import { newId } from '../../utils/ids.js';

export interface TerminalIdentity {
  id: string;
  letter: string | null;
  shopId: string | null;
  shopName: string | null;
}

export const readMeta = (db: Db, key: string): string | undefined =>
  sql<[string], { value: string }>(db, 'SELECT value FROM meta WHERE key = ?').get(key)?.value;

export const writeMeta = (db: Db, key: string, value: string): void => {
  sql(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
};

export const deleteMeta = (db: Db, key: string): void => {
  sql(db, 'DELETE FROM meta WHERE key = ?').run(key);
};

/** This database file is one terminal; its id is made the first time the file is opened. */
export function ensureTerminalId(db: Db): string {
  const existing = readMeta(db, 'terminal_id');
  if (existing) return existing;
  const id = newId();
  writeMeta(db, 'terminal_id', id);
  return id;
}

/** The order-number letter of a terminal of the shop (this one or another, once synced); null before it is known here. */
export const terminalLetter = (db: Db, terminalId: string): string | null =>
  sql<[string], { letter: string }>(db, 'SELECT letter FROM terminals WHERE id = ?').get(terminalId)?.letter ?? null;

export function readTerminalIdentity(db: Db): TerminalIdentity {
  const id = ensureTerminalId(db);
  const shop = sql<[], { id: string; name: string }>(db, 'SELECT id, name FROM shop LIMIT 1').get();
  return { id, letter: terminalLetter(db, id), shopId: shop?.id ?? null, shopName: shop?.name ?? null };
}
