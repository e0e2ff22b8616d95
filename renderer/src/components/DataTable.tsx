import { Fragment, useMemo, useState, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { TableMessage } from './TableMessage';
import { nextSort, sortRows, type SortState, type SortValue } from './table-sort';

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { ref?: Ref<HTMLTableRowElement> | undefined } & { [data: `data-${string}`]: string | number | boolean | undefined };

export interface Column<Row> {
  /** The column's React key, and what the sort remembers. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers: right-aligned header and cells. */
  num?: boolean;
  /** The cell that names the row (a `th scope="row"`), for screen readers. */
  rowHeader?: boolean;
  /** The buttons' column. */
  actions?: boolean;
  /** More classes on the cells (fixed, or per row). */
  className?: string | ((row: Row) => string | undefined);
  /** More classes on the header. */
  headerClassName?: string;
  /** The cells' data-testid. */
  testId?: string;
  /** The cells' tooltip (the whole text of a cut one). */
  title?: (row: Row) => string | undefined;
  /** Makes the header a button that sorts the rows by this value. */
  sortValue?: (row: Row) => SortValue;
}

export interface DataTableProps<Row> {
  columns: readonly (Column<Row> | false | null | undefined)[];
  /** null while loading. */
  rows: readonly Row[] | null;
  rowKey: (row: Row) => string;
  /** The row's class, data-testid and data-* attributes. */
  rowProps?: (row: Row) => RowAttributes;
  /** Shown across the columns when there are no rows. */
  empty?: ReactNode;
  /** The empty message's class, when not the muted default. */
  emptyClassName?: string;
  /** Shown while rows is null; nothing when absent (an error is shown elsewhere). */
  loading?: ReactNode;
  /** Classes besides "table" (table-compact…). */
  className?: string;
  /** Classes besides "table-wrap" on the scrolling box. */
  wrapClassName?: string;
  /** No box of its own: the table sits in one its parent draws. */
  bare?: boolean;
  /** A full-width row under a row (its details, opened from the row), or null. */
  rowDetail?: (row: Row) => ReactNode;
  rowDetailClassName?: string;
  testId?: string;
  caption?: ReactNode;
  /** The table's foot (a total line), shown when there are rows. */
  footer?: ReactNode;
  tableProps?: HTMLAttributes<HTMLTableElement>;
}

const joinClasses = (...names: (string | false | null | undefined)[]): string | undefined => names.filter(Boolean).join(' ') || undefined;

/** A list as a table: the header row, one row per item, the empty or loading message, and optional click-to-sort columns. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, rowProps, empty, emptyClassName, loading, className, wrapClassName, bare, rowDetail, rowDetailClassName, testId, caption, footer, tableProps } = props;
  const shownColumns = columns.filter((column): column is Column<Row> => Boolean(column));
  const [sort, setSort] = useState<SortState | null>(null);
  const sortColumn = sort ? shownColumns.find((column) => column.key === sort.key && column.sortValue) : undefined;
  const sorted = useMemo(
    () => (rows && sort && sortColumn?.sortValue ? sortRows(rows, sortColumn.sortValue, sort.direction) : rows),
    [rows, sort, sortColumn],
  );
  const table = (
    <table {...tableProps} className={joinClasses('table', className)} data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {shownColumns.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={joinClasses(column.num && 'num', column.actions && 'actions-col', column.headerClassName)}
              aria-sort={column.sortValue ? (sort?.key === column.key ? sort.direction : 'none') : undefined}
            >
              {column.sortValue ? (
                <button type="button" className="sort-button" onClick={() => setSort((current) => nextSort(current, column.key))}>
                  {column.header}
                  <span className="sort-mark" aria-hidden="true">
                    {sort?.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                column.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted === null && loading && <TableMessage colSpan={shownColumns.length}>{loading}</TableMessage>}
        {sorted?.length === 0 && empty && (
          <TableMessage colSpan={shownColumns.length} className={emptyClassName}>
            {empty}
          </TableMessage>
        )}
        {sorted?.map((row) => {
          const detail = rowDetail?.(row);
          return (
            <Fragment key={rowKey(row)}>
              <tr {...rowProps?.(row)}>
                {shownColumns.map((column) => {
                  const Cell = column.rowHeader ? 'th' : 'td';
                  const extra = typeof column.className === 'function' ? column.className(row) : column.className;
                  return (
                    <Cell
                      key={column.key}
                      scope={column.rowHeader ? 'row' : undefined}
                      className={joinClasses(column.num && 'num', column.actions && 'actions-col', extra)}
                      data-testid={column.testId}
                      title={column.title?.(row)}
                    >
                      {column.cell(row)}
                    </Cell>
                  );
                })}
              </tr>
              {detail && (
                <tr className={rowDetailClassName}>
                  <td colSpan={shownColumns.length}>{detail}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
      {footer && sorted && sorted.length > 0 && <tfoot>{footer}</tfoot>}
    </table>
  );
  return bare ? table : <div className={joinClasses('table-wrap', wrapClassName)}>{table}</div>;
}
