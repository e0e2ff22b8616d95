// Pure (no DOM, no i18next): runs in plain Node tests too.

export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * A CSV file's bytes as text. UTF-8 (with or without the BOM Excel's "CSV UTF-8" writes) when the bytes
 * are valid UTF-8; otherwise Windows-1252, what Excel on Windows saves as plain "CSV": read as UTF-8 it
 * would turn "Açaí" into "A�a�" without a word.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** A chosen file read with its encoding detected. */
export const readCsvFile = async (file: Blob) => decodeCsv(new Uint8Array(await file.arrayBuffer()));

/** One CSV field for Excel in Brazil (";" separated), quoted when needed. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a CSV with a BOM, so Excel opens the accents right. */
export function toCsv(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}
