import { currentLocale, formatBRL, formatDateTime } from '../format';
import { decimal } from '../stock/common';
import type { Cell, ColumnKind } from './report-table';

/** "01/12/2026" from "2026-12-01" (pt-BR) or "12/01/2026" (en). */
export const formatDay = (day: string): string =>
  new Intl.DateTimeFormat(currentLocale(), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(Date.parse(`${day}T12:00:00Z`));

/** A change as the screen shows it: "+12%", "−5%"; "—" where there is nothing to compare with. */
export const formatChange = (ratio: number | null): string =>
  ratio === null ? '—' : new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio);

/** One cell on screen, in the UI's language: money as R$, days as dates, moments in the shop's zone, blanks as "—". */
export function formatCell(value: Cell, kind: ColumnKind, timeZone: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
  switch (kind) {
    case 'moment':
      return formatDateTime(value, timeZone);
    case 'money':
      return formatBRL(value);
    case 'thousandths':
      return decimal(value);
    case 'ratio':
      return formatChange(value);
    case 'average':
      return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
    default:
      return new Intl.NumberFormat(currentLocale()).format(value);
  }
}

/** Numbers line up on the right. */
export const isNumeric = (kind: ColumnKind): boolean => kind !== 'text' && kind !== 'day' && kind !== 'moment';
