import { BusinessError } from '../exceptions/business-error.js';

/**
 * Refuses text with U+FFFD, the mark a decoder leaves for bytes it could not read: a Windows-1252 file
 * (Excel's plain "CSV") read as UTF-8. Saved as it is, "Açaí" would become "A�a�" for good.
 */
export function requireReadableText(text: string): void {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return;
  const line = text.slice(0, at).split('\n').length;
  throw new BusinessError(
    'VALIDATION',
    `O arquivo tem caracteres ilegíveis (�) na linha ${line}: ele não foi lido como UTF-8. No Excel, use "Salvar como" → "CSV UTF-8", ou escolha o arquivo pela tela de importação, que reconhece o formato Windows-1252.`,
    'csv',
  );
}

/** Folds case and accents, so "José" and "jose" are the same name and "pao" finds "Pão". */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('pt-BR')
    .replace(/\s+/g, ' ')
    .trim();

const namesCollator = new Intl.Collator('pt-BR', { numeric: true });

/**
 * Orders names as a Brazilian reads them: "abacate", "Água", "Banana", "Éclair", "Zebra", and "Lanche 2"
 * before "Lanche 10". SQLite's `ORDER BY name` compares bytes, which puts "Água" after "Zebra", so lists
 * sorted by a name are sorted with this after the query. Accents and case only break ties, so the order is
 * the same on every terminal.
 */
export const compareNames = (a: string, b: string): number => namesCollator.compare(a, b);
