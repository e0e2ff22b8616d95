import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { FormError } from '../components/Field';
import { formatBRL } from '../format';
import { Figures } from './Figures';
import { MAX_BARS, ReportChart } from './ReportChart';
import { asTable, usePublishView, type SectionProps } from './report-view';
import { changeRatio, type Column, type ReportTable } from './report-table';
import { SortableTable } from './SortableTable';
import { useReport } from './useReport';
import type { reportsPtBR } from './i18n';

type ColumnKey = keyof typeof reportsPtBR.columns;

type Sales = Output<'reports.sales'>;
export type SalesRow = Sales['rows'][number];
export type Dimension = Sales['by'];

export const DIMENSIONS: readonly Dimension[] = ['day', 'hour', 'weekday', 'product', 'category', 'payment', 'terminal', 'cashier', 'order_type'];

const marginShare = (row: { margin: number | null; net: number; uncostedNet: number }) => {
  const costed = row.net - row.uncostedNet;
  return row.margin === null || costed <= 0 ? null : row.margin / costed;
};

/** The sales table's columns for one grouping: by payment there is change and no cost; everywhere else items, cost and margin. */
export function salesColumns(by: Dimension, t: TFunction): Column<SalesRow>[] {
  const col = (id: ColumnKey | 'label', kind: Column<SalesRow>['kind'], value: Column<SalesRow>['value'], label = t(`reports.columns.${id as ColumnKey}`)): Column<SalesRow> => ({ id, label, kind, value });
  const payment = by === 'payment';
  return [
    by === 'day' ? col('label', 'day', (r) => r.key || r.label, t('reports.dimensions.day')) : col('label', 'text', (r) => r.label, t(`reports.dimensions.${by}`)),
    col('orders', 'count', (r) => r.orders),
    ...(payment ? [] : [col('quantity', 'count', (r) => r.quantity)]),
    col('gross', 'money', (r) => r.gross),
    payment ? col('changeMoney', 'money', (r) => r.change) : col('discounts', 'money', (r) => r.discounts),
    col('net', 'money', (r) => r.net),
    col('previousNet', 'money', (r) => r.previous?.net ?? null),
    col('change', 'ratio', (r) => changeRatio(r.net, r.previous?.net)),
    ...(payment ? [] : [col('cost', 'money', (r) => r.cost), col('margin', 'money', (r) => r.margin), col('marginShare', 'ratio', marginShare)]),
  ];
}

/** The rows and their totals line (the totals beside the previous period's). */
export function salesTable(report: Sales, title: string, t: TFunction): ReportTable<SalesRow> {
  return {
    id: `sales-${report.by}`,
    title,
    columns: salesColumns(report.by, t),
    rows: report.rows,
    totals: { ...report.totals, key: '', label: t('reports.columns.total_row'), previous: report.previousTotals },
  };
}

/** Vendas: the period's sales grouped one way (day, hour, … order type), with figures, a chart and a table. */
export function SalesSection({ period, onView }: SectionProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Dimension>('product');
  const { data, error } = useReport('reports.sales', { period, by });
  const byName = t(`reports.dimensions.${by}`).toLowerCase();
  const title = t('reports.sales.title', { by: byName });
  const table = useMemo(() => (data ? salesTable(data, title, t) : null), [data, title, t]);
  usePublishView(onView, useMemo(() => (data && table ? { name: title, period: data.period, previousPeriod: data.previousPeriod, tables: [asTable(table)] } : null), [data, table, title]));

  const chart = useMemo(() => {
    if (!data) return null;
    const rows = data.rows.slice(0, MAX_BARS);
    const hasPrevious = rows.some((r) => r.previous);
    return {
      labels: rows.map((r) => r.label),
      current: { label: t('reports.sales.current'), values: rows.map((r) => r.net) },
      previous: hasPrevious ? { label: t('reports.sales.previous'), values: rows.map((r) => r.previous?.net ?? 0) } : null,
    };
  }, [data, t]);

  return (
    <section aria-labelledby="rep-sales-title" data-testid="rep-sales">
      <div className="segmented rep-dimensions" role="radiogroup" aria-label={t('reports.dimensions.label')}>
        {DIMENSIONS.map((dimension) => (
          <button key={dimension} type="button" role="radio" className="segmented-option" aria-checked={by === dimension} onClick={() => setBy(dimension)} data-testid={`rep-by-${dimension}`}>
            {t(`reports.dimensions.${dimension}`)}
          </button>
        ))}
      </div>
      <FormError message={error} />
      {!data && !error && <p className="muted">{t('reports.loading')}</p>}
      {data && (
        <>
          <Figures
            figures={[
              { id: 'net', label: t('reports.sales.net'), value: data.totals.net, previous: data.previousTotals.net, format: formatBRL },
              { id: 'orders', label: t('reports.sales.orders'), value: data.totals.orders, previous: data.previousTotals.orders, format: String },
              { id: 'average', label: t('reports.sales.average'), value: average(data.totals), previous: average(data.previousTotals), format: formatBRL },
              { id: 'discounts', label: t('reports.sales.discounts'), value: data.totals.discounts, previous: data.previousTotals.discounts, format: formatBRL, lowerIsBetter: true },
              ...(by === 'payment' ? [] : [{ id: 'margin', label: t('reports.sales.margin'), value: data.totals.margin, previous: data.previousTotals.margin, format: formatBRL }]),
            ]}
          />
          <h2 id="rep-sales-title" className="section-title">
            {title}
          </h2>
          {by === 'payment' && <p className="muted small">{t('reports.sales.paymentNote')}</p>}
          {by !== 'payment' && data.totals.uncostedNet > 0 && <p className="muted small">{t('reports.sales.uncosted', { value: formatBRL(data.totals.uncostedNet) })}</p>}
          {chart && chart.labels.length > 0 && <ReportChart {...chart} summary={t('reports.sales.chart', { by: byName })} format={formatBRL} />}
          {table && <SortableTable table={table} />}
        </>
      )}
    </section>
  );
}

/** The ticket médio: net over orders, half up to the centavo (as the core's averageOf). */
const average = (figures: { net: number; orders: number }) => (figures.orders ? Math.floor((2 * figures.net + figures.orders) / (2 * figures.orders)) : null);
