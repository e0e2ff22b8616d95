/**
 * Reading back what a thermal printer would print: IBM code page 860 (Portuguese) and the ESC/POS
 * commands our receipts use. Written from the code page chart, not from the encoder, so a wrong
 * byte in the encoder shows up as a wrong letter here.
 */

/** 0x80–0xFF of code page 860; 0x00–0x7F is ASCII. */
const CP860_HIGH = [
  'ÇüéâãàÁçêÊèÍÔìÃÂ', // 0x80
  'ÉÀÈôõòÚùÌÕÜ¢£Ù₧Ó', // 0x90
  'áíóúñÑªº¿Ò¬½¼¡«»', // 0xA0
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐', // 0xB0
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧', // 0xC0
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀', // 0xD0
  'αßΓπΣσµτΦΘΩδ∞φε∩', // 0xE0
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0', // 0xF0
].join('');

if ([...CP860_HIGH].length !== 128) throw new Error('cp860 table must have 128 entries');

export const decodeCp860 = (bytes: Iterable<number>): string =>
  Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : [...CP860_HIGH][b - 0x80])).join('');

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** Length of the ESC/POS command at `i`, or 0 when the byte is text. Covers what the encoder emits for us. */
const commandLength = (b: Uint8Array, i: number): number => {
  const [c0, c1] = [b[i], b[i + 1]];
  if (c0 === ESC) {
    if (c1 === 0x40 || c1 === 0x32) return 2; // ESC @ initialise, ESC 2 default spacing
    return 3; // ESC t n, ESC E n, ESC M n, ESC a n, ESC 3 n, ESC - n, ESC 4 n …
  }
  if (c0 === FS) return 2; // FS . single-byte mode
  if (c0 === GS) {
    if (c1 === 0x28) return 5 + (b[i + 3] ?? 0) + (b[i + 4] ?? 0) * 256; // GS ( k pL pH …
    return 3; // GS ! n, GS B n, GS V m
  }
  return 0;
};

/** Printable text of an ESC/POS job with every command removed, decoded as cp860. Line feeds kept. */
export const escposText = (bytes: Uint8Array): string => {
  const text: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const length = commandLength(bytes, i);
    if (length) {
      i += length;
      continue;
    }
    const byte = bytes[i++] ?? 0;
    if (byte >= 0x20 || byte === 0x0a) text.push(byte);
  }
  return decodeCp860(text);
};

/** Index of `needle` in `haystack`, or -1. */
export const indexOfBytes = (haystack: Uint8Array, needle: number[], from = 0): number => {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};

/** The payload of the QR "store data" command (GS ( k pL pH 31 50 30 d…), read back as text. */
export const qrStoredData = (bytes: Uint8Array): string | null => {
  const at = indexOfBytes(bytes, [GS, 0x28, 0x6b]);
  for (let i = at; i >= 0; i = indexOfBytes(bytes, [GS, 0x28, 0x6b], i + 1)) {
    const size = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
    if (bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50 && bytes[i + 7] === 0x30) {
      return decodeCp860(bytes.subarray(i + 8, i + 5 + size));
    }
  }
  return null;
};
