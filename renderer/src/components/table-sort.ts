import { compareNames } from '../format.js';

/** What a column sorts by: text (pt-BR order), a number, or nothing (always last). */
export type SortValue = string | number | null | undefined;
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

const isEmpty = (value: SortValue): value is null | undefined | '' => value === null || value === undefined || value === '';

/** Text as a Brazilian reads it ("Lanche 2" before "Lanche 10"), numbers by size; an empty cell last. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aEmpty = isEmpty(a);
  const bEmpty = isEmpty(b);
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareNames(String(a), String(b));
}

/**
 * The rows in the column's order; descending flips the values but keeps empty cells last, and rows
 * that tie keep the order they came in (the server's), so a click never shuffles equal rows.
 */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => SortValue, direction: SortDirection): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      const byValue = isEmpty(a.value) || isEmpty(b.value) ? compareSortValues(a.value, b.value) : sign * compareSortValues(a.value, b.value);
      return byValue || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** A click on a column: first ascending, again on the same column flips it. */
export function nextSort(current: SortState | null, key: string): SortState {
  return current?.key === key && current.direction === 'ascending' ? { key, direction: 'descending' } : { key, direction: 'ascending' };
}
