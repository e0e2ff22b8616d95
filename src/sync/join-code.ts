import type { Db } from '../database/connection.js';
import { readTerminalIdentity } from '../database/queries/meta.js';
import { BusinessError } from '../exceptions/business-error.js';
import { ensureShopKey, SHOP_KEY_BYTES } from './shop-key.js';

/**
 * The join code a new terminal is given to join the shop: the shop's id and the shop key, nothing
 * else (the connection string is typed separately, so the code alone opens no database). Made to be
 * pasted or read aloud: `BALCAO-` and groups of 4 symbols of Crockford base32 (no I, L, O or U to
 * mistake), the last 5 a check.
 *
 * The check is the code's value modulo a prime just below 32^5: one mistyped symbol changes the
 * value by d·32^k, two swapped neighbours by d·31·32^k (0 < |d| < 32), and the prime divides
 * neither, so both mistakes are always caught (a typo in the check itself, too); any other mistake
 * slips by about once in 33 million.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'BALCAO';
const VERSION = 1;
const SHOP_ID_BYTES = 16;
const PAYLOAD_BYTES = 1 + SHOP_ID_BYTES + SHOP_KEY_BYTES;
/** The payload's bits in 5-bit symbols; the spare bits of the last one are zeros. */
const DATA_SYMBOLS = Math.ceil((PAYLOAD_BYTES * 8) / 5);
const SPARE_BITS = BigInt(DATA_SYMBOLS * 5 - PAYLOAD_BYTES * 8);
const CHECK_SYMBOLS = 5;
const CHECK_PRIME = 33_554_393n;

export interface JoinCode {
  shopId: string;
  shopKey: Buffer;
}

const toSymbols = (value: bigint, count: number) =>
  Array.from({ length: count }, (_, i) => ALPHABET[Number((value >> BigInt(5 * (count - 1 - i))) & 31n)]).join('');

const fromSymbols = (symbols: string) => [...symbols].reduce((value, symbol) => (value << 5n) | BigInt(ALPHABET.indexOf(symbol)), 0n);

export function encodeJoinCode({ shopId, shopKey }: JoinCode): string {
  const idHex = shopId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(idHex) || shopKey.length !== SHOP_KEY_BYTES) throw new Error('Loja sem id ou chave válidos para o código de conexão.');
  const payload = Buffer.concat([Buffer.of(VERSION), Buffer.from(idHex, 'hex'), shopKey]);
  const value = BigInt(`0x${payload.toString('hex')}`) << SPARE_BITS;
  const symbols = toSymbols(value, DATA_SYMBOLS) + toSymbols(value % CHECK_PRIME, CHECK_SYMBOLS);
  return [PREFIX, ...symbols.match(/.{1,4}/g)!].join('-');
}

const invalid = () => new BusinessError('VALIDATION', 'Código de conexão inválido: confira as letras e números', 'joinCode');

/** The shop id and key in a typed or pasted code; case, spaces, dashes, accents and the prefix are forgiven. */
export function readJoinCode(text: string): JoinCode {
  const typed = text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[\s-]/g, '');
  // The prefix goes before the look-alikes are read as digits: its L and O are letters.
  const symbols = (typed.startsWith(PREFIX) ? typed.slice(PREFIX.length) : typed).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== DATA_SYMBOLS + CHECK_SYMBOLS || [...symbols].some((s) => !ALPHABET.includes(s))) throw invalid();
  const value = fromSymbols(symbols.slice(0, DATA_SYMBOLS));
  if (value % CHECK_PRIME !== fromSymbols(symbols.slice(DATA_SYMBOLS))) throw invalid();
  const payload = Buffer.from((value >> SPARE_BITS).toString(16).padStart(PAYLOAD_BYTES * 2, '0'), 'hex');
  if (payload[0] !== VERSION) throw invalid();
  const id = payload.subarray(1, 1 + SHOP_ID_BYTES).toString('hex');
  return {
    shopId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`,
    shopKey: payload.subarray(1 + SHOP_ID_BYTES),
  };
}

/** The join code of the shop this terminal belongs to, to show to whoever sets up the next terminal. */
export function makeJoinCode(db: Db): string {
  const { shopId } = readTerminalIdentity(db);
  if (!shopId) throw new BusinessError('NOT_INITIALIZED', 'A loja ainda não foi configurada neste terminal: não há código de conexão para mostrar.');
  return encodeJoinCode({ shopId, shopKey: ensureShopKey(db) });
}
