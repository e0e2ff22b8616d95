import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { FormError } from '../components/Field';
import { formatBRL } from '../format';
import { Figures } from './Figures';
import { asTable, usePublishView, type SectionProps } from './report-view';
import type { ReportTable } from './report-table';
import { SortableTable } from './SortableTable';
import { useReport } from './useReport';

type Void = Output<'reports.voids'>['rows'][number];

/** Cancelamentos: voids (paid, refunded) and cancellations (unpaid) with who did them, who approved and why. */
export function VoidsSection({ period, onView }: SectionProps) {
  const { t } = useTranslation();
  const { data, error } = useReport('reports.voids', { period });
  const title = t('reports.voids.title');
  const table = useMemo<ReportTable<Void> | null>(
    () =>
      data && {
        id: 'voids',
        title,
        columns: [
          { id: 'day', label: t('reports.columns.day'), kind: 'day', value: (r) => r.businessDay },
          { id: 'order', label: t('reports.columns.order'), kind: 'text', value: (r) => r.orderNumber },
          { id: 'kind', label: t('reports.columns.kind'), kind: 'text', value: (r) => t(`reports.kinds.${r.kind}`) },
          { id: 'at', label: t('reports.columns.at'), kind: 'moment', value: (r) => r.at },
          { id: 'total', label: t('reports.columns.total'), kind: 'money', value: (r) => r.total },
          { id: 'refunded', label: t('reports.columns.refunded'), kind: 'money', value: (r) => r.refunded },
          { id: 'reason', label: t('reports.columns.reason'), kind: 'text', value: (r) => r.reason },
          { id: 'by', label: t('reports.columns.by'), kind: 'text', value: (r) => r.byName },
          { id: 'approvedBy', label: t('reports.columns.approvedBy'), kind: 'text', value: (r) => r.approverName },
        ],
        rows: data.rows,
      },
    [data, title, t],
  );
  usePublishView(onView, useMemo(() => (data && table ? { name: title, period: data.period, previousPeriod: data.previousPeriod, tables: [asTable(table)] } : null), [data, table, title]));

  return (
    <section aria-labelledby="rep-voids-title" data-testid="rep-voids">
      <FormError message={error} />
      {!data && !error && <p className="muted">{t('reports.loading')}</p>}
      {data && (
        <>
          <Figures
            figures={[
              { id: 'voided', label: t('reports.voids.voided'), value: data.totals.voided, previous: data.previousTotals.voided, format: String, lowerIsBetter: true },
              { id: 'voided-total', label: t('reports.voids.voidedTotal'), value: data.totals.voidedTotal, previous: data.previousTotals.voidedTotal, format: formatBRL, lowerIsBetter: true },
              { id: 'cancelled', label: t('reports.voids.cancelled'), value: data.totals.cancelled, previous: data.previousTotals.cancelled, format: String, lowerIsBetter: true },
              { id: 'cancelled-total', label: t('reports.voids.cancelledTotal'), value: data.totals.cancelledTotal, previous: data.previousTotals.cancelledTotal, format: formatBRL, lowerIsBetter: true },
            ]}
          />
          <h2 id="rep-voids-title" className="section-title">
            {title}
          </h2>
          {table && <SortableTable table={table} />}
        </>
      )}
    </section>
  );
}
