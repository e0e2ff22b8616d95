import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The release workflow runs only on GitHub: this reads it (with electron-builder's own YAML parser) and checks what it promises. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  strategy?: { matrix: { include: { os: string; target: string }[] } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = yaml.load(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

describe('.github/workflows/release.yml', () => {
  it('runs on a version tag', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({ contents: 'write' });
  });

  it('first checks the tag against package.json, the branch and the changelog', () => {
    const check = runs(workflow.jobs.check!);
    expect(check).toContain("require('./package.json').version");
    expect(check).toMatch(/branch=develop/);
    expect(check).toMatch(/branch=main/);
    expect(check).toContain('CHANGELOG.md');
  });

  it('builds and tests on Windows and Linux, then packages with the feed URL and the signing secrets', () => {
    const build = workflow.jobs.build!;
    expect(build.needs).toBe('check');
    expect(build.strategy!.matrix.include).toEqual([
      { os: 'ubuntu-latest', target: '--linux' },
      { os: 'windows-latest', target: '--win' },
    ]);
    expect(build.env!.BALCAO_UPDATE_URL).toBe('${{ vars.BALCAO_UPDATE_URL }}');
    const commands = runs(build);
    const tests = commands.indexOf('npx vitest run');
    const dist = commands.indexOf('npm run dist -- ${{ matrix.target }}');
    expect(commands).toContain('npm run --silent typecheck');
    expect(tests).toBeGreaterThan(-1);
    expect(dist).toBeGreaterThan(tests);
    const distStep = build.steps.find((step) => step.run?.startsWith('npm run dist'))!;
    expect(distStep.env).toMatchObject({ CSC_LINK: '${{ secrets.WIN_CSC_LINK }}', CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}' });
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(String(upload.with!.path)).toContain('release/*.yml');
  });

  it('publishes the installers and the channel files, the channel files last', () => {
    const publish = workflow.jobs.publish!;
    expect(publish.needs).toEqual(['check', 'build']);
    const commands = runs(publish);
    expect(commands).toContain('gh release create');
    expect(commands).toContain('--prerelease');
    const installers = commands.indexOf('--exclude "*.yml"');
    const feeds = commands.indexOf('--include "*.yml"');
    expect(installers).toBeGreaterThan(-1);
    expect(feeds).toBeGreaterThan(installers);
  });
});
