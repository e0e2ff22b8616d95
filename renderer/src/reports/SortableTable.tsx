import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { formatCell, isNumeric } from './display';
import { sortRows, type ReportTable, type SortDirection } from './report-table';

/**
 * A report table that sorts by any column: the header is a button (keyboard reachable), the column
 * sorted says so with aria-sort, and a second click turns the order round. Numbers start biggest
 * first, names from A. The totals line stays at the foot.
 */
export function SortableTable<R>({ table, testId }: { table: ReportTable<R>; testId?: string }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [sort, setSort] = useState<{ column: string; direction: SortDirection } | null>(null);
  const rows = useMemo(() => {
    const column = sort && table.columns.find((c) => c.id === sort.column);
    return column ? sortRows(table.rows, column, sort.direction) : table.rows;
  }, [table, sort]);

  const toggle = (id: string, numeric: boolean) =>
    setSort((current) =>
      current?.column === id
        ? { column: id, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column: id, direction: numeric ? 'descending' : 'ascending' },
    );

  if (!table.rows.length) return <p className="muted rep-empty">{t('reports.empty')}</p>;
  return (
    <div className="table-wrap rep-table-wrap">
      <table className="table table-compact rep-table" data-testid={testId ?? `rep-table-${table.id}`}>
        <caption className="visually-hidden">
          {table.title}. {t('reports.sort.hint')}
        </caption>
        <thead>
          <tr>
            {table.columns.map((column) => {
              const numeric = isNumeric(column.kind);
              const sorted = sort?.column === column.id ? sort.direction : undefined;
              return (
                <th key={column.id} scope="col" className={numeric ? 'num' : undefined} aria-sort={sorted ?? 'none'}>
                  <button type="button" className="rep-sort" onClick={() => toggle(column.id, numeric)} data-testid={`sort-${column.id}`}>
                    {column.label}
                    <span className="rep-sort-mark" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {table.columns.map((column, c) => {
                const text = formatCell(column.value(row), column.kind, timeZone);
                const numeric = isNumeric(column.kind);
                return c === 0 ? (
                  <th key={column.id} scope="row" className={numeric ? 'num' : undefined}>
                    {text}
                  </th>
                ) : (
                  <td key={column.id} className={numeric ? 'num' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot>
            <tr className="rep-totals">
              {table.columns.map((column, c) => (
                <td key={column.id} className={isNumeric(column.kind) ? 'num' : undefined}>
                  {c === 0 ? t('reports.columns.total_row') : formatCell(column.value(table.totals!), column.kind, timeZone)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
