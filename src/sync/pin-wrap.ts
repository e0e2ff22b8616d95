import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';

/**
 * A user's PIN hash leaves the terminal wrapped with the shop key (AES-256-GCM under keys derived
 * by HKDF), so a copy of the server's database gives away no PIN: a bare bcrypt hash of a 4–6
 * digit PIN falls to a million guesses in seconds.
 *
 * The wrap is deterministic: its IV comes from the change (an HMAC of its id, its user and the
 * hash), so the same change pushed again is the same bytes and the server sees a retry, not a
 * divergence. As the IV follows the hash too, two different hashes never share one. The change
 * id and user are bound in as associated data: a wrapped hash moved to another change or user
 * does not open.
 *
 * The wrapped value says what it is (`v1:` + base64url of IV | ciphertext | tag), so a raw hash
 * is never taken for a wrapped one.
 */
const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The change a PIN hash travels in. */
export interface PinCarrier {
  id: string;
  entityId: string;
}

const derive = (shopKey: Buffer, purpose: string) => Buffer.from(hkdfSync('sha256', shopKey, Buffer.alloc(0), `balcao pin-wrap v1 ${purpose}`, 32));
const boundTo = (change: PinCarrier) => Buffer.from(`${change.id}\0${change.entityId}`);

export function wrapPinHash(shopKey: Buffer, change: PinCarrier, pinHash: string): string {
  const bound = boundTo(change);
  const iv = createHmac('sha256', derive(shopKey, 'iv')).update(bound).update('\0').update(pinHash).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', derive(shopKey, 'cipher'), iv).setAAD(bound);
  const sealed = Buffer.concat([cipher.update(pinHash, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

const notWrapped = () =>
  new Error('O PIN do usuário chegou sem a proteção da chave da loja; a alteração foi recusada (servidor adulterado ou terminal desatualizado).');
const wrongKey = () =>
  new Error('O PIN do usuário não abre com a chave desta loja; a alteração foi recusada (o servidor é de outra loja ou foi adulterado).');

/** The PIN hash inside a wrapped value; refused when it is not one, or not wrapped with this shop's key for this change. */
export function unwrapPinHash(shopKey: Buffer | undefined, change: PinCarrier, wrapped: unknown): string {
  if (typeof wrapped !== 'string' || !wrapped.startsWith(PREFIX)) throw notWrapped();
  if (!shopKey) throw new Error('Este terminal ainda não tem a chave da loja: conecte-o com o código de conexão antes de receber os usuários.');
  const encoded = wrapped.slice(PREFIX.length);
  const bytes = Buffer.from(encoded, 'base64url');
  // The decoder skips stray characters and spare bits: only the exact encoding of the bytes is accepted.
  if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== encoded) throw wrongKey();
  const decipher = createDecipheriv('aes-256-gcm', derive(shopKey, 'cipher'), bytes.subarray(0, IV_BYTES)).setAAD(boundTo(change));
  decipher.setAuthTag(bytes.subarray(-TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, -TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw wrongKey();
  }
}

type Data = Record<string, unknown>;

/** A user change's data as it leaves the terminal: its PIN hash, when it carries one, wrapped. */
export function wrapUserPin(shopKey: Buffer, change: PinCarrier, data: Data): Data {
  if (typeof data.pinHash !== 'string') return data;
  return { ...data, pinHash: wrapPinHash(shopKey, change, data.pinHash) };
}

/** A pulled user change's data, its PIN hash unwrapped before any field is written. */
export function unwrapUserPin(shopKey: Buffer | undefined, change: PinCarrier, data: Data): Data {
  if (data.pinHash === undefined) return data;
  return { ...data, pinHash: unwrapPinHash(shopKey, change, data.pinHash) };
}
