import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { LiveEventName } from '../../../../src/models/contract';
import { api, type Output } from '../../api';
import { FormError } from '../../components/Field';
import { ChartCanvas } from '../../feedback/ChartCanvas';
import { Stars } from '../../feedback/Faces';
import { currentLocale, formatBRL, formatDateTime, formatTime } from '../../format';
import { useLiveRefresh } from '../../hooks/useLive';
import { useSession } from '../../session';
import { qty } from '../../stock/common';
import { isoToDateInput } from '../../stock/dates';
import './dashboard.css';

type Dashboard = Output<'reports.dashboard'>;

/** What changes a figure on the dashboard: sales, payments, voids, caixas, stock, feedback, sync, webhooks, printing. */
const DASHBOARD_EVENTS: readonly LiveEventName[] = [
  'orders.changed',
  'cash.changed',
  'stock.changed',
  'stock.low',
  'feedback.received',
  'sync.status',
  'webhooks.changed',
  'webhooks.delivery',
  'printing.changed',
];

/** A busy lunch sends events every second: the dashboard reloads at most this often. */
const MIN_RELOAD_GAP_MS = 2_000;

const BRAND = '#e8590c';
const LAST_WEEK = 'rgba(29, 95, 184, 0.75)';
const METHOD_COLORS: Record<string, string> = { cash: '#2fb463', debit: '#1d5fb8', credit: '#7c4dcc', voucher: '#f2a100', pix: '#0fa3a3' };

/** Calls `load` at once when asked, then at most once every `gapMs`: a burst of events makes one more call at its end. */
function useThrottled(load: () => void, gapMs: number): () => void {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      latest.current();
    }, Math.max(0, last.current + gapMs - Date.now()));
  }, [gapMs]);
}

const percent = (part: number, whole: number) => new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);

/** "domingo, 29/11" / "Sunday, 11/29": a past day named so nobody has to count back. */
const dayName = (day: string) => new Intl.DateTimeFormat(currentLocale(), { timeZone: 'UTC', weekday: 'long', day: '2-digit', month: '2-digit' }).format(Date.parse(`${day}T12:00:00Z`));

/** The manager's dashboard (#/painel-gerente): today as it goes, against last week, and what needs a look. Live. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [view, setView] = useState<Dashboard | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('reports.dashboard', {});
    if (!outcome.ok) return setError(outcome.error.message);
    setView(outcome.result);
    setLoadedAt(Date.now());
    setError(null);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const reload = useThrottled(() => void load(), MIN_RELOAD_GAP_MS);
  useLiveRefresh(DASHBOARD_EVENTS, reload, 100);

  return (
    <div className="page-content page-content-wide" data-testid="dashboard-screen">
      <div className="page-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          {view && loadedAt && (
            <p className="muted" data-testid="dashboard-updated">
              {t('dashboard.subtitle', { day: isoToDateInput(view.businessDay), time: formatTime(loadedAt, timeZone) })}
            </p>
          )}
        </div>
      </div>
      <FormError message={error} />
      {!view && !error && <p className="muted">{t('dashboard.loading')}</p>}
      {view && (
        <>
          <SalesCards view={view} time={formatTime(loadedAt ?? Date.now(), timeZone)} />
          <div className="dash-grid">
            <HoursPanel view={view} />
            <ProductsPanel view={view} />
            <PaymentsPanel view={view} />
            <CaixasPanel view={view} />
            <StockPanel view={view} />
            <RatingsPanel view={view} />
            <HealthPanel view={view} />
          </div>
        </>
      )}
    </div>
  );
}

/** Today's figures, each against last week's same weekday up to the same time. */
function SalesCards({ view, time }: { view: Dashboard; time: string }) {
  const { t } = useTranslation();
  const against = { lastWeek: dayName(view.lastWeekDay), time };
  const compare = (today: number, before: number, format: (n: number) => string) => {
    if (before === 0) return t('dashboard.cards.noBase', against);
    if (today === before) return t('dashboard.cards.same', against);
    const key = today > before ? 'up' : 'down';
    return t(`dashboard.cards.${key}`, { ...against, change: percent(Math.abs(today - before), before), value: format(before) });
  };
  const { today, lastWeek } = view;
  const count = (n: number) => String(n);
  return (
    <div className="dash-cards" data-testid="dashboard-cards">
      <div className="dash-card dash-card-main">
        <span className="dash-card-label">{t('dashboard.cards.sales')}</span>
        <span className="dash-card-value" data-testid="dash-net-sales">
          {formatBRL(today.netSales)}
        </span>
        <span className="dash-card-note">{compare(today.netSales, lastWeek.netSales, formatBRL)}</span>
        {today.discounts > 0 && <span className="dash-card-note">{t('dashboard.cards.discounts', { value: formatBRL(today.discounts) })}</span>}
      </div>
      <div className="dash-card">
        <span className="dash-card-label">{t('dashboard.cards.orders')}</span>
        <span className="dash-card-value" data-testid="dash-orders">
          {today.orders}
        </span>
        <span className="dash-card-note">{compare(today.orders, lastWeek.orders, count)}</span>
        {today.open.count > 0 && <span className="dash-card-note">{t('dashboard.cards.open', { count: today.open.count, total: formatBRL(today.open.total) })}</span>}
      </div>
      <div className="dash-card">
        <span className="dash-card-label">{t('dashboard.cards.average')}</span>
        <span className="dash-card-value" data-testid="dash-average">
          {formatBRL(today.averageTicket)}
        </span>
        <span className="dash-card-note">{compare(today.averageTicket, lastWeek.averageTicket, formatBRL)}</span>
      </div>
      <div className={`dash-card${today.voided.count + today.cancelled.count ? ' dash-card-warn' : ''}`}>
        <span className="dash-card-label">{t('dashboard.cards.apart')}</span>
        <span className="dash-card-value" data-testid="dash-apart">
          {today.voided.count + today.cancelled.count}
        </span>
        <span className="dash-card-note">
          {t('dashboard.cards.apartValue', {
            voided: today.voided.count,
            voidedTotal: formatBRL(today.voided.total),
            cancelled: today.cancelled.count,
            cancelledTotal: formatBRL(today.cancelled.total),
          })}
        </span>
      </div>
    </div>
  );
}

function Panel({ title, subtitle, wide, testId, children }: { title: string; subtitle?: string; wide?: boolean; testId: string; children: ReactNode }) {
  return (
    <section className={`panel dash-panel${wide ? ' dash-panel-wide' : ''}`} data-testid={testId} aria-label={title}>
      <div>
        <h2 className="section-title">{title}</h2>
        {subtitle && <p className="muted small">{subtitle}</p>}
      </div>
      {children}
    </section>
  );
}

function HoursPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const lastWeek = dayName(view.lastWeekDay);
  const config = useMemo<ChartConfiguration>(
    () =>
      ({
        type: 'bar',
        data: {
          labels: view.hours.map((h) => h.label.slice(0, 2)),
          datasets: [
            {
              type: 'bar',
              label: t('dashboard.hours.today'),
              // The hours still to come have no bar yet.
              data: view.hours.map((h, i) => (i <= view.currentHour ? h.today / 100 : null)),
              backgroundColor: BRAND,
              borderRadius: 4,
              maxBarThickness: 28,
            },
            { type: 'line', label: lastWeek, data: view.hours.map((h) => h.lastWeek / 100), borderColor: LAST_WEEK, backgroundColor: LAST_WEEK, pointRadius: 2, tension: 0.25 },
          ],
        },
        options: {
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 14 } },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatBRL(Math.round(Number(item.raw) * 100))}` } },
          },
          scales: { y: { beginAtZero: true, ticks: { callback: (value) => formatBRL(Number(value) * 100) } }, x: { grid: { display: false } } },
        },
      }) as ChartConfiguration,
    [view, lastWeek, t],
  );
  const total = (key: 'today' | 'lastWeek') => formatBRL(view.hours.reduce((sum, h) => sum + h[key], 0));
  return (
    <Panel title={t('dashboard.hours.title')} subtitle={t('dashboard.hours.subtitle', { lastWeek })} wide testId="dash-hours">
      <ChartCanvas config={config} label={t('dashboard.hours.summary', { today: total('today'), lastWeek, total: total('lastWeek') })} />
    </Panel>
  );
}

function ProductsPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const [ranking, setRanking] = useState<'byValue' | 'byQuantity'>('byValue');
  const products = view.topProducts[ranking];
  return (
    <Panel title={t('dashboard.products.title')} testId="dash-products">
      <div className="segmented" role="group" aria-label={t('dashboard.products.title')}>
        {(['byValue', 'byQuantity'] as const).map((key) => (
          <button key={key} type="button" className="segmented-option" aria-pressed={ranking === key} onClick={() => setRanking(key)} data-testid={`dash-products-${key}`}>
            {t(`dashboard.products.${key}`)}
          </button>
        ))}
      </div>
      {products.length === 0 ? (
        <p className="muted">{t('dashboard.products.empty')}</p>
      ) : (
        <table className="table dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.products.product')}</th>
              <th scope="col" className="num">
                {t('dashboard.products.quantity')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.products.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.productId} data-testid="dash-product">
                <td>{p.name}</td>
                <td className="num">{p.quantity}</td>
                <td className="num">{formatBRL(p.netValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function PaymentsPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: view.payments.map((p) => t(`methods.${p.method}`)),
        datasets: [{ data: view.payments.map((p) => p.amount / 100), backgroundColor: view.payments.map((p) => METHOD_COLORS[p.method] ?? BRAND), borderRadius: 5, maxBarThickness: 26 }],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => formatBRL(Math.round(Number(item.raw) * 100)) } } },
        scales: { x: { beginAtZero: true, ticks: { callback: (value) => formatBRL(Number(value) * 100) } }, y: { grid: { display: false } } },
      },
    }),
    [view, t],
  );
  const total = view.payments.reduce((sum, p) => sum + p.amount, 0);
  const list = view.payments.map((p) => `${t(`methods.${p.method}`)} ${formatBRL(p.amount)}`).join(', ');
  return (
    <Panel title={t('dashboard.payments.title')} subtitle={t('dashboard.payments.subtitle')} testId="dash-payments">
      {view.payments.length === 0 ? (
        <p className="muted">{t('dashboard.payments.empty')}</p>
      ) : (
        <>
          <ChartCanvas config={config} label={t('dashboard.payments.summary', { list })} className="dash-chart-short" />
          <ul className="dash-list">
            {view.payments.map((p) => (
              <li key={p.method} data-testid={`dash-payment-${p.method}`}>
                <span>{t(`methods.${p.method}`)}</span>
                <span className="num">
                  {formatBRL(p.amount)} · {percent(p.amount, total)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

function CaixasPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  return (
    <Panel title={t('dashboard.caixas.title')} testId="dash-caixas">
      {view.caixas.length === 0 ? (
        <p className="muted">{t('dashboard.caixas.empty')}</p>
      ) : (
        <ul className="dash-list">
          {view.caixas.map((c) => (
            <li key={c.sessionId} data-testid="dash-caixa">
              <span>{t('dashboard.caixas.line', { letter: c.terminalLetter, name: c.openedByName, when: formatDateTime(c.openedAt, timeZone) })}</span>
              <span className="num" title={t('dashboard.caixas.expected')}>
                {formatBRL(c.expectedCash)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function StockPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const { low, expiring, expiryDays } = view.stock;
  return (
    <Panel title={t('dashboard.stock.title')} testId="dash-stock">
      {low.length === 0 && expiring.length === 0 && <p className="muted">{t('dashboard.stock.empty')}</p>}
      {low.length > 0 && (
        <>
          <h3 className="dash-subtitle">{t('dashboard.stock.low')}</h3>
          <ul className="dash-list">
            {low.map((item) => (
              <li key={item.id} data-testid="dash-stock-low">
                <span>{item.name}</span>
                <span className="num">{t('dashboard.stock.lowLine', { onHand: qty(item.onHand, item.baseUnit), minimum: qty(item.minimum, item.baseUnit) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {expiring.length > 0 && (
        <>
          <h3 className="dash-subtitle">{t('dashboard.stock.expiring', { days: expiryDays })}</h3>
          <ul className="dash-list">
            {expiring.map((lot) => (
              <li key={lot.movementId} data-testid="dash-stock-expiring">
                <span>{lot.itemName}</span>
                <span className="num">
                  {t('dashboard.stock.expiringLine', { remaining: qty(lot.remaining, lot.baseUnit), lot: lot.lot ?? t('dashboard.stock.noLot'), expiry: isoToDateInput(lot.expiry) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

function RatingsPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  return (
    <Panel title={t('dashboard.ratings.title')} testId="dash-ratings">
      {view.lowRatings.length === 0 ? (
        <p className="muted">{t('dashboard.ratings.empty')}</p>
      ) : (
        <ul className="dash-list dash-ratings">
          {view.lowRatings.map((f) => (
            <li key={f.id} data-testid="dash-rating">
              <span>
                <Stars rating={f.rating} /> {t('dashboard.ratings.line', { number: f.orderNumber, when: formatDateTime(f.createdAt, timeZone) })}
                <span className="dash-comment">{f.comment ?? t('dashboard.ratings.noComment')}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** One pt-BR line per part of the system, green when all is well, amber or red when it needs a look. */
function HealthPanel({ view }: { view: Dashboard }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const { sync, webhooks, printers } = view.health;

  const syncLine = (): [string, 'ok' | 'warn' | 'bad', string[]] => {
    if (!sync) return [t('dashboard.health.sync.unavailable'), 'warn', []];
    const details = [
      ...(sync.lastSuccessAt ? [t('dashboard.health.sync.lastSuccess', { time: formatDateTime(sync.lastSuccessAt, timeZone) })] : []),
      ...(sync.lastError ? [t('dashboard.health.sync.lastError', { error: sync.lastError })] : []),
    ];
    if (sync.mode === 'local') return [t('dashboard.health.sync.local'), 'ok', []];
    if (sync.mode === 'offline') return [sync.waiting ? t('dashboard.health.sync.waiting', { count: sync.waiting }) : t('dashboard.health.sync.offline'), 'bad', [t('dashboard.health.sync.offline'), ...details].filter((line, i, all) => all.indexOf(line) === i)];
    if (sync.phase !== 'idle') return [t('dashboard.health.sync.syncing'), 'ok', details];
    return sync.waiting ? [t('dashboard.health.sync.waiting', { count: sync.waiting }), 'warn', details] : [t('dashboard.health.sync.upToDate'), 'ok', details];
  };

  const webhookLine = (): [string, 'ok' | 'warn' | 'bad', string[]] => {
    const queued = webhooks.queued ? [t('dashboard.health.webhooks.queued', { count: webhooks.queued })] : [];
    const endpoints = webhooks.failing.map((e) => e.disabledReason ?? t('dashboard.health.webhooks.endpoint', { name: e.description ?? e.url, count: e.dead }));
    return webhooks.failing.length
      ? [t('dashboard.health.webhooks.failing', { count: webhooks.failing.length }), 'bad', [...endpoints, ...queued]]
      : [t('dashboard.health.webhooks.ok'), 'ok', queued];
  };

  const printerLine = (): [string, 'ok' | 'warn' | 'bad', string[]] => {
    if (printers.failed) return [t('dashboard.health.printers.failed', { count: printers.failed }), 'bad', printers.lastError ? [t('dashboard.health.printers.lastError', { error: printers.lastError })] : []];
    if (printers.pending) return [t('dashboard.health.printers.pending', { count: printers.pending }), 'warn', []];
    return [t('dashboard.health.printers.ok'), 'ok', []];
  };

  return (
    <Panel title={t('dashboard.health.title')} testId="dash-health">
      <ul className="dash-health">
        {(
          [
            ['sync', syncLine()],
            ['webhooks', webhookLine()],
            ['printers', printerLine()],
          ] as const
        ).map(([key, [line, level, details]]) => (
          <li key={key} className={`dash-badge dash-badge-${level}`} data-testid={`dash-health-${key}`} data-level={level}>
            <strong>{line}</strong>
            {details.map((detail) => (
              <span key={detail} className="dash-badge-detail">
                {detail}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
