import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Input, type Output } from '../api';
import { formatDateTime, formatTime } from '../format';
import { useApiData } from '../hooks/useApiData';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import type { Endpoint } from './EndpointForm';
import { eventLabel, LOG_EVENT_TYPES } from './events';
import { FilterSelect } from '../components/FilterSelect';
import { DataTable } from '../components/DataTable';
import { FormError } from '../components/Field';
import { RowButton } from '../components/ListParts';

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
const responseOf = ({ lastAttempt: last }: Delivery) => (last ? (last.error ?? last.response ?? '') : '');

/** The delivery log: each event sent to each endpoint, its last attempt, the attempts list and "Reenviar". Live. */
export function DeliveryLog({ endpoints, filter, onFilter }: { endpoints: Endpoint[]; filter: LogFilter; onFilter: (filter: LogFilter) => void }) {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const fetchDeliveries = useCallback(() => {
    const input: Input<'webhooks.deliveries'> = { limit: 100 };
    if (filter.endpointId) input.endpointId = filter.endpointId;
    if (filter.eventType) input.eventType = filter.eventType;
    if (filter.status) input.status = filter.status;
    return api.call('webhooks.deliveries', input);
  }, [filter]);
  const { data: rows, error, reload: load } = useApiData(fetchDeliveries);
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
      <DataTable
        wrapClassName="table-flat"
        className="table-compact wh-table"
        testId="webhook-deliveries"
        caption={t('webhooks.log.title')}
        rows={rows}
        rowKey={(delivery) => delivery.id}
        rowProps={(delivery) => ({
          className: delivery.status === 'dead' ? 'row-failed wh-row-dead' : undefined,
          'data-testid': 'webhook-delivery',
          'data-delivery-id': delivery.id,
          'data-event-id': delivery.eventId,
          'data-event-type': delivery.eventType,
          'data-status': delivery.status,
        })}
        loading={error ? undefined : t('common.loading')}
        empty={t('webhooks.log.empty')}
        emptyClassName="wh-empty"
        rowDetail={(delivery) => open === delivery.id && <Attempts deliveryId={delivery.id} version={`${delivery.attempts}-${delivery.status}`} />}
        rowDetailClassName="wh-attempts-row"
        columns={[
          { key: 'when', header: t('webhooks.log.columns.when'), className: 'nowrap', cell: (delivery) => formatDateTime(delivery.createdAt, timeZone) },
          {
            key: 'event',
            header: t('webhooks.log.columns.event'),
            cell: (delivery) => (
              <>
                <span className="strong">{eventLabel(t, delivery.eventType)}</span>
                <span className="cell-sub wh-mono" title={`${delivery.eventType} · ${delivery.eventId}`}>
                  {truncate(delivery.eventId, 14)}
                </span>
              </>
            ),
          },
          showEndpoint && {
            key: 'endpoint',
            header: t('webhooks.log.endpoint'),
            className: 'wh-url-cell',
            title: (delivery) => delivery.endpointUrl,
            cell: (delivery) => truncate(delivery.endpointUrl.replace(/^https?:\/\//, ''), 32),
          },
          {
            key: 'status',
            header: t('webhooks.log.columns.status'),
            cell: (delivery) => (
              <span className={`badge ${STATUS_BADGE[delivery.status]}`} data-testid="webhook-delivery-status">
                {t(`webhooks.log.statuses.${delivery.status}`)}
              </span>
            ),
          },
          { key: 'attempts', header: t('webhooks.log.columns.attempts'), num: true, cell: (delivery) => delivery.attempts },
          { key: 'next', header: t('webhooks.log.columns.next'), className: 'nowrap', cell: (delivery) => (delivery.nextAttemptAt ? formatTime(delivery.nextAttemptAt, timeZone) : '—') },
          {
            key: 'http',
            header: t('webhooks.log.columns.http'),
            num: true,
            cell: ({ lastAttempt: last }) =>
              last?.statusCode ? <span className={last.statusCode >= 200 && last.statusCode < 300 ? 'text-success strong' : 'text-danger strong'}>{last.statusCode}</span> : '—',
          },
          { key: 'duration', header: t('webhooks.log.columns.duration'), num: true, cell: ({ lastAttempt: last }) => (last ? t('webhooks.log.ms', { ms: last.durationMs }) : '—') },
          {
            key: 'response',
            header: t('webhooks.log.columns.response'),
            className: 'wh-response',
            title: (delivery) => responseOf(delivery) || undefined,
            cell: (delivery) => {
              const response = responseOf(delivery);
              return delivery.lastAttempt ? response ? <code className="wh-code">{truncate(response, RESPONSE_CHARS)}</code> : <span className="muted">{t('webhooks.log.noResponse')}</span> : '—';
            },
          },
          {
            key: 'actions',
            header: t('webhooks.log.columns.actions'),
            actions: true,
            cell: (delivery) => (
              <span className="row-actions">
                <RowButton
                  className="button-ghost"
                  aria-expanded={open === delivery.id}
                  onClick={() => setOpen(open === delivery.id ? null : delivery.id)}
                  data-testid="webhook-delivery-attempts"
                >
                  {open === delivery.id ? t('webhooks.log.hideAttempts') : t('webhooks.log.attemptsButton')}
                </RowButton>
                {delivery.status !== 'pending' && (
                  <RowButton
                    className={delivery.status === 'dead' ? 'button-warning' : 'button-secondary'}
                    disabled={busy === delivery.id}
                    onClick={() => void redeliver(delivery)}
                    data-testid="webhook-redeliver"
                  >
                    {t('webhooks.log.redeliver')}
                  </RowButton>
                )}
              </span>
            ),
          },
        ]}
      />
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
