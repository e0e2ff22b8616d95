import { readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { operations, type OperationName } from '../models/contract.js';
import { isScript, type AnyScript } from './script.js';

export type Registry = ReadonlyMap<string, AnyScript>;

const SERVICES_DIR = dirname(fileURLToPath(import.meta.url));

/** The modules of an area folder and of its subfolders (services/reports/dashboard/*), in a stable order. */
export function areaModules(areaDir: string, ext: string): string[] {
  const modules: string[] = [];
  for (const entry of readdirSync(areaDir).sort()) {
    const path = join(areaDir, entry);
    if (statSync(path).isDirectory()) modules.push(...areaModules(path, ext));
    else if (extname(entry) === ext && !entry.endsWith(`.d${ext}`)) modules.push(path);
  }
  return modules;
}

/**
 * Finds every script: the default export of each module in an area folder (services/<area>/*, and
 * its subfolders). Adding an operation is adding its file; a contract entry with no script, or two
 * scripts for one operation, stops the app at start-up.
 */
export async function loadRegistry(dir: string = SERVICES_DIR): Promise<Registry> {
  const ext = extname(fileURLToPath(import.meta.url)); // .ts under tests, .js when built
  const registry = new Map<string, AnyScript>();
  for (const area of readdirSync(dir).sort()) {
    const areaDir = join(dir, area);
    if (!statSync(areaDir).isDirectory()) continue;
    for (const file of areaModules(areaDir, ext)) {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (!isScript(module.default)) continue;
      const script = module.default;
      if (registry.has(script.name)) throw new Error(`Duas implementações para a operação ${script.name} (${relative(dir, file)}).`);
      registry.set(script.name, script);
    }
  }
  const missing = (Object.keys(operations) as OperationName[]).filter((name) => !registry.has(name));
  if (missing.length) throw new Error(`Operações do contrato sem implementação: ${missing.join(', ')}.`);
  return registry;
}
