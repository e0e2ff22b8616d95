import { describe, expect, it } from 'vitest';
import { noteBlocks } from '../../renderer/src/updates/notes.js';

describe('noteBlocks (a changelog section as the dialog shows it)', () => {
  it('makes one item per bullet, joining its wrapped lines, with headings and plain text apart', () => {
    const text = ['### Caixa', '- Sangria com limite', '  configurável por loja.', '* Outro item com **destaque**.', '', 'Texto solto', 'em duas linhas.'].join('\n');
    expect(noteBlocks(text)).toEqual([
      { kind: 'heading', text: 'Caixa' },
      { kind: 'item', text: 'Sangria com limite configurável por loja.' },
      { kind: 'item', text: 'Outro item com destaque.' },
      { kind: 'text', text: 'Texto solto em duas linhas.' },
    ]);
  });

  it('gives nothing for an empty section', () => {
    expect(noteBlocks('  \n\n')).toEqual([]);
  });
});
