import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');

/** The V8 flags before `script` on the line of `text` that starts node with it. */
function flagsBefore(text: string, script: string): string[] {
  const line = text.split('\n').find((l) => l.includes(`node `) && l.includes(script));
  const match = line && new RegExp(`node ((?:--[\\w-]+=\\S+ )*)${script.replaceAll('.', '\\.')}`).exec(line);
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

/** The young generation's size in MB of a node started with `flags`, read at once (before anything grows it). */
function youngGenerationMb(flags: string[]): number {
  const script = "const v8 = require('node:v8'); process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size))";
  return Number(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' })) / 2 ** 20;
}

describe('the young generation of the process that sells', () => {
  const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
  const browserMode = flagsBefore(read('run.sh'), 'build/src/web.js');

  it('is the same in ./run.sh, npm run web and the benchmarks that measure it', () => {
    expect(browserMode).toEqual(['--min-semi-space-size=32', '--max-semi-space-size=32']);
    expect(flagsBefore(scripts.web!, 'build/src/web.js')).toEqual(browserMode);
    expect(flagsBefore(scripts.bench!, 'build/bench/run.js')).toEqual(browserMode);
  });

  it('starts at 32 MB with those flags, where V8 would start it at 1 MB and grow it to 16 MB at most', () => {
    expect(youngGenerationMb([])).toBeLessThan(16);
    expect(youngGenerationMb(browserMode)).toBeGreaterThanOrEqual(32);
  });
});
