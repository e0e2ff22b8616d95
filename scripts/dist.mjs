#!/usr/bin/env node
// Packages the installers (npm run dist): checks what the packaging takes from the environment, then runs
// electron-builder with electron-builder.yml and the arguments given (npm run dist -- --win).
//   --check    only the checks (npm run dist runs it before the slow build)
//   --dry-run  the checks, then print the electron-builder command as JSON instead of running it
// Exit codes: 0 done, 1 refused (the reason in Portuguese on stderr), else electron-builder's own.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const dryRun = args.includes('--dry-run');
const builderArgs = args.filter((arg) => arg !== '--check' && arg !== '--dry-run');

function refuse(message) {
  console.error(`Empacotamento recusado: ${message}`);
  process.exit(1);
}

/**
 * Every installed terminal fetches its updates from this address, so it must be HTTPS: over plain HTTP
 * anyone on the shop's network could hand the terminals another program. It is written inside every
 * installer (app-update.yml), so it must not carry a password either.
 */
function checkUpdateUrl(raw) {
  const value = (raw ?? '').trim();
  if (!value) {
    refuse('Defina BALCAO_UPDATE_URL com o endereço das atualizações, começando com https:// (ex.: https://atualizacoes.minhaloja.com.br/balcao/).');
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    refuse('BALCAO_UPDATE_URL não é um endereço válido; use um endereço https:// (ex.: https://atualizacoes.minhaloja.com.br/balcao/).');
  }
  if (url.protocol !== 'https:' || !url.hostname) {
    refuse(`BALCAO_UPDATE_URL precisa começar com https:// (recebido: ${url.protocol}//…). Sem HTTPS, qualquer um na rede da loja poderia entregar outro programa como atualização.`);
  }
  if (url.username || url.password) {
    refuse('BALCAO_UPDATE_URL não pode ter usuário ou senha: o endereço vai escrito dentro de cada instalador.');
  }
}

checkUpdateUrl(process.env.BALCAO_UPDATE_URL);

const buildsWindows = builderArgs.some((arg) => arg === '--win' || arg === '-w' || arg === '--windows') || (process.platform === 'win32' && !builderArgs.some((arg) => arg === '--linux' || arg === '-l'));
if (buildsWindows && !process.env.CSC_LINK && !process.env.WIN_CSC_LINK) {
  console.error(
    'Aviso: instalador do Windows sem assinatura (CSC_LINK não definido). O Windows SmartScreen vai alertar quem instalar, ' +
      'e o aplicativo não terá um editor para conferir nas atualizações. Veja docs/releases.md, "Assinatura de código".',
  );
}

if (checkOnly) process.exit(0);

const command = [createRequire(import.meta.url).resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml'];
// Why here and not in the YAML: electron-builder does not expand ${env.…} in publisherName.
const publisher = process.env.BALCAO_WIN_PUBLISHER?.trim();
if (publisher) command.push(`-c.win.signtoolOptions.publisherName=${publisher}`);
command.push(...builderArgs);

if (dryRun) {
  process.stdout.write(`${JSON.stringify({ args: command })}\n`);
  process.exit(0);
}

const result = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit' });
if (result.error) refuse(`não foi possível iniciar o electron-builder (${result.error.message}).`);
process.exit(result.status ?? 1);
