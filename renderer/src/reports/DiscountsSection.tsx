import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { FormError } from '../components/Field';
import { formatBRL } from '../format';
import { Figures } from './Figures';
import { ReportChart } from './ReportChart';
import { asTable, usePublishView, type SectionProps } from './report-view';
import type { ReportTable } from './report-table';
import { SortableTable } from './SortableTable';
import { useReport } from './useReport';

type Discount = Output<'reports.discounts'>['rows'][number];

/** "10%" or "R$ 2,00": the discount as it was given (percent values in hundredths of a percent). */
const givenAs = (row: Discount, t: TFunction) =>
  row.kind === 'percent' ? t('reports.kinds.percent', { value: row.value / 100 }) : formatBRL(row.value);

/** Descontos: each discount of the period with who gave it and who approved it, and the amount per person who gave. */
export function DiscountsSection({ period, onView }: SectionProps) {
  const { t } = useTranslation();
  const { data, error } = useReport('reports.discounts', { period });
  const title = t('reports.discounts.title');
  const table = useMemo<ReportTable<Discount> | null>(
    () =>
      data && {
        id: 'discounts',
        title,
        columns: [
          { id: 'day', label: t('reports.columns.day'), kind: 'day', value: (r) => r.businessDay },
          { id: 'order', label: t('reports.columns.order'), kind: 'text', value: (r) => r.orderNumber },
          { id: 'item', label: t('reports.columns.item'), kind: 'text', value: (r) => r.itemName },
          { id: 'discountKind', label: t('reports.columns.discountKind'), kind: 'text', value: (r) => givenAs(r, t) },
          { id: 'amount', label: t('reports.columns.amount'), kind: 'money', value: (r) => r.amount },
          { id: 'reason', label: t('reports.columns.reason'), kind: 'text', value: (r) => r.reason },
          { id: 'givenBy', label: t('reports.columns.givenBy'), kind: 'text', value: (r) => r.givenByName },
          { id: 'approvedBy', label: t('reports.columns.approvedBy'), kind: 'text', value: (r) => r.approvedByName },
          { id: 'status', label: t('reports.columns.status'), kind: 'text', value: (r) => t(`orderStatus.${r.orderStatus}`, { defaultValue: r.orderStatus }) },
        ],
        rows: data.rows,
      },
    [data, title, t],
  );
  usePublishView(onView, useMemo(() => (data && table ? { name: title, period: data.period, previousPeriod: data.previousPeriod, tables: [asTable(table)] } : null), [data, table, title]));

  const chart = useMemo(() => {
    const byGiver = new Map<string, number>();
    for (const row of data?.rows ?? []) byGiver.set(row.givenByName ?? '—', (byGiver.get(row.givenByName ?? '—') ?? 0) + row.amount);
    const entries = [...byGiver].sort((a, b) => b[1] - a[1]);
    return { labels: entries.map(([name]) => name), current: { label: t('reports.columns.amount'), values: entries.map(([, amount]) => amount) } };
  }, [data, t]);

  return (
    <section aria-labelledby="rep-discounts-title" data-testid="rep-discounts">
      <FormError message={error} />
      {!data && !error && <p className="muted">{t('reports.loading')}</p>}
      {data && (
        <>
          <Figures
            figures={[
              { id: 'discount-count', label: t('reports.discounts.count'), value: data.totals.count, previous: data.previousTotals.count, format: String, lowerIsBetter: true },
              { id: 'discount-amount', label: t('reports.discounts.amount'), value: data.totals.amount, previous: data.previousTotals.amount, format: formatBRL, lowerIsBetter: true },
            ]}
          />
          <h2 id="rep-discounts-title" className="section-title">
            {title}
          </h2>
          <p className="muted small">{t('reports.discounts.note')}</p>
          {chart.labels.length > 0 && <ReportChart {...chart} summary={t('reports.columns.givenBy')} format={formatBRL} />}
          {table && <SortableTable table={table} />}
        </>
      )}
    </section>
  );
}
