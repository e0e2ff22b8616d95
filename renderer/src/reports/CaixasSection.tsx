import { useMemo } from 'react';
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

type Caixas = Output<'reports.caixas'>;
type Caixa = Caixas['caixas'][number];
type Cashier = Caixas['byCashier'][number];

/** How many caixas, what they took, and the sum of their count differences (closed ones only). */
const totalsOf = (report: Caixas | null) =>
  report && {
    count: report.caixas.length,
    takings: report.caixas.reduce((sum, c) => sum + c.takings, 0),
    difference: report.caixas.reduce((sum, c) => sum + (c.difference ?? 0), 0),
  };

/** Caixas: each X/Z of the period and the count differences per cashier, against the previous equal period. */
export function CaixasSection({ period, onView }: SectionProps) {
  const { t } = useTranslation();
  const { data, error } = useReport('reports.caixas', { period });
  // The core lists caixas, not their totals before: the previous period is asked for on its own.
  const { data: before } = useReport('reports.caixas', data ? { period: { from: data.previousPeriod.from, to: data.previousPeriod.to } } : null);
  const title = t('reports.caixas.title');
  const cashierTitle = t('reports.caixas.byCashier');

  const tables = useMemo(() => {
    if (!data) return null;
    const cashiers: ReportTable<Cashier> = {
      id: 'cashiers',
      title: cashierTitle,
      columns: [
        { id: 'cashier', label: t('reports.columns.cashier'), kind: 'text', value: (r) => r.name },
        { id: 'caixas', label: t('reports.columns.caixas'), kind: 'count', value: (r) => r.caixas },
        { id: 'closed', label: t('reports.columns.closed'), kind: 'count', value: (r) => r.closed },
        { id: 'difference', label: t('reports.columns.difference'), kind: 'money', value: (r) => r.difference },
        { id: 'shortages', label: t('reports.columns.shortages'), kind: 'money', value: (r) => r.shortages },
        { id: 'overages', label: t('reports.columns.overages'), kind: 'money', value: (r) => r.overages },
      ],
      rows: data.byCashier,
    };
    const caixas: ReportTable<Caixa> = {
      id: 'caixas',
      title,
      columns: [
        { id: 'day', label: t('reports.columns.day'), kind: 'day', value: (r) => r.businessDay },
        { id: 'terminal', label: t('reports.columns.terminal'), kind: 'text', value: (r) => r.terminalLetter },
        { id: 'reading', label: t('reports.columns.reading'), kind: 'text', value: (r) => (r.kind === 'X' ? `X (${t('reports.caixas.open')})` : 'Z') },
        { id: 'openedBy', label: t('reports.columns.openedBy'), kind: 'text', value: (r) => r.openedByName },
        { id: 'openedAt', label: t('reports.columns.openedAt'), kind: 'moment', value: (r) => r.openedAt },
        { id: 'closedBy', label: t('reports.columns.closedBy'), kind: 'text', value: (r) => r.closedByName },
        { id: 'takings', label: t('reports.columns.takings'), kind: 'money', value: (r) => r.takings },
        { id: 'difference', label: t('reports.columns.difference'), kind: 'money', value: (r) => r.difference },
      ],
      rows: data.caixas,
    };
    return { cashiers, caixas };
  }, [data, title, cashierTitle, t]);
  usePublishView(
    onView,
    useMemo(() => (data && tables ? { name: title, period: data.period, previousPeriod: data.previousPeriod, tables: [asTable(tables.cashiers), asTable(tables.caixas)] } : null), [data, tables, title]),
  );

  const now = totalsOf(data);
  const previous = totalsOf(before);
  const chart = useMemo(
    () => ({ labels: data?.byCashier.map((c) => c.name) ?? [], current: { label: t('reports.columns.difference'), values: data?.byCashier.map((c) => c.difference) ?? [] } }),
    [data, t],
  );

  return (
    <section aria-labelledby="rep-caixas-title" data-testid="rep-caixas">
      <FormError message={error} />
      {!data && !error && <p className="muted">{t('reports.loading')}</p>}
      {data && now && tables && (
        <>
          <Figures
            figures={[
              { id: 'caixas', label: t('reports.caixas.count'), value: now.count, previous: previous?.count ?? null, format: String },
              { id: 'takings', label: t('reports.caixas.takings'), value: now.takings, previous: previous?.takings ?? null, format: formatBRL },
              { id: 'difference', label: t('reports.caixas.difference'), value: now.difference, previous: previous?.difference ?? null, format: formatBRL },
            ]}
          />
          <h2 id="rep-caixas-title" className="section-title">
            {cashierTitle}
          </h2>
          {chart.labels.length > 0 && <ReportChart {...chart} summary={t('reports.caixas.chart')} format={formatBRL} />}
          <SortableTable table={tables.cashiers} />
          <h2 className="section-title">{title}</h2>
          <SortableTable table={tables.caixas} />
        </>
      )}
    </section>
  );
}
