import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Input, type Output } from '../api';
import { formatDateTime, formatTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import type { Endpoint } from './EndpointForm';
import { eventLabel, LOG_EVENT_TYPES } from './events';
import { FilterSelect } from '../components/FilterSelect';
import { FormError } from '../components/Field';

type Delivery = Output<'webhooks.deliveries'>[number];
type Attempt = Output<'webhooks.attempts'>[number];
type Status = Delivery['status'];

export interface LogFilter {
  endpointId: string;
  eventType: string;
  status: '' | Status;
}

export const EMPTY_LOG_FILTER: LogFilter = { endpointId: '', eventType: '', status: '' };

const STATUS_BADGE: Record<Status, string> = { pending: 'badge-warning', delivered: 'badge-success', dead: 'badge-danger' };
const RESPONSE_CHARS = 60;

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The delivery log: each event sent to each endpoint, its last attempt, the attempts list and "Reenviar". Live. */
export function DeliveryLog({ endpoints, filter, onFilter }: { endpoints: Endpoint[]; filter: LogFilter; onFilter: (filter: LogFilter) => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const input: Input<'webhooks.deliveries'> = { limit: 100 };
    if (filter.endpointId) input.endpointId = filter.endpointId;
    if (filter.eventType) input.eventType = filter.eventType;
    if (filter.status) input.status = filter.status;
    const outcome = await api.call('webhooks.deliveries', input);
    if (outcome.ok) {
      setRows(outcome.result);
      setError(null);
    } else setError(outcome.error.message);
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['webhooks.delivery', 'webhooks.queued', 'webhooks.changed'], () => void load(), 250);

  const redeliver = async (delivery: Delivery) => {
    setBusy(delivery.id);
    const outcome = await api.call('webhooks.redeliver', { deliveryId: delivery.id });
    setBusy(null);
    notify(outcome.ok ? t('webhooks.log.redelivered') : outcome.error.message);
    void load();
  };

  const set = <K extends keyof LogFilter>(key: K, value: LogFilter[K]) => onFilter({ ...filter, [key]: value });
  const showEndpoint = !filter.endpointId && endpoints.length > 1;
  const columns = showEndpoint ? 10 : 9;

  return (
    <section className="panel wh-log" aria-labelledby="wh-log-title" data-testid="webhook-log">
      <div className="wh-panel-head">
        <div>
          <h2 id="wh-log-title" className="section-title">
            {t('webhooks.log.title')}
          </h2>
          <p className="muted small">{t('webhooks.log.subtitle')}</p>
        </div>
        <div className="wh-log-filters" role="search">
          <FilterSelect
            id="wh-filter-endpoint"
            label={t('webhooks.log.endpoint')}
            allLabel={t('webhooks.log.allEndpoints')}
            value={filter.endpointId}
            options={endpoints.map((endpoint) => ({ value: endpoint.id, label: endpoint.description ? `${endpoint.description} · ${endpoint.url}` : endpoint.url }))}
            onChange={(v) => set('endpointId', v)}
            testId="webhook-log-endpoint"
          />
          <FilterSelect
            id="wh-filter-event"
            label={t('webhooks.log.eventType')}
            allLabel={t('webhooks.log.allEventTypes')}
            value={filter.eventType}
            options={LOG_EVENT_TYPES.map((type) => ({ value: type, label: eventLabel(t, type) }))}
            onChange={(v) => set('eventType', v)}
            testId="webhook-log-event"
          />
          <FilterSelect
            id="wh-filter-status"
            label={t('webhooks.log.status')}
            allLabel={t('webhooks.log.allStatuses')}
            value={filter.status}
            options={(['pending', 'delivered', 'dead'] as const).map((status) => ({ value: status, label: t(`webhooks.log.statuses.${status}`) }))}
            onChange={(v) => set('status', v as LogFilter['status'])}
            testId="webhook-log-status"
          />
        </div>
      </div>
      <FormError message={error} />
      <div className="table-wrap table-flat">
        <table className="table table-compact wh-table" data-testid="webhook-deliveries">
          <caption className="visually-hidden">{t('webhooks.log.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.log.columns.when')}</th>
              <th scope="col">{t('webhooks.log.columns.event')}</th>
              {showEndpoint && <th scope="col">{t('webhooks.log.endpoint')}</th>}
              <th scope="col">{t('webhooks.log.columns.status')}</th>
              <th scope="col" className="num">
                {t('webhooks.log.columns.attempts')}
              </th>
              <th scope="col">{t('webhooks.log.columns.next')}</th>
              <th scope="col" className="num">
                {t('webhooks.log.columns.http')}
              </th>
              <th scope="col" className="num">
                {t('webhooks.log.columns.duration')}
              </th>
              <th scope="col">{t('webhooks.log.columns.response')}</th>
              <th scope="col" className="actions-col">
                {t('webhooks.log.columns.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows === null && !error && (
              <tr>
                <td colSpan={columns} className="muted">
                  {t('common.loading')}
                </td>
              </tr>
            )}
            {rows?.length === 0 && (
              <tr>
                <td colSpan={columns} className="wh-empty">
                  {t('webhooks.log.empty')}
                </td>
              </tr>
            )}
            {rows?.map((delivery) => {
              const last = delivery.lastAttempt;
              const response = last ? (last.error ?? last.response ?? '') : '';
              const expanded = open === delivery.id;
              return (
                <Fragment key={delivery.id}>
                  <tr
                    className={delivery.status === 'dead' ? 'row-failed wh-row-dead' : undefined}
                    data-testid="webhook-delivery"
                    data-delivery-id={delivery.id}
                    data-event-id={delivery.eventId}
                    data-event-type={delivery.eventType}
                    data-status={delivery.status}
                  >
                    <td className="nowrap">{formatDateTime(delivery.createdAt, timeZone)}</td>
                    <td>
                      <span className="strong">{eventLabel(t, delivery.eventType)}</span>
                      <span className="cell-sub wh-mono" title={`${delivery.eventType} · ${delivery.eventId}`}>
                        {truncate(delivery.eventId, 14)}
                      </span>
                    </td>
                    {showEndpoint && (
                      <td className="wh-url-cell" title={delivery.endpointUrl}>
                        {truncate(delivery.endpointUrl.replace(/^https?:\/\//, ''), 32)}
                      </td>
                    )}
                    <td>
                      <span className={`badge ${STATUS_BADGE[delivery.status]}`} data-testid="webhook-delivery-status">
                        {t(`webhooks.log.statuses.${delivery.status}`)}
                      </span>
                    </td>
                    <td className="num">{delivery.attempts}</td>
                    <td className="nowrap">{delivery.nextAttemptAt ? formatTime(delivery.nextAttemptAt, timeZone) : '—'}</td>
                    <td className="num">
                      {last?.statusCode ? (
                        <span className={last.statusCode >= 200 && last.statusCode < 300 ? 'text-success strong' : 'text-danger strong'}>{last.statusCode}</span>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="num">{last ? t('webhooks.log.ms', { ms: last.durationMs }) : '—'}</td>
                    <td className="wh-response" title={response || undefined}>
                      {last ? response ? <code className="wh-code">{truncate(response, RESPONSE_CHARS)}</code> : <span className="muted">{t('webhooks.log.noResponse')}</span> : '—'}
                    </td>
                    <td className="actions-col">
                      <span className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-ghost"
                          aria-expanded={expanded}
                          onClick={() => setOpen(expanded ? null : delivery.id)}
                          data-testid="webhook-delivery-attempts"
                        >
                          {expanded ? t('webhooks.log.hideAttempts') : t('webhooks.log.attemptsButton')}
                        </button>
                        {delivery.status !== 'pending' && (
                          <button
                            type="button"
                            className={`button button-small ${delivery.status === 'dead' ? 'button-warning' : 'button-secondary'}`}
                            disabled={busy === delivery.id}
                            onClick={() => void redeliver(delivery)}
                            data-testid="webhook-redeliver"
                          >
                            {t('webhooks.log.redeliver')}
                          </button>
                        )}
                      </span>
                    </td>
                  </tr>
                  {expanded && (
                    <tr className="wh-attempts-row">
                      <td colSpan={columns}>
                        <Attempts deliveryId={delivery.id} version={`${delivery.attempts}-${delivery.status}`} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Attempts({ deliveryId, version }: { deliveryId: string; version: string }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [attempts, setAttempts] = useState<Attempt[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.call('webhooks.attempts', { deliveryId }).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setAttempts(outcome.result);
      else setError(outcome.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [deliveryId, version]);

  if (error) return <p className="text-danger">{error}</p>;
  if (!attempts) return <p className="muted">{t('common.loading')}</p>;
  if (attempts.length === 0) return <p className="muted">{t('webhooks.log.none')}</p>;
  return (
    <ol className="wh-attempts" aria-label={t('webhooks.log.attemptsTitle')} data-testid="webhook-attempts">
      {attempts.map((attempt) => (
        <li key={attempt.attempt} className="wh-attempt">
          <span className="strong">{t('webhooks.log.attemptN', { n: attempt.attempt })}</span>
          <span className="muted">{formatDateTime(attempt.at, timeZone)}</span>
          <span className={attempt.statusCode && attempt.statusCode < 300 ? 'badge badge-success' : 'badge badge-danger'}>{attempt.statusCode ?? '—'}</span>
          <span className="muted">{t('webhooks.log.ms', { ms: attempt.durationMs })}</span>
          <code className="wh-code wh-attempt-response">{attempt.error ?? attempt.response ?? t('webhooks.log.noResponse')}</code>
        </li>
      ))}
    </ol>
  );
}
