import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `npm run dist` goes through scripts/dist.mjs: it refuses an update feed that is not HTTPS before packaging anything. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'dist.mjs');

function runDist(env: Record<string, string | undefined>, args: string[] = []) {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('BALCAO_') && !key.endsWith('CSC_LINK')) base[key] = value;
  }
  for (const [key, value] of Object.entries(env)) if (value !== undefined) base[key] = value;
  const result = spawnSync(process.execPath, [SCRIPT, '--dry-run', ...args], { cwd: ROOT, env: base, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/dist.mjs', () => {
  it('refuses to package without an update address', () => {
    const run = runDist({});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('BALCAO_UPDATE_URL');
    expect(run.stderr).toMatch(/Defina/);
  });

  it('refuses anything but https://, with the reason in Portuguese', () => {
    for (const url of ['http://updates.example.com/balcao/', 'ftp://updates.example.com/', 'file:///srv/updates/', 'updates.example.com/balcao', 'https://', '   ']) {
      const run = runDist({ BALCAO_UPDATE_URL: url });
      expect(run.status, url).toBe(1);
      expect(run.stderr, url).toMatch(/https:\/\//);
      expect(run.stdout, url).toBe('');
    }
  });

  it('refuses an address carrying a user or password (it would be written inside every installer)', () => {
    const run = runDist({ BALCAO_UPDATE_URL: 'https://deploy:segredo@updates.example.com/balcao/' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/usuário ou senha/);
    expect(run.stderr).not.toContain('segredo');
  });

  it('hands an https:// feed to electron-builder with the project config and the arguments given', () => {
    const run = runDist({ BALCAO_UPDATE_URL: 'https://updates.example.com/balcao/' }, ['--linux', '--publish', 'never']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const planned = JSON.parse(run.stdout) as { args: string[] };
    expect(planned.args.slice(1)).toEqual(['--config', 'electron-builder.yml', '--linux', '--publish', 'never']);
    expect(planned.args[0]).toMatch(/electron-builder[/\\]cli\.js$/);
  });

  it('passes the Windows publisher to check updates against, when given', () => {
    const run = runDist({ BALCAO_UPDATE_URL: 'https://updates.example.com/balcao/', BALCAO_WIN_PUBLISHER: 'Lanchonete Exemplo Ltda', CSC_LINK: '/tmp/cert.pfx' }, ['--win']);
    expect(run.status).toBe(0);
    const planned = JSON.parse(run.stdout) as { args: string[] };
    expect(planned.args).toContain('-c.win.signtoolOptions.publisherName=Lanchonete Exemplo Ltda');
    expect(run.stderr).toBe('');
  });

  it('warns that a Windows installer without a certificate is unsigned, and still builds it', () => {
    const run = runDist({ BALCAO_UPDATE_URL: 'https://updates.example.com/balcao/' }, ['--win']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/sem assinatura/);
    expect(run.stderr).toMatch(/SmartScreen/);
  });
});
