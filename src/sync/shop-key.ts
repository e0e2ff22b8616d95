import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../database/connection.js';
import { deleteMeta, readMeta, writeMeta } from '../database/queries/meta.js';
import { secretsOf } from '../database/secret-store.js';
import { BusinessError } from '../exceptions/business-error.js';

/**
 * The shop key: 32 random bytes shared by the shop's terminals and never sent to the server, so
 * the PIN hashes it wraps stay secret in a copy of the server's database. It lives in the
 * terminal's secret store, not in the database (a backup carries none); a new terminal receives
 * it through the join code. Never logged, never audited, never in an operation's output.
 *
 * The database keeps only its SHA-256 (which gives nothing away of 32 random bytes), so a
 * terminal knows when the key it once had is missing (its database was brought from another
 * computer) instead of making a new one that the shop's other terminals cannot read.
 */
export const SHOP_KEY_BYTES = 32;
export const SHOP_KEY_SECRET = 'shop-key';
const CHECK_META = 'shop_key_sha256';

const checkOf = (key: Buffer) => createHash('sha256').update(key).digest('hex');

/** Notes in the database that this terminal holds this key (its hash, never the key). */
export const keepShopKeyCheck = (db: Db, key: Buffer): void => writeMeta(db, CHECK_META, checkOf(key));

export function readShopKey(db: Db): Buffer | undefined {
  const stored = secretsOf(db).get(SHOP_KEY_SECRET);
  return stored === undefined ? undefined : Buffer.from(stored, 'base64url');
}

function keepShopKey(db: Db, key: Buffer): void {
  secretsOf(db).set(SHOP_KEY_SECRET, key.toString('base64url'));
  keepShopKeyCheck(db, key);
}

/** A new key, replacing none that matters: called when the shop is set up on this terminal. */
export function makeShopKey(db: Db): Buffer {
  const key = randomBytes(SHOP_KEY_BYTES);
  keepShopKey(db, key);
  return key;
}

/** The key this database once had is not in this computer's secret store. */
const keyMissing = (db: Db) => readMeta(db, CHECK_META) !== undefined;

const missingKey = () =>
  new BusinessError(
    'INVALID_STATE',
    'A chave da loja não está neste computador (o banco de dados veio de outro computador): os PINs não podem ser sincronizados. ' +
      'Em outro terminal da loja, abra Sincronização → "Mostrar código de conexão" e digite o código aqui, em Sincronização → "Chave da loja".',
    'joinCode',
  );

/**
 * The key of this shop; a shop set up before terminals kept one gets it the first time it is
 * needed. A key this database had, missing here, is never replaced by a new one.
 */
export function ensureShopKey(db: Db): Buffer {
  const key = readShopKey(db);
  if (key) return key;
  if (keyMissing(db)) throw missingKey();
  return makeShopKey(db);
}

/**
 * Keeps the key read from a join code on a terminal joining the shop. The same key again is
 * fine (the code typed twice); another key would make every PIN this terminal holds or sends
 * unreadable to its shop, so it is refused.
 */
export function installShopKey(db: Db, key: Buffer): void {
  if (key.length !== SHOP_KEY_BYTES) throw new Error(`Chave da loja com ${key.length} bytes; são ${SHOP_KEY_BYTES}.`);
  const current = readShopKey(db);
  if (current?.equals(key)) return;
  const expected = readMeta(db, CHECK_META);
  if (current || (expected !== undefined && expected !== checkOf(key))) {
    throw new BusinessError('CONFLICT', 'Este terminal já pertence a outra loja: o código de conexão é de uma loja diferente.', 'joinCode');
  }
  keepShopKey(db, key);
}

/** A join that failed before any user arrived gives the key back, so the right code can be typed next. */
export function forgetShopKey(db: Db): void {
  secretsOf(db).delete(SHOP_KEY_SECRET);
  deleteMeta(db, CHECK_META);
}
