import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../renderer/src/csv-file.js';

// "Açaí na tigela" as Excel on Windows saves it (Windows-1252): ç = E7, í = ED.
const cp1252 = Uint8Array.from([...'nome;codigo;preco\nA'].map((c) => c.charCodeAt(0)).concat([0xe7, 0x61, 0xed], [...' na tigela;ACA;18,00\n'].map((c) => c.charCodeAt(0))));
const utf8 = new TextEncoder().encode('nome;codigo;preco\nAçaí na tigela;ACA;18,00\n');

describe('reading a CSV file’s bytes', () => {
  it('reads UTF-8, with or without the BOM Excel writes', () => {
    expect(decodeCsv(utf8)).toEqual({ text: 'nome;codigo;preco\nAçaí na tigela;ACA;18,00\n', encoding: 'utf-8' });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'nome;codigo;preco\nAçaí na tigela;ACA;18,00\n', encoding: 'utf-8' });
  });

  it('reads Windows-1252 (Excel on Windows) when the bytes are not valid UTF-8', () => {
    expect(decodeCsv(cp1252)).toEqual({ text: 'nome;codigo;preco\nAçaí na tigela;ACA;18,00\n', encoding: 'windows-1252' });
  });
});
