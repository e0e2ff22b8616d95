import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { formatBRL, formatTime } from '../format';
import type { Route } from '../routes';
import { useLiveRefresh } from '../hooks/useLive';
import { routeKey } from '../navigation';
import { useSession } from '../session';
import { daysUntil, formatIsoDate, qty, STOCK_EVENTS, type StockItem } from './common';
import type { StockRoute } from './routes';
import { DataTable } from '../components/DataTable';
import { FormError } from '../components/Field';

type Alerts = Output<'stock.alerts'>;

const QUICK: readonly { route: StockRoute; key: 'receive' | 'loss' | 'count' | 'items' | 'movements' | 'recipes' }[] = [
  { route: 'estoque/entrada', key: 'receive' },
  { route: 'estoque/perdas', key: 'loss' },
  { route: 'estoque/inventario', key: 'count' },
  { route: 'estoque/insumos', key: 'items' },
  { route: 'estoque/movimentos', key: 'movements' },
  { route: 'estoque/fichas', key: 'recipes' },
];

/**
 * The stockroom's start screen: what is at or below its minimum (red), what went negative, the lots
 * that expire soon, and the day's quick actions. Live: a sale, a void or another terminal's entry
 * refreshes it; an item crossing its minimum also says so in a toast.
 */
export function StockHome({ onNavigate }: { onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [alerts, setAlerts] = useState<Alerts | null>(null);
  const [items, setItems] = useState<StockItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);

  const load = useCallback(async () => {
    const [alertsOutcome, itemsOutcome] = await Promise.all([api.call('stock.alerts', {}), api.call('stock.items', {})]);
    if (!alertsOutcome.ok) return setError(alertsOutcome.error.message);
    if (!itemsOutcome.ok) return setError(itemsOutcome.error.message);
    setError(null);
    setAlerts(alertsOutcome.result);
    setItems(itemsOutcome.result);
    setLoadedAt(Date.now());
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(STOCK_EVENTS, () => void load(), 200);
  useEffect(() => api.subscribe('stock.low', (event) => notify(t('stock.home.lowToast', { name: event.name }))), [notify, t]);

  const expiryDays = alerts?.expiryDays ?? null;
  const low = alerts?.low ?? [];
  const negative = low.filter((item) => item.negative);
  const belowMinimum = low.filter((item) => !item.negative);
  const totalValue = items?.reduce((sum, item) => sum + Math.max(0, item.value), 0) ?? 0;

  return (
    <div className="page-content page-content-wide stock-page" data-testid="stock-home">
      <div className="page-header">
        <div>
          <h1>{t('stock.home.title')}</h1>
          <p className="muted">{t('stock.home.subtitle')}</p>
        </div>
        <p className="muted small live-note" role="status" aria-live="polite">
          <span className="live-dot" aria-hidden="true" />
          {loadedAt ? t('stock.home.updatedAt', { time: formatTime(loadedAt, timeZone) }) : t('common.loading')}
        </p>
      </div>

      <FormError message={error} />

      <div className="stock-figures" aria-label={t('stock.home.figures')}>
        <div className={`stock-figure${belowMinimum.length ? ' figure-danger' : ''}`} data-testid="figure-low">
          <span className="stock-figure-label">{t('stock.home.figureLow')}</span>
          <strong>{alerts ? belowMinimum.length : '–'}</strong>
        </div>
        <div className={`stock-figure${negative.length ? ' figure-danger' : ''}`} data-testid="figure-negative">
          <span className="stock-figure-label">{t('stock.home.figureNegative')}</span>
          <strong>{alerts ? negative.length : '–'}</strong>
        </div>
        <div className={`stock-figure${alerts?.expiring.length ? ' figure-warning' : ''}`} data-testid="figure-expiring">
          <span className="stock-figure-label">{t('stock.home.figureExpiring')}</span>
          <strong>{alerts ? alerts.expiring.length : '–'}</strong>
        </div>
        <div className="stock-figure">
          <span className="stock-figure-label">{t('stock.home.figureItems')}</span>
          <strong>{items ? items.length : '–'}</strong>
        </div>
        <div className="stock-figure">
          <span className="stock-figure-label">{t('stock.home.figureValue')}</span>
          <strong className="figure-money">{items ? formatBRL(totalValue) : '–'}</strong>
        </div>
      </div>

      <div className="stock-home-grid">
        <div className="stock-home-main">
          <section className="panel panel-alert" aria-labelledby="stock-low-title" data-testid="low-panel">
            <div className="panel-head">
              <h2 id="stock-low-title" className="section-title">
                {t('stock.home.lowTitle')}
              </h2>
              <button type="button" className="button button-small button-secondary" onClick={() => onNavigate('estoque/entrada')}>
                {t('stock.home.receiveNow')}
              </button>
            </div>
            {alerts && low.length === 0 && (
              <p className="empty-note" data-testid="low-empty">
                {t('stock.home.lowEmpty')}
              </p>
            )}
            {low.length > 0 && (
              <DataTable
                wrapClassName="table-flat"
                className="table-compact"
                rows={[...negative, ...belowMinimum]}
                rowKey={(item) => item.id}
                rowProps={(item) => ({ className: 'row-low', 'data-testid': 'low-row', 'data-name': item.name })}
                columns={[
                  {
                    key: 'item',
                    header: t('stock.columns.item'),
                    rowHeader: true,
                    cell: (item) => (
                      <>
                        {item.name}
                        {item.category && <span className="cell-sub">{item.category}</span>}
                      </>
                    ),
                  },
                  { key: 'onHand', header: t('stock.columns.onHand'), num: true, className: 'text-danger strong', testId: 'low-onhand', cell: (item) => qty(item.onHand, item.baseUnit) },
                  { key: 'minimum', header: t('stock.columns.minimum'), num: true, cell: (item) => qty(item.minimum, item.baseUnit) },
                  {
                    key: 'missing',
                    header: t('stock.home.missing'),
                    num: true,
                    cell: (item) => (item.minimum - item.onHand > 0 ? qty(item.minimum - item.onHand, item.baseUnit) : '—'),
                  },
                  {
                    key: 'status',
                    header: t('stock.columns.status'),
                    cell: (item) => (
                      <span className="badge badge-danger">{item.negative ? t('stock.badges.negative') : item.onHand === item.minimum ? t('stock.badges.atMinimum') : t('stock.badges.low')}</span>
                    ),
                  },
                ]}
              />
            )}
          </section>
        </div>

        <div className="stock-home-side">
          <section className="panel" aria-labelledby="stock-expiring-title" data-testid="expiring-panel">
            <h2 id="stock-expiring-title" className="section-title">
              {expiryDays ? t('stock.home.expiringTitleDays', { count: expiryDays }) : t('stock.home.expiringTitle')}
            </h2>
            {alerts && alerts.expiring.length === 0 && <p className="empty-note">{t('stock.home.expiringEmpty')}</p>}
            {alerts && alerts.expiring.length > 0 && (
              <ul className="expiring-list">
                {alerts.expiring.map((lot) => {
                  const days = daysUntil(lot.expiry, timeZone);
                  return (
                    <li key={lot.movementId} className={days <= 2 ? 'urgent' : undefined} data-testid="expiring-row" data-name={lot.itemName}>
                      <div className="expiring-main">
                        <strong>{lot.itemName}</strong>
                        <span className={`badge ${days <= 2 ? 'badge-danger' : 'badge-warning'}`}>
                          {days < 0 ? t('stock.home.expired') : days === 0 ? t('stock.home.today') : t('stock.home.inDays', { count: days })}
                        </span>
                      </div>
                      <span className="muted small">
                        {[lot.lot ? t('stock.movements.lot', { lot: lot.lot }) : null, t('stock.home.expiresOn', { date: formatIsoDate(lot.expiry) }), t('stock.home.onShelf', { quantity: qty(lot.remaining, lot.baseUnit) })]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section className="panel" aria-labelledby="stock-quick-title">
            <h2 id="stock-quick-title" className="section-title">
              {t('stock.home.quickTitle')}
            </h2>
            <div className="quick-grid">
              {QUICK.map((action) => (
                <button key={action.route} type="button" className="quick-action" title={t(`stock.home.quick.${action.key}.text`)} onClick={() => onNavigate(action.route)} data-testid={`quick-${routeKey(action.route)}`}>
                  {t(`stock.home.quick.${action.key}.title`)}
                </button>
              ))}
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
