/**
 * UUIDv7 made on the terminal (RFC 9562): 48 bits of Unix time in ms, then random bits, with the
 * version (7) and variant (10) set. The screen creates the id of what it creates before sending, so a
 * double click or a retry sends the same id and the core stores the record only once.
 */
let lastMs = 0;
let lastCounter = 0;

export function uuidv7(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);

  // Monotonic within one millisecond: the 12 bits after the version count up from a random start.
  let ms = Date.now();
  let counter = ((bytes[6]! & 0x0f) << 8) | bytes[7]!;
  if (ms <= lastMs) {
    ms = lastMs;
    counter = lastCounter + 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  }
  lastMs = ms;
  lastCounter = counter;

  // 48-bit big-endian timestamp (Math.floor keeps it exact above 2^32).
  let rest = ms;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);

  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
