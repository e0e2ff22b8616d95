import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The installers' hardening lives in electron-builder.yml, which no test would otherwise read: this
 * reads it as electron-builder does (js-yaml, electron-builder's own parser) and validates it against
 * electron-builder's schema, so a misspelt key fails here instead of being silently ignored.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  win: { target: { target: string; arch: string[] }[]; verifyUpdateCodeSignature: boolean };
  nsis: Record<string, unknown>;
  linux: { target: string[] };
  publish: { provider: string; url: string }[];
};

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts (no misspelt or unknown key)', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check itself catches a wrong key, so the line above proves something.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('burns the fuses: no Node mode, no NODE_OPTIONS, no --inspect, only an integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds a per-machine NSIS installer for Windows x64, always in Program Files', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(false);
  });

  it('builds an AppImage and a deb for Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships better-sqlite3 only as the Electron build, never the Node build nor a rebuild over it', () => {
    expect(config.files).toContain('!**/node_modules/better-sqlite3/build/**');
    expect(config.files).toContain('!build/native/**');
    expect(config.extraResources).toContainEqual({ from: 'build/native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('publishes an update feed per channel from the URL given at packaging time, checking the Windows publisher', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.BALCAO_UPDATE_URL}' }]);
    expect(config.detectUpdateChannel).toBe(true);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    // The "what changed" notes travel inside the package.
    expect(config.files).toContain('CHANGELOG.md');
  });
});
