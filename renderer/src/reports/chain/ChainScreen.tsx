import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { PaymentMethod } from '../../../../src/models/money';
import { ChartCanvas } from '../../feedback/ChartCanvas';
import { formatBRL } from '../../format';
import { ChainShopsPanel } from './ChainShopsPanel';
import { useChainSales, type ChainSales, type Preset } from './useChainSales';
import './chain.css';

type Figures = ChainSales['total'];

const COLORS = ['#e8590c', '#1d5fb8', '#2fb463', '#7c4dcc', '#f2a100', '#0fa3a3', '#c2255c', '#5d6878'];

/** The periods offered, as the core names them (reports.ts REPORT_PRESETS). */
const PRESETS: readonly Preset[] = ['today', 'yesterday', 'this_week', 'this_month', 'last_month'];

const dayLabel = (day: string) => day.split('-').reverse().join('/');

/** The rows of the side-by-side table: each a figure of every shop, and of the chain. */
const ROWS: ReadonlyArray<{ key: 'net' | 'orders' | 'averageTicket' | 'gross' | 'discounts' | 'voided' | 'cancelled'; show: (f: Figures, apart: (part: { orders: number; total: number }) => string) => string }> = [
  { key: 'net', show: (f) => formatBRL(f.net) },
  { key: 'orders', show: (f) => String(f.orders) },
  { key: 'averageTicket', show: (f) => formatBRL(f.averageTicket) },
  { key: 'gross', show: (f) => formatBRL(f.gross) },
  { key: 'discounts', show: (f) => formatBRL(f.discounts) },
  { key: 'voided', show: (f, apart) => apart(f.voided) },
  { key: 'cancelled', show: (f, apart) => apart(f.cancelled) },
];

/** Relatórios → Rede de lojas (#/relatorios/lojas, the admin's): every shop's sales side by side, the chain's sum, and the shops read. */
export function ChainScreen() {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<Preset>('today');
  const [shopsVersion, setShopsVersion] = useState(0);
  const { report, error, loading, reload } = useChainSales(preset, shopsVersion);

  return (
    <div className="page-content" data-testid="chain-screen">
      <div className="page-header">
        <div>
          <h1>{t('chain.title')}</h1>
          <p className="muted">{t('chain.subtitle')}</p>
        </div>
        <div className="chain-controls">
          <label className="field-label" htmlFor="chain-period">
            {t('chain.period')}
          </label>
          <select id="chain-period" className="input" value={preset} onChange={(e) => setPreset(e.target.value as Preset)} data-testid="chain-period">
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`chain.presets.${p}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button button-secondary" disabled={loading} onClick={() => void reload()} data-testid="chain-reload">
            {t('chain.reload')}
          </button>
        </div>
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {!report && !error && <p className="muted">{t('chain.loading')}</p>}
      {report && <ChainReport report={report} />}
      <ChainShopsPanel onChanged={() => setShopsVersion((v) => v + 1)} />
    </div>
  );
}

function ChainReport({ report }: { report: ChainSales }) {
  const { t } = useTranslation();
  const name = (shop: Shop) => (shop.id === null ? t('chain.thisShop', { name: shop.name }) : shop.name);
  const apart = (part: { orders: number; total: number }) => t('chain.apart', { count: part.orders, total: formatBRL(part.total) });
  const methods = [...new Set(report.total.payments.map((p) => p.method as PaymentMethod))];
  const amountOf = (figures: Figures, method: string) => figures.payments.find((p) => p.method === method)?.amount ?? 0;
  const chart = useMemo<ChartConfiguration>(() => {
    const days = report.total.days.map((d) => d.day);
    const read = report.shops.filter((s) => s.figures);
    return {
      type: 'bar',
      data: {
        labels: days.map(dayLabel),
        datasets: read.map((shop, i) => ({
          label: shop.id === null ? t('chain.thisShop', { name: shop.name }) : shop.name,
          data: days.map((day) => (shop.figures!.days.find((d) => d.day === day)?.net ?? 0) / 100),
          backgroundColor: COLORS[i % COLORS.length],
          borderRadius: 4,
          maxBarThickness: 28,
        })),
      },
      options: {
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatBRL(Math.round(Number(item.raw) * 100))}` } },
        },
        scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { callback: (value) => formatBRL(Number(value) * 100) } } },
      },
    };
  }, [report, t]);

  return (
    <>
      <section className="panel" data-testid="chain-report">
        <p className="muted small">{t('chain.periodLabel', { from: dayLabel(report.period.from), to: dayLabel(report.period.to) })}</p>
        {report.unreachable > 0 && (
          <p className="alert alert-error small" role="status" data-testid="chain-unreachable">
            {t('chain.unreachableNote', { count: report.unreachable })}
          </p>
        )}
        <div className="chain-table-wrap">
          <table className="table chain-table">
            <thead>
              <tr>
                <th scope="col">{t('chain.figure')}</th>
                {report.shops.map((shop) => (
                  <th scope="col" key={shop.id ?? 'here'} data-testid="chain-column">
                    {name(shop)}
                  </th>
                ))}
                <th scope="col" className="chain-total">
                  {t('chain.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <FiguresRow
                  key={row.key}
                  label={t(`chain.rows.${row.key}`)}
                  testId={`chain-row-${row.key}`}
                  report={report}
                  show={(figures) => row.show(figures, apart)}
                  missing={(shop) => (row.key === 'net' ? shop.error : t('chain.unreachable'))}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel">
        <h2 className="section-title">{t('chain.paymentsTitle')}</h2>
        <div className="chain-table-wrap">
          <table className="table chain-table">
            <tbody>
              {methods.map((method) => (
                <FiguresRow key={method} label={t(`methods.${method}`)} report={report} show={(figures) => formatBRL(amountOf(figures, method))} missing={() => '—'} />
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel">
        <h2 className="section-title">{t('chain.chartTitle')}</h2>
        {report.total.days.length === 0 ? (
          <p className="muted">{t('chain.noSales')}</p>
        ) : (
          <ChartCanvas config={chart} label={t('chain.chartSummary', { total: formatBRL(report.total.net) })} />
        )}
      </section>
    </>
  );
}

type Shop = ChainSales['shops'][number];

/** One figure of every shop, then of the chain; a shop that could not be read says so in its cell. */
function FiguresRow({ label, testId, report, show, missing }: { label: string; testId?: string; report: ChainSales; show: (figures: Figures) => string; missing: (shop: Shop) => string | null }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      {report.shops.map((shop) =>
        shop.figures ? (
          <td key={shop.id ?? 'here'} className="num">
            {show(shop.figures)}
          </td>
        ) : (
          <td key={shop.id} className="chain-fail" title={shop.error ?? undefined}>
            {missing(shop)}
          </td>
        ),
      )}
      <td className="num chain-total">{show(report.total)}</td>
    </tr>
  );
}
