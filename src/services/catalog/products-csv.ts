import Papa from 'papaparse';

/** The CSV columns, in order: what the export writes and the import reads (Excel pt-BR uses ";"). */
export const CSV_COLUMNS = ['nome', 'codigo', 'preco', 'categoria', 'codigo_barras', 'estacao', 'ativo'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** "R$ 1.234,56", "1234,56" or "1234.56" → 123456 centavos; null when it is not a price. */
export function parsePrice(text: string): number | null {
  const clean = text.replace(/R\$|\s/g, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  const reais = Number(match[1]!.replace(/\./g, ''));
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  return reais * 100 + cents;
}

export const formatPrice = (centavos: number): string => `${Math.floor(centavos / 100)},${String(centavos % 100).padStart(2, '0')}`;

export function parseActive(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['', 'sim', 's', '1', 'true', 'ativo'].includes(value)) return true;
  if (['não', 'nao', 'n', '0', 'false', 'inativo'].includes(value)) return false;
  return null;
}

export function parseProductsCsv(text: string): { rows: { line: number; row: CsvRow }[]; headerError: string | null } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: '', skipEmptyLines: 'greedy' });
  const [header, ...body] = parsed.data;
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const missing = CSV_COLUMNS.slice(0, 3).filter((name) => !columns.includes(name));
  if (missing.length) return { rows: [], headerError: `Cabeçalho sem as colunas: ${missing.join(', ')}.` };
  const rows = body.map((cells, index) => ({
    line: index + 2,
    row: Object.fromEntries(CSV_COLUMNS.map((name) => [name, (cells[columns.indexOf(name)] ?? '').trim()])) as CsvRow,
  }));
  return { rows, headerError: null };
}

export function productsToCsv(rows: CsvRow[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((c) => row[c])) }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
