import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../api';
import { FormError } from '../components/Field';
import { formatBRL } from '../format';
import { Figures } from './Figures';
import { ReportChart } from './ReportChart';
import { asTable, usePublishView, type SectionProps } from './report-view';
import { changeRatio, type ReportTable } from './report-table';
import { salesTable } from './SalesSection';
import { SortableTable } from './SortableTable';
import { useReport } from './useReport';

type Stock = Output<'reports.stock'>;
type Loss = Stock['losses'][number];
type Item = Stock['items'][number];
type CmvBy = 'product' | 'category';

/** Estoque e CMV: the stock's value now, the period's losses by reason, and CMV and margin per product or category. */
export function StockSection({ period, onView }: SectionProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState<CmvBy>('category');
  const { data, error } = useReport('reports.stock', { period });
  const { data: sales, error: salesError } = useReport('reports.sales', { period, by });
  const lossTitle = t('reports.stock.losses');
  const cmvTitle = t('reports.stock.cmv', { by: t(`reports.dimensions.${by}`).toLowerCase() });
  const itemsTitle = t('reports.stock.items');

  const tables = useMemo(() => {
    if (!data || !sales) return null;
    const losses: ReportTable<Loss> = {
      id: 'losses',
      title: lossTitle,
      columns: [
        { id: 'lossReason', label: t('reports.columns.lossReason'), kind: 'text', value: (r) => r.reason },
        { id: 'count', label: t('reports.columns.count'), kind: 'count', value: (r) => r.count },
        { id: 'value', label: t('reports.columns.value'), kind: 'money', value: (r) => r.value },
        { id: 'previousValue', label: t('reports.columns.previousValue'), kind: 'money', value: (r) => r.previousValue },
        { id: 'change', label: t('reports.columns.change'), kind: 'ratio', value: (r) => changeRatio(r.value, r.previousValue) },
      ],
      rows: data.losses,
      totals: { reason: t('reports.columns.total_row'), count: data.lossTotals.count, value: data.lossTotals.value, previousValue: data.previousLossTotals.value },
    };
    const items: ReportTable<Item> = {
      id: 'items',
      title: itemsTitle,
      columns: [
        { id: 'stockItem', label: t('reports.columns.stockItem'), kind: 'text', value: (r) => r.name },
        { id: 'onHand', label: t('reports.columns.onHand'), kind: 'thousandths', value: (r) => r.onHand },
        { id: 'value', label: t('reports.columns.value'), kind: 'money', value: (r) => r.value },
      ],
      rows: data.items,
    };
    return { losses, cmv: salesTable(sales, cmvTitle, t), items };
  }, [data, sales, lossTitle, cmvTitle, itemsTitle, t]);
  usePublishView(
    onView,
    useMemo(
      () => (data && tables ? { name: t('reports.tabs.stock'), period: data.period, previousPeriod: data.previousPeriod, tables: [asTable(tables.cmv), asTable(tables.losses), asTable(tables.items)] } : null),
      [data, tables, t],
    ),
  );

  const chart = useMemo(
    () => ({
      labels: data?.losses.map((l) => l.reason) ?? [],
      current: { label: t('reports.sales.current'), values: data?.losses.map((l) => l.value) ?? [] },
      previous: { label: t('reports.sales.previous'), values: data?.losses.map((l) => l.previousValue) ?? [] },
    }),
    [data, t],
  );

  return (
    <section aria-labelledby="rep-stock-title" data-testid="rep-stock">
      <FormError message={error ?? salesError} />
      {(!data || !sales) && !error && !salesError && <p className="muted">{t('reports.loading')}</p>}
      {data && sales && tables && (
        <>
          <Figures
            figures={[
              { id: 'stock-value', label: t('reports.stock.value'), value: data.stockValue, format: formatBRL },
              { id: 'loss-value', label: t('reports.stock.lossValue'), value: data.lossTotals.value, previous: data.previousLossTotals.value, format: formatBRL, lowerIsBetter: true },
              { id: 'loss-count', label: t('reports.stock.lossCount'), value: data.lossTotals.count, previous: data.previousLossTotals.count, format: String, lowerIsBetter: true },
              { id: 'cmv', label: t('reports.stock.cost'), value: sales.totals.cost, previous: sales.previousTotals.cost, format: formatBRL },
              { id: 'cmv-margin', label: t('reports.stock.margin'), value: sales.totals.margin, previous: sales.previousTotals.margin, format: formatBRL },
            ]}
          />
          <p className="muted small">{t('reports.stock.nowNote')}</p>
          <h2 id="rep-stock-title" className="section-title">
            {cmvTitle}
          </h2>
          <div className="segmented rep-dimensions" role="radiogroup" aria-label={cmvTitle}>
            {(['category', 'product'] as const).map((option) => (
              <button key={option} type="button" role="radio" className="segmented-option" aria-checked={by === option} onClick={() => setBy(option)} data-testid={`rep-cmv-${option}`}>
                {t(`reports.dimensions.${option}`)}
              </button>
            ))}
          </div>
          <SortableTable table={tables.cmv} />
          <h2 className="section-title">{lossTitle}</h2>
          {chart.labels.length > 0 && <ReportChart {...chart} summary={t('reports.stock.chart')} format={formatBRL} />}
          <SortableTable table={tables.losses} />
          <h2 className="section-title">{itemsTitle}</h2>
          <SortableTable table={tables.items} />
        </>
      )}
    </section>
  );
}
