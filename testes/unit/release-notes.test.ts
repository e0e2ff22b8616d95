import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPackage, notesToShow, parseChangelog } from '../../src/updates/release-notes.js';

const CHANGELOG = `# Novidades do Balcão

Texto de abertura, ignorado.

## [1.3.0-beta.1] - 2026-12-10
- Teste do novo relatório.

## [1.2.0] - 2026-12-01
### Caixa
- Sangria com limite.

## 1.1.0
- Atualizações automáticas.

## [1.0.0] - 2026-10-01
- Primeira versão.
`;

describe('parseChangelog', () => {
  it('takes each version section with its text', () => {
    expect(parseChangelog(CHANGELOG)).toEqual([
      { version: '1.3.0-beta.1', notes: '- Teste do novo relatório.' },
      { version: '1.2.0', notes: '### Caixa\n- Sangria com limite.' },
      { version: '1.1.0', notes: '- Atualizações automáticas.' },
      { version: '1.0.0', notes: '- Primeira versão.' },
    ]);
  });

  it('finds nothing in a text with no version heading', () => {
    expect(parseChangelog('# Novidades\n\nNada ainda.')).toEqual([]);
  });
});

describe('notesToShow (once per version, on this terminal)', () => {
  const all = parseChangelog(CHANGELOG);

  it('shows what came after the version last seen, up to the running one, newest first', () => {
    expect(notesToShow(all, '1.0.0', '1.2.0').map((n) => n.version)).toEqual(['1.2.0', '1.1.0']);
  });

  it('shows nothing once the running version was seen', () => {
    expect(notesToShow(all, '1.2.0', '1.2.0')).toEqual([]);
  });

  it('shows nothing on a terminal that never ran an older version (a new install changed nothing for it)', () => {
    expect(notesToShow(all, null, '1.2.0')).toEqual([]);
  });

  it('never shows notes of a version newer than the running one (a beta entry on a stable terminal)', () => {
    expect(notesToShow(all, '1.1.0', '1.2.0').map((n) => n.version)).toEqual(['1.2.0']);
    expect(notesToShow(all, '1.2.0', '1.3.0-beta.1').map((n) => n.version)).toEqual(['1.3.0-beta.1']);
  });
});

describe('appPackage', () => {
  it('reads the running app version and its changelog from the package root', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const pkg = appPackage();
    expect(pkg.version).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
    expect(pkg.changelog).toBe(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
    // The shipped changelog has a section for the version being shipped.
    expect(parseChangelog(pkg.changelog).map((n) => n.version)).toContain(pkg.version);
  });
});
