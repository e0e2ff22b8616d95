// Pure (no DOM): the tables' sorting and CSV run in plain Node tests too.
import { csvField } from '../csv-file.js';
import { compareNames } from '../format.js';

/**
 * How a column's values read, sort and export: money in centavos, quantities in thousandths, changes as
 * ratios, moments in epoch ms (shown in the shop's zone), days as YYYY-MM-DD.
 */
export type ColumnKind = 'text' | 'day' | 'moment' | 'money' | 'count' | 'thousandths' | 'ratio' | 'average';

export type Cell = string | number | null;

export interface Column<R> {
  id: string;
  label: string;
  kind: ColumnKind;
  value: (row: R) => Cell;
}

/** One table of a report: what the screen shows, sorts and exports alike. */
export interface ReportTable<R = unknown> {
  id: string;
  title: string;
  columns: Column<R>[];
  rows: R[];
  /** The totals line, when the table has one (never sorted with the rows). */
  totals?: R;
}

export type SortDirection = 'ascending' | 'descending';

/** Numbers numerically, names as a Brazilian reads them ("Água" beside "abacate"), blanks last either way. */
export function compareCells(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareNames(String(a), String(b));
}

/** The rows sorted by one column (a stable sort: equal values keep their order); blanks stay at the end. */
export function sortRows<R>(rows: readonly R[], column: Column<R>, direction: SortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((x, y) => {
      if (x.value === null || y.value === null) return compareCells(x.value, y.value) || x.index - y.index;
      return sign * compareCells(x.value, y.value) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** The change from the previous period as a ratio (0.25 = +25%); null ("—") where there is nothing to compare with. */
export const changeRatio = (current: number | null, previous: number | null | undefined): number | null =>
  current === null || previous === null || previous === undefined || previous === 0 ? null : (current - previous) / Math.abs(previous);

const grouped = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 0 });
const decimals = (digits: number) => new Intl.NumberFormat('pt-BR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const oneDecimal = decimals(1);
const twoDecimals = decimals(2);
const upToThree = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 3 });

/** Integer centavos as Excel in Brazil reads a number: 123456 → "1.234,56", -5 → "-0,05". Exact: never through a float. */
export function csvMoney(centavos: number): string {
  const sign = centavos < 0 ? '-' : '';
  const whole = Math.abs(centavos);
  return `${sign}${grouped.format(Math.floor(whole / 100))},${String(whole % 100).padStart(2, '0')}`;
}

/** "02/12/2026 09:17" in the shop's zone. */
const csvMoment = (epochMs: number, timeZone: string) =>
  new Intl.DateTimeFormat('pt-BR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(epochMs).replace(',', '');

/** One cell as a pt-BR CSV writes it: numbers with "," for decimals and "." for thousands, days as 01/12/2026, blanks empty. */
export function csvValue(value: Cell, kind: ColumnKind, timeZone: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value;
  switch (kind) {
    case 'moment':
      return csvMoment(value, timeZone);
    case 'money':
      return csvMoney(value);
    case 'thousandths':
      return upToThree.format(value / 1000);
    case 'ratio':
      // A percentage with one decimal, as a number Excel can sum: 0.125 → "12,5".
      return oneDecimal.format(value * 100);
    case 'average':
      return twoDecimals.format(value);
    default:
      return grouped.format(value);
  }
}

const csvRow = (cells: string[]) => cells.map(csvField).join(';');

/**
 * The tables of a report as one CSV for Excel in Brazil: ";" between fields, pt-BR numbers, CRLF lines
 * and a UTF-8 BOM (without it Excel on Windows reads "Açaí" wrong). Several tables go one under the
 * other, each under its title, with a blank line between them.
 */
export function reportCsv(tables: readonly ReportTable[], timeZone: string): string {
  const blocks = tables.map((table) => {
    const lines = [csvRow(table.columns.map((c) => c.label))];
    for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])]) lines.push(csvRow(table.columns.map((c) => csvValue(c.value(row), c.kind, timeZone))));
    return tables.length > 1 ? [csvRow([table.title]), ...lines] : lines;
  });
  return `\uFEFF${blocks.map((lines) => lines.join('\r\n')).join('\r\n\r\n')}\r\n`;
}

/** "vendas-por-produto_2026-11-01_a_2026-11-30.csv": the report and its period in the file's name. */
export function csvFileName(report: string, period: { from: string; to: string }): string {
  const slug = report
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return period.from === period.to ? `${slug}_${period.from}.csv` : `${slug}_${period.from}_a_${period.to}.csv`;
}
