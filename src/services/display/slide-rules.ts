import { extname } from 'node:path';

/**
 * The idle slides come from a folder the admin chose and go to screens on the shop's network, so what
 * is served is checked by name and by content: only pictures a browser shows as pictures (no SVG, which
 * can carry scripts), no name that leaves the folder, nothing large enough to choke a cheap tablet.
 */
export const SLIDE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

export const SLIDE_MAX_BYTES = 4 * 1024 * 1024;
/** Slides listed at most: a folder of thousands of photos is not a slideshow. */
export const SLIDES_MAX = 60;

/** A plain file name of a picture inside the folder: no separators, no climbing out, no hidden files. */
export function isSlideName(name: string): boolean {
  if (!name || name.length > 200 || name.startsWith('.')) return false;
  if (/[/\\\0]/.test(name) || name.includes('..')) return false;
  return extname(name).toLowerCase() in SLIDE_TYPES;
}

/** The content type the first bytes prove, when it is the one the name's extension says; null otherwise. */
export function slideContentType(name: string, head: Uint8Array): string | null {
  const expected = SLIDE_TYPES[extname(name).toLowerCase()];
  if (!expected) return null;
  const starts = (bytes: number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte);
  const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
  const proven = starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    ? 'image/png'
    : starts([0xff, 0xd8, 0xff])
      ? 'image/jpeg'
      : starts(ascii('GIF87a')) || starts(ascii('GIF89a'))
        ? 'image/gif'
        : starts(ascii('RIFF')) && starts(ascii('WEBP'), 8)
          ? 'image/webp'
          : null;
  return proven === expected ? proven : null;
}

/** The folder's pictures in the order they rotate (by name, so the owner orders them 01-, 02-…). */
export const slideNames = (entries: readonly string[]): string[] =>
  entries
    .filter(isSlideName)
    .sort((a, b) => a.localeCompare(b, 'pt-BR', { numeric: true }))
    .slice(0, SLIDES_MAX);
