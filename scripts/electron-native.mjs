#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into build/native/electron/better_sqlite3.node.
// node_modules/better-sqlite3/build is never touched: the tests and browser mode use that Node build,
// so the desktop compiles a private copy of the sources instead of rebuilding in place.
// Exit codes: 0 ready (built or already current), 2 could not build (run.sh falls back to browser mode).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'node_modules', 'better-sqlite3');
const workDir = join(root, 'build', 'native', 'electron-src');
const outDir = join(root, 'build', 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const logFile = join(root, 'build', 'native', 'electron-build.log');

function fail(reason) {
  console.error(`Não foi possível preparar o banco de dados para o Electron: ${reason}`);
  process.exit(2);
}

function versionOf(packageDir) {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

const electronVersion = versionOf(join(root, 'node_modules', 'electron'));
const sqliteVersion = versionOf(sourceDir);
if (!electronVersion) fail('o pacote electron não está instalado (rode npm install).');
if (!sqliteVersion) fail('o pacote better-sqlite3 não está instalado (rode npm install).');

const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, arch: process.arch, platform: process.platform };

function isCurrent() {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  try {
    const found = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(stamp).every(([key, value]) => found[key] === value);
  } catch {
    return false;
  }
}

if (isCurrent()) process.exit(0);

// A private copy of the sources, without the Node build, so node-gyp writes only under build/native.
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
try {
  cpSync(sourceDir, workDir, {
    recursive: true,
    filter: (from) => {
      const inside = relative(sourceDir, from);
      const top = inside.split(sep)[0];
      return top !== 'build' && top !== 'node_modules';
    },
  });
} catch (error) {
  fail(`não deu para copiar as fontes do better-sqlite3 (${error instanceof Error ? error.message : String(error)}).`);
}

// The project's own node-gyp when present (no download, same on every OS); npx otherwise.
const gypArgs = [
  'rebuild',
  '--release',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  '--dist-url=https://electronjs.org/headers',
  '--runtime=electron',
  // Electron's headers live apart from Node's, as Electron's docs recommend.
  `--devdir=${join(homedir(), '.electron-gyp')}`,
];
let command;
let args;
try {
  command = process.execPath;
  args = [createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js'), ...gypArgs];
} catch {
  command = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  args = ['node-gyp', ...gypArgs];
}

console.log(`Compilando o better-sqlite3 ${sqliteVersion} para o Electron ${electronVersion} (${process.arch}); leva alguns minutos…`);
const result = spawnSync(command, args, {
  cwd: workDir,
  encoding: 'utf8',
  shell: process.platform === 'win32' && command !== process.execPath,
  maxBuffer: 64 * 1024 * 1024,
});
mkdirSync(dirname(logFile), { recursive: true });
writeFileSync(logFile, `${command} ${args.join(' ')}\n\n${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ? String(result.error) : ''}\n`);

const built = join(workDir, 'build', 'Release', 'better_sqlite3.node');
if (result.error || result.status !== 0 || !existsSync(built)) {
  const hint = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(`${result.stdout}${result.stderr}`)
    ? 'sem acesso aos cabeçalhos do Electron (electronjs.org)'
    : 'a compilação falhou';
  fail(`${hint}; detalhes em ${relative(root, logFile)}.`);
}

mkdirSync(outDir, { recursive: true });
copyFileSync(built, outFile);
writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
console.log(`Banco de dados do Electron pronto: ${relative(root, outFile)}`);
