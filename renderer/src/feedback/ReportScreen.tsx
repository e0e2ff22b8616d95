import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { api, type Output } from '../api';
import { currentLocale } from '../format';
import { useApiData } from '../hooks/useApiData';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { ChartCanvas } from './ChartCanvas';
import { addDays, businessToday, downloadText, toCsv } from './download';
import { RATING_COLORS, RATINGS, Stars } from './Faces';
import { DataTable } from '../components/DataTable';
import { DateRangeFilter } from '../components/FilterSelect';
import { FormError } from '../components/Field';

type Report = Output<'feedback.report'>;
type Stat = Report['byDay'][number];
type Breakdown = 'byDay' | 'byWeek' | 'byProduct' | 'byTag' | 'byCashier' | 'byHour';

const BRAND = '#e8590c';
const COUNT_FILL = 'rgba(29, 95, 184, 0.16)';
const COUNT_LINE = 'rgba(29, 95, 184, 0.55)';

/** A 1–5 average as the color of the nearest face. */
const colorOf = (average: number) => RATING_COLORS[Math.min(5, Math.max(1, Math.round(average))) as 1 | 2 | 3 | 4 | 5].fill;

/** 3.8 → "3,8" (pt-BR); 4 → "4,0"; 3.33 → "3,33". */
export function formatAverage(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}

const formatShare = (part: number, total: number) =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(total ? part / total : 0);

/** Reports (#/avaliacoes/relatorios): average and distribution, by day, week, product, tag, cashier and hour, with charts, tables and CSV. */
export function ReportScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [dayStartsAt, setDayStartsAt] = useState<string | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  // The business day decides "today": the shop's day may turn at 04:00.
  useEffect(() => {
    let cancelled = false;
    void api.call('settings.get', {}).then((outcome) => {
      if (cancelled) return;
      const startsAt = outcome.ok ? outcome.result.businessDayStartsAt : '00:00';
      setDayStartsAt(startsAt);
      const today = businessToday(outcome.ok ? outcome.result.timezone : timeZone, startsAt);
      setRange({ from: addDays(today, -29), to: today });
    });
    return () => {
      cancelled = true;
    };
  }, [timeZone]);

  const fetchReport = useCallback(() => (range && range.from && range.to && range.from <= range.to ? api.call('feedback.report', range) : null), [range]);
  const { data: report, error, reload: load } = useApiData(fetchReport);
  useLiveRefresh(['feedback.received'], () => void load(), 400);

  const today = businessToday(timeZone, dayStartsAt ?? '00:00');
  const presets: { key: 'today' | 'week' | 'month' | 'thisMonth'; from: string; to: string }[] = [
    { key: 'today', from: today, to: today },
    { key: 'week', from: addDays(today, -6), to: today },
    { key: 'month', from: addDays(today, -29), to: today },
    { key: 'thisMonth', from: `${today.slice(0, 8)}01`, to: today },
  ];

  const exportCsv = async () => {
    if (!range || exporting) return;
    setExporting(true);
    const outcome = await api.call('feedback.exportCsv', range);
    setExporting(false);
    if (!outcome.ok) return notify(outcome.error.message);
    downloadText(`avaliacoes-${range.from}-a-${range.to}.csv`, outcome.result.csv);
    notify(t('feedback.report.csvDone', { count: outcome.result.rows }));
  };

  const total = report?.count ?? 0;
  const positive = report ? (report.distribution[3] ?? 0) + (report.distribution[4] ?? 0) : 0;
  const negative = report ? (report.distribution[0] ?? 0) + (report.distribution[1] ?? 0) : 0;

  return (
    <div className="page-content page-content-wide" data-testid="feedback-report">
      <div className="page-header">
        <div>
          <h1>{t('feedback.report.title')}</h1>
          <p className="muted">{t('feedback.report.subtitle')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void exportCsv()} disabled={!range || exporting || total === 0} data-testid="report-csv">
          {t('feedback.report.csv')}
        </button>
      </div>

      <div className="fb-report-bar" role="search">
        <DateRangeFilter
          value={range ?? { from: '', to: '' }}
          labels={{ from: t('feedback.report.from'), to: t('feedback.report.to') }}
          onChange={(change) => {
            // Clearing a date keeps the period as it was: a report always has both ends.
            const picked = change.from ?? change.to;
            if (picked) setRange((current) => ({ from: current?.from ?? picked, to: current?.to ?? picked, ...change }));
          }}
          className="fb-date"
          testIds={{ from: 'report-from', to: 'report-to' }}
        />
        <div className="fb-presets" role="group" aria-label={t('feedback.report.title')}>
          {presets.map((preset) => (
            <button
              key={preset.key}
              type="button"
              className="button button-small button-secondary"
              aria-pressed={range?.from === preset.from && range?.to === preset.to}
              onClick={() => setRange({ from: preset.from, to: preset.to })}
              data-testid={`report-preset-${preset.key}`}
            >
              {t(`feedback.report.presets.${preset.key}`)}
            </button>
          ))}
        </div>
      </div>

      <FormError message={error} />
      {!report && !error && <p className="muted">{t('feedback.report.loading')}</p>}

      {report && (
        <>
          <div className="fb-summary" data-testid="report-summary" data-count={report.count} data-average={report.average}>
            <div className="fb-stat fb-stat-main">
              <span className="fb-stat-label">{t('feedback.report.average')}</span>
              <span className="fb-stat-value">
                <span data-testid="report-average">{total ? formatAverage(report.average) : '—'}</span>
                <span className="fb-stat-unit">{t('feedback.report.outOf')}</span>
                {total > 0 && <Stars rating={report.average} />}
              </span>
            </div>
            <div className="fb-stat">
              <span className="fb-stat-label">{t('feedback.report.count')}</span>
              <span className="fb-stat-value" data-testid="report-count">
                {total}
              </span>
            </div>
            <div className="fb-stat fb-stat-good">
              <span className="fb-stat-label">{t('feedback.report.positive')}</span>
              <span className="fb-stat-value">
                {formatShare(positive, total)}
                <span className="fb-stat-unit">{t('feedback.report.ofCount', { count: positive })}</span>
              </span>
            </div>
            <div className="fb-stat fb-stat-bad">
              <span className="fb-stat-label">{t('feedback.report.negative')}</span>
              <span className="fb-stat-value">
                {formatShare(negative, total)}
                <span className="fb-stat-unit">{t('feedback.report.ofCount', { count: negative })}</span>
              </span>
            </div>
          </div>

          {total === 0 ? (
            <p className="fb-empty-panel">{t('feedback.report.empty')}</p>
          ) : (
            <div className="fb-report-grid">
              <DistributionPanel report={report} range={range!} />
              <StatPanel kind="byDay" stats={report.byDay} range={range!} />
              <StatPanel kind="byWeek" stats={report.byWeek} range={range!} />
              <StatPanel kind="byHour" stats={report.byHour} range={range!} />
              <StatPanel kind="byProduct" stats={report.byProduct} range={range!} />
              <StatPanel kind="byTag" stats={report.byTag} range={range!} />
              <StatPanel kind="byCashier" stats={report.byCashier} range={range!} />
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** A report panel: title, chart or table (the table is always there for screen readers), and its CSV. */
function ReportPanel({
  title,
  hint,
  testId,
  onCsv,
  chart,
  table,
  wide = false,
}: {
  title: string;
  hint?: string | undefined;
  testId: string;
  onCsv: () => void;
  chart: ReactNode;
  table: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  return (
    <section className={`panel fb-panel${wide ? ' fb-panel-wide' : ''}`} aria-labelledby={titleId} data-testid={testId}>
      <div className="fb-panel-head">
        <div>
          <h2 id={titleId} className="section-title">
            {title}
          </h2>
          {hint && <p className="muted small">{hint}</p>}
        </div>
        <div className="fb-panel-tools">
          <div className="segmented fb-view" role="group" aria-label={title}>
            <button type="button" className="segmented-option" aria-pressed={view === 'chart'} aria-selected={view === 'chart'} onClick={() => setView('chart')}>
              {t('feedback.report.chart')}
            </button>
            <button type="button" className="segmented-option" aria-pressed={view === 'table'} aria-selected={view === 'table'} onClick={() => setView('table')} data-testid={`${testId}-table-toggle`}>
              {t('feedback.report.table')}
            </button>
          </div>
          <button type="button" className="button button-small button-ghost" onClick={onCsv} title={`${t('feedback.report.breakdownCsv')}: ${title}`}>
            {t('feedback.report.breakdownCsv')}
          </button>
        </div>
      </div>
      {view === 'chart' && chart}
      <div className={view === 'chart' ? 'visually-hidden' : 'fb-table-box'}>{table}</div>
    </section>
  );
}

function DistributionPanel({ report, range }: { report: Report; range: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const title = t('feedback.report.sections.distribution');
  const labels = RATINGS.map((r) => `${r} ★ ${t(`feedback.ratings.r${r}`)}`);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('feedback.report.countSeries'),
            data: report.distribution,
            backgroundColor: RATINGS.map((r) => RATING_COLORS[r].fill),
            borderRadius: 6,
            maxBarThickness: 64,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
      },
    }),
    [report, i18n.language],
  );
  const summary = RATINGS.map((r, i) => `${r} ★: ${report.distribution[i] ?? 0}`).join('; ');
  const csv = () =>
    downloadText(
      `avaliacoes-distribuicao-${range.from}-a-${range.to}.csv`,
      toCsv([[t('feedback.report.columns.rating'), t('feedback.report.columns.count'), t('feedback.report.columns.share')], ...RATINGS.map((r, i) => [r, report.distribution[i] ?? 0, formatShare(report.distribution[i] ?? 0, report.count)])]),
    );
  return (
    <ReportPanel
      title={title}
      testId="report-distribution"
      onCsv={csv}
      chart={<ChartCanvas config={config} label={t('feedback.report.chartLabel', { title, summary })} />}
      table={
        <DataTable
          bare
          className="table-compact"
          caption={title}
          rows={RATINGS.map((rating, i) => ({ rating, label: labels[i], count: report.distribution[i] ?? 0 }))}
          rowKey={(row) => String(row.rating)}
          columns={[
            { key: 'rating', header: t('feedback.report.columns.rating'), rowHeader: true, cell: (row) => row.label },
            { key: 'count', header: t('feedback.report.columns.count'), num: true, sortValue: (row) => row.count, cell: (row) => row.count },
            { key: 'share', header: t('feedback.report.columns.share'), num: true, cell: (row) => formatShare(row.count, report.count) },
          ]}
        />
      }
    />
  );
}

const TIME_SERIES: readonly Breakdown[] = ['byDay', 'byWeek'];
const RANKED: readonly Breakdown[] = ['byProduct', 'byTag', 'byCashier'];

/** "29/11/2026" → "29/11" on the day chart's axis. */
const shortLabel = (kind: Breakdown, label: string) => (kind === 'byDay' ? label.slice(0, 5) : label);

function StatPanel({ kind, stats, range }: { kind: Breakdown; stats: Stat[]; range: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const title = t(`feedback.report.sections.${kind}`);
  const hint = kind === 'byProduct' || kind === 'byTag' || kind === 'byCashier' ? t(`feedback.report.hints.${kind}`) : undefined;
  const ranked = RANKED.includes(kind);
  const series = TIME_SERIES.includes(kind);

  const config = useMemo<ChartConfiguration>(() => {
    const labels = stats.map((s) => shortLabel(kind, s.label));
    const averages = stats.map((s) => s.average);
    const counts = stats.map((s) => s.count);
    if (series) {
      // Average as a line over the ratings per day (bars, on their own axis).
      return {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              type: 'line',
              label: t('feedback.report.averageSeries'),
              data: averages,
              borderColor: BRAND,
              backgroundColor: BRAND,
              pointRadius: 4,
              tension: 0.25,
              yAxisID: 'y',
            },
            {
              type: 'bar',
              label: t('feedback.report.countSeries'),
              data: counts,
              backgroundColor: COUNT_FILL,
              borderColor: COUNT_LINE,
              borderWidth: 1,
              borderRadius: 4,
              maxBarThickness: 40,
              yAxisID: 'y1',
            },
          ],
        },
        options: {
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
          scales: {
            y: { min: 0, max: 5, ticks: { stepSize: 1 }, title: { display: true, text: t('feedback.report.averageSeries') } },
            y1: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: t('feedback.report.countSeries') } },
            x: { grid: { display: false } },
          },
        },
      } as ChartConfiguration;
    }
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('feedback.report.averageSeries'),
            data: averages,
            backgroundColor: averages.map(colorOf),
            borderRadius: 5,
            maxBarThickness: ranked ? 26 : 40,
          },
        ],
      },
      options: {
        indexAxis: ranked ? 'y' : 'x',
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: (item) => `${t('feedback.report.countSeries')}: ${counts[item.dataIndex] ?? 0}` } },
        },
        scales: ranked
          ? { x: { min: 0, max: 5, ticks: { stepSize: 1 } }, y: { grid: { display: false } } }
          : { y: { min: 0, max: 5, ticks: { stepSize: 1 } }, x: { grid: { display: false } } },
      },
    } as ChartConfiguration;
  }, [stats, kind, i18n.language]);

  const summary = stats.map((s) => `${s.label} ${formatAverage(s.average)} (${s.count})`).join('; ');
  const csv = () =>
    downloadText(
      `avaliacoes-${kind}-${range.from}-a-${range.to}.csv`,
      toCsv([
        [t('feedback.report.columns.label'), t('feedback.report.columns.count'), t('feedback.report.columns.average')],
        ...stats.map((s) => [s.label, s.count, formatAverage(s.average)]),
      ]),
    );
  // Ranked lists grow with their rows; the time charts keep one height.
  const heightClass = ranked ? (stats.length > 8 ? 'fb-chart-tall' : stats.length > 4 ? 'fb-chart-mid' : 'fb-chart-short') : '';

  return (
    <ReportPanel
      title={title}
      hint={hint}
      testId={`report-${kind}`}
      onCsv={csv}
      chart={<ChartCanvas config={config} label={t('feedback.report.chartLabel', { title, summary })} className={heightClass} />}
      table={
        <DataTable
          bare
          className="table-compact"
          caption={title}
          rows={stats}
          rowKey={(s) => s.key}
          columns={[
            { key: 'label', header: t('feedback.report.columns.label'), rowHeader: true, cell: (s) => s.label },
            { key: 'count', header: t('feedback.report.columns.count'), num: true, sortValue: (s) => s.count, cell: (s) => s.count },
            { key: 'average', header: t('feedback.report.columns.average'), num: true, sortValue: (s) => s.average, cell: (s) => formatAverage(s.average) },
          ]}
        />
      }
    />
  );
}
