import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Desktop smoke test: the real window, its isolation and the IPC bridge. It needs the Electron binary,
 * which cannot be downloaded everywhere; without it the test is skipped and says why.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

/** The binary's path, worked out like node_modules/electron/index.js (requiring it would start a download). */
function electronBinary(): string | null {
  let relativePath = '';
  try {
    relativePath = readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8').trim();
  } catch {
    relativePath = '';
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, relativePath || 'electron');
  return relativePath ? join(ELECTRON_DIR, 'dist', relativePath) : null;
}

/**
 * Why not runnable here, or null. The test never downloads anything: the binary is there (./run.sh
 * fetches it when starting the desktop app) or the test is skipped, and the native build follows.
 */
function skipReason(): string | null {
  const binary = electronBinary();
  if (!binary || !existsSync(binary)) {
    return 'o binário do Electron não está instalado nesta máquina (node_modules/electron/dist ausente; ./run.sh o baixa ao abrir o app); o resto do app é testado no modo navegador';
  }
  const native = spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (native.status !== 0) {
    return `o better-sqlite3 para o Electron não pôde ser compilado (${(native.stderr || native.stdout).trim() || `código ${native.status}`})`;
  }
  return null;
}

test.describe('desktop (Electron)', () => {
  let reason: string | null = null;

  test.beforeAll(() => {
    test.setTimeout(15 * 60 * 1000); // the first native build compiles SQLite: a few minutes
    reason = skipReason();
    if (reason) console.log(`Teste do Electron pulado: ${reason}.`);
  });

  test('abre a janela isolada com a ponte window.pos', async () => {
    test.skip(reason !== null, `Teste do Electron pulado: ${reason}.`);
    expect(existsSync(join(ROOT, 'build', 'electron', 'main.js')), 'rode npm run build antes do teste').toBe(true);
    expect(existsSync(join(ROOT, 'build', 'renderer', 'index.html')), 'rode npm run build antes do teste').toBe(true);

    const dataDir = mkdtempSync(join(tmpdir(), 'balcao-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    env.BALCAO_DATA_DIR = dataDir;

    const app = await electron.launch({ executablePath: electronBinary()!, args: [ROOT], cwd: ROOT, env, timeout: 60_000 });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await expect.poll(() => page.title(), { timeout: 20_000 }).toContain('Balcão');

      // The page sees the bridge's two functions and nothing of Node.
      const shape = await page.evaluate(() => {
        const scope = globalThis as unknown as Record<string, unknown> & { pos?: Record<string, unknown> };
        return {
          pos: typeof scope.pos,
          invoke: typeof scope.pos?.invoke,
          subscribe: typeof scope.pos?.subscribe,
          require: typeof scope.require,
          process: typeof scope.process,
          module: typeof scope.module,
        };
      });
      expect(shape).toEqual({ pos: 'object', invoke: 'function', subscribe: 'function', require: 'undefined', process: 'undefined', module: 'undefined' });

      // A fresh data folder: the core answers through IPC that the shop is not set up yet (setup screen).
      const status = await page.evaluate(() => {
        const pos = (globalThis as unknown as { pos: { invoke(o: string, i: unknown, t: string | null): Promise<unknown> } }).pos;
        return pos.invoke('setup.status', {}, null);
      });
      expect(status).toEqual({ ok: true, result: { initialized: false } });

      // The page is refused every permission, even when it only checks (notifications, camera, location).
      const permissions = await page.evaluate(async () => {
        type Permissions = { query(descriptor: { name: string }): Promise<{ state: string }> };
        const { permissions: api } = (globalThis as unknown as { navigator: { permissions: Permissions } }).navigator;
        const states: string[] = [];
        for (const name of ['notifications', 'geolocation', 'camera']) states.push((await api.query({ name })).state);
        return states;
      });
      expect(permissions).toEqual(['denied', 'denied', 'denied']);

      // The window shows our own protocol, not file://.
      const shown = await app.evaluate(({ BrowserWindow }) => {
        const window = BrowserWindow.getAllWindows()[0];
        return window ? { url: window.webContents.getURL() } : null;
      });
      expect(shown?.url.startsWith('balcao://app/')).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
