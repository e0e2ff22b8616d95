import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/models/contract.js';
import { areaModules, loadRegistry } from '../../src/services/registry.js';
import { isScript } from '../../src/services/script.js';

const SERVICES = join(import.meta.dirname, '../../src/services');

describe('the script registry', () => {
  it('has exactly one script for every operation of the contract, and nothing else', async () => {
    const registry = await loadRegistry();
    expect([...registry.keys()].sort()).toEqual(Object.keys(operations).sort());
  });

  it('names the public operations of the foundation', async () => {
    const registry = await loadRegistry();
    for (const name of ['setup.initialize', 'auth.login', 'auth.logout', 'auth.lock', 'auth.unlock', 'users.list', 'users.create', 'users.update', 'users.deactivate', 'users.resetPin', 'auth.override', 'audit.list', 'audit.verify']) {
      expect(registry.has(name), name).toBe(true);
    }
  });

  it('every module in an area folder is a script or a helper that exports no default', async () => {
    for (const area of readdirSync(SERVICES)) {
      const dir = join(SERVICES, area);
      if (!statSync(dir).isDirectory()) continue;
      for (const file of areaModules(dir, '.ts')) {
        const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
        if (module.default !== undefined) expect(isScript(module.default), file).toBe(true);
      }
    }
  });

  it('keeps scripts with roles; public ones are few and named', async () => {
    const registry = await loadRegistry();
    const publicOps = [...registry.values()].filter((s) => s.roles === 'public').map((s) => s.name).sort();
    expect(publicOps).toEqual(['auth.login', 'auth.roster', 'devices.pairingStatus', 'devices.requestPairing', 'recovery.restore', 'recovery.status', 'setup.initialize', 'setup.join', 'setup.joinProgress', 'setup.status', 'system.ping']);
  });
});
