import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReleaseNote } from '../models/updates.js';
import { compareVersions } from './update-rules.js';

/**
 * "What changed" comes from CHANGELOG.md, shipped inside the package. Why not the feed's release notes:
 * they reach the old version while it downloads, and are gone once the new one starts; the file is in
 * the version it describes, works offline and in browser mode, and is reviewed with the code.
 */

/** `## [1.2.0] - 2026-12-01` or `## 1.2.0`: one section per version, its text up to the next heading of that level. */
const SECTION = /^##\s+\[?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?[^\n]*$/gm;

export function parseChangelog(text: string): ReleaseNote[] {
  const headings = [...text.matchAll(SECTION)];
  return headings.map((heading, i) => {
    const start = heading.index + heading[0].length;
    const end = headings[i + 1]?.index ?? text.length;
    return { version: heading[1]!, notes: text.slice(start, end).trim() };
  });
}

/**
 * The notes an admin or manager sees after an update: versions newer than the last one seen on this
 * terminal, up to the running one, newest first. A terminal with none seen yet (a new install) has
 * nothing to be told: its first version is recorded as seen instead.
 */
export function notesToShow(notes: readonly ReleaseNote[], lastSeen: string | null, current: string): ReleaseNote[] {
  if (lastSeen === null) return [];
  return notes
    .filter((note) => compareVersions(note.version, lastSeen) > 0 && compareVersions(note.version, current) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version));
}

export interface AppPackage {
  version: string;
  changelog: string;
}

let cached: AppPackage | null = null;

/**
 * The running app's version and changelog, from the folder holding its package.json: the project in
 * development and browser mode, app.asar when packaged (src/updates and build/src/updates sit at
 * different depths, so it is looked for upwards).
 */
export function appPackage(): AppPackage {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json do Balcão não encontrado.');
    dir = parent;
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const changelogFile = join(dir, 'CHANGELOG.md');
  cached = { version, changelog: existsSync(changelogFile) ? readFileSync(changelogFile, 'utf8') : '' };
  return cached;
}
