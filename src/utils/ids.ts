import { randomBytes, randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

// Random bytes drawn from a pool refilled 4 KiB at a time: a sale makes about twenty ids.
const pool = new Uint8Array(4096);
let offset = pool.length;
function random16(): Uint8Array {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return bytes;
}

let lastMs = -Infinity;
let sequence = 0;

/**
 * Ids are UUIDv7 made on the terminal: they never collide across terminals and sort by creation
 * time, also within one millisecond (a counter seeded at random, as RFC 9562's method 1).
 */
export function newId(): string {
  const now = Date.now();
  const random = random16();
  if (now > lastMs) {
    lastMs = now;
    sequence = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMs += 1;
  }
  return uuidv7({ random, msecs: lastMs, seq: sequence });
}

/** A bearer secret: 32 random bytes, URL-safe. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** A short reference a cashier can read out over the phone ("Erro interno (ref 7K2M9Q)"). */
export const newErrorRef = (): string => randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(7, '0');
