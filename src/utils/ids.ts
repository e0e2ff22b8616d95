import { randomBytes, randomFillSync } from 'node:crypto';

// Random bytes drawn from a pool refilled 4 KiB at a time: a sale makes about twenty ids.
const pool = new Uint8Array(4096);
let offset = pool.length;

let lastMs = -Infinity;
let sequence = 0;

/**
 * Ids are UUIDv7 made on the terminal: they never collide across terminals and sort by creation
 * time, also within one millisecond (a counter seeded at random, as RFC 9562's method 1).
 */
export function newId(): string {
  const now = Date.now();
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const at = offset;
  offset += 16;
  if (now > lastMs) {
    lastMs = now;
    sequence = ((pool[at + 6]! & 0x7f) << 24) | (pool[at + 7]! << 16) | (pool[at + 8]! << 8) | pool[at + 9]!;
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMs += 1;
  }
  return uuidV7(lastMs, sequence, pool, at);
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Where each of the 16 bytes goes in the text, around the dashes. */
const HEX_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const bytes = new Uint8Array(16);
const text = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');

/**
 * The UUIDv7 text of a millisecond, a 31-bit counter and the random bytes at `random[at + 10…15]`,
 * laid out as RFC 9562 says (48-bit time, version 7, the counter's top 12 bits, variant 10, its low
 * 18 bits and 2 random ones, 40 random bits). Written into buffers kept for it: a sale makes about
 * twenty ids, and each costs one string, nothing else for the collector to sweep.
 */
export function uuidV7(msecs: number, seq: number, random: Uint8Array, at = 0): string {
  bytes[0] = (msecs / 0x10000000000) & 0xff;
  bytes[1] = (msecs / 0x100000000) & 0xff;
  bytes[2] = (msecs / 0x1000000) & 0xff;
  bytes[3] = (msecs / 0x10000) & 0xff;
  bytes[4] = (msecs / 0x100) & 0xff;
  bytes[5] = msecs & 0xff;
  bytes[6] = 0x70 | ((seq >>> 28) & 0x0f);
  bytes[7] = (seq >>> 20) & 0xff;
  bytes[8] = 0x80 | ((seq >>> 14) & 0x3f);
  bytes[9] = (seq >>> 6) & 0xff;
  bytes[10] = ((seq << 2) & 0xff) | (random[at + 10]! & 0x03);
  for (let i = 11; i < 16; i++) bytes[i] = random[at + i]!;
  for (let i = 0; i < 16; i++) {
    text[HEX_AT[i]!] = HEX[bytes[i]! >> 4]!;
    text[HEX_AT[i]! + 1] = HEX[bytes[i]! & 0x0f]!;
  }
  return text.toString('latin1');
}

/** A bearer secret: 32 random bytes, URL-safe. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** A short reference a cashier can read out over the phone ("Erro interno (ref 7K2M9Q)"). */
export const newErrorRef = (): string => randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(7, '0');
