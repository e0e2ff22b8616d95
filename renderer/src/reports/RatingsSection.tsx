import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { FormError } from '../components/Field';
import { formatBRL } from '../format';
import { formatCell, formatDay } from './display';
import { Figures } from './Figures';
import { ReportChart } from './ReportChart';
import { asTable, usePublishView, type SectionProps } from './report-view';
import type { ReportTable } from './report-table';
import { SortableTable } from './SortableTable';
import { useReport } from './useReport';

type Day = Output<'reports.ratings'>['days'][number];

const formatAverage = (value: number) => formatCell(value, 'average', '');

/** Avaliações: the customers' ratings per business day, next to that day's sales. */
export function RatingsSection({ period, onView }: SectionProps) {
  const { t } = useTranslation();
  const { data, error } = useReport('reports.ratings', { period });
  const title = t('reports.ratings.title');
  const table = useMemo<ReportTable<Day> | null>(
    () =>
      data && {
        id: 'ratings',
        title,
        columns: [
          { id: 'day', label: t('reports.columns.day'), kind: 'day', value: (r) => r.day },
          { id: 'orders', label: t('reports.columns.orders'), kind: 'count', value: (r) => r.orders },
          { id: 'net', label: t('reports.columns.net'), kind: 'money', value: (r) => r.net },
          { id: 'ratings', label: t('reports.columns.ratings'), kind: 'count', value: (r) => r.ratings },
          { id: 'average', label: t('reports.columns.average'), kind: 'average', value: (r) => r.average },
        ],
        rows: data.days,
        totals: { day: t('reports.columns.total_row'), ...data.totals },
      },
    [data, title, t],
  );
  usePublishView(onView, useMemo(() => (data && table ? { name: title, period: data.period, previousPeriod: data.previousPeriod, tables: [asTable(table)] } : null), [data, table, title]));

  const rated = useMemo(() => data?.days.filter((d) => d.average !== null) ?? [], [data]);
  const chart = useMemo(
    () => ({ labels: rated.map((d) => formatDay(d.day)), current: { label: t('reports.ratings.average'), values: rated.map((d) => d.average) } }),
    [rated, t],
  );

  return (
    <section aria-labelledby="rep-ratings-title" data-testid="rep-ratings">
      <FormError message={error} />
      {!data && !error && <p className="muted">{t('reports.loading')}</p>}
      {data && (
        <>
          <Figures
            figures={[
              { id: 'ratings', label: t('reports.ratings.count'), value: data.totals.ratings, previous: data.previousTotals.ratings, format: String },
              { id: 'rating-average', label: t('reports.ratings.average'), value: data.totals.average, previous: data.previousTotals.average, format: formatAverage },
              { id: 'rating-orders', label: t('reports.ratings.orders'), value: data.totals.orders, previous: data.previousTotals.orders, format: String },
              { id: 'rating-net', label: t('reports.ratings.net'), value: data.totals.net, previous: data.previousTotals.net, format: formatBRL },
            ]}
          />
          <h2 id="rep-ratings-title" className="section-title">
            {title}
          </h2>
          {chart.labels.length > 0 && <ReportChart {...chart} summary={t('reports.ratings.chart')} format={formatAverage} />}
          {table && <SortableTable table={table} />}
        </>
      )}
    </section>
  );
}
