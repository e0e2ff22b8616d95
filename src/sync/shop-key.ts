import { randomBytes } from 'node:crypto';
import type { Db } from '../database/connection.js';
import { deleteMeta, readMeta, writeMeta } from '../database/queries/meta.js';
import { BusinessError } from '../exceptions/business-error.js';

/**
 * The shop key: 32 random bytes shared by the shop's terminals and never sent to the server, so
 * the PIN hashes it wraps stay secret in a copy of the server's database. It lives in the local
 * `meta` table; a new terminal receives it through the join code. Never logged, never audited,
 * never in an operation's output.
 */
export const SHOP_KEY_BYTES = 32;
const META_KEY = 'shop_key';

export function readShopKey(db: Db): Buffer | undefined {
  const stored = readMeta(db, META_KEY);
  return stored === undefined ? undefined : Buffer.from(stored, 'base64url');
}

/** A new key, replacing none that matters: called when the shop is set up on this terminal. */
export function makeShopKey(db: Db): Buffer {
  const key = randomBytes(SHOP_KEY_BYTES);
  writeMeta(db, META_KEY, key.toString('base64url'));
  return key;
}

/** The key of this shop; a shop set up before terminals kept one gets it the first time it is needed. */
export const ensureShopKey = (db: Db): Buffer => readShopKey(db) ?? makeShopKey(db);

/**
 * Keeps the key read from a join code on a terminal joining the shop. The same key again is
 * fine (the code typed twice); another key would make every PIN this terminal holds or sends
 * unreadable to its shop, so it is refused.
 */
export function installShopKey(db: Db, key: Buffer): void {
  if (key.length !== SHOP_KEY_BYTES) throw new Error(`Chave da loja com ${key.length} bytes; são ${SHOP_KEY_BYTES}.`);
  const current = readShopKey(db);
  if (current?.equals(key)) return;
  if (current) {
    throw new BusinessError('CONFLICT', 'Este terminal já pertence a outra loja: o código de conexão é de uma loja diferente.', 'joinCode');
  }
  writeMeta(db, META_KEY, key.toString('base64url'));
}

/** A join that failed before any user arrived gives the key back, so the right code can be typed next. */
export function forgetShopKey(db: Db): void {
  deleteMeta(db, META_KEY);
}
