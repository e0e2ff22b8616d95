import { randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: the code is read from a terminal and typed on a tablet.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time code for setting the shop up from another device: 12 characters (about 59 bits), as XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

const normalized = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Whether the typed code is the one shown at start-up; case, spaces and dashes do not matter. */
export function setupCodeMatches(expected: string, typed: string | undefined): boolean {
  if (!typed) return false;
  const a = Buffer.from(normalized(expected));
  const b = Buffer.from(normalized(typed));
  return a.length === b.length && timingSafeEqual(a, b);
}
