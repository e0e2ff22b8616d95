#!/usr/bin/env node
// Exit 0 when the Electron binary is on disk (downloading it once if missing), 1 otherwise, silently.
// run.sh uses it to choose between the desktop window and browser mode.
// The path is worked out like node_modules/electron/index.js does, without requiring it: that
// module starts a download with visible output whenever the binary is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  let relativePath = null;
  try {
    relativePath = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    relativePath = null;
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relativePath || 'electron');
  return relativePath ? join(electronDir, 'dist', relativePath) : null;
}

function present() {
  const binary = electronBinary();
  return binary !== null && existsSync(binary);
}

if (present()) process.exit(0);

const installer = join(electronDir, 'install.js');
if (existsSync(installer)) {
  // One attempt; without network it fails within seconds. The timeout bounds a stalled download.
  spawnSync(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore', timeout: 10 * 60 * 1000 });
}
process.exit(present() ? 0 : 1);
