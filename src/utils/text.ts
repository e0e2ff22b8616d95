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
