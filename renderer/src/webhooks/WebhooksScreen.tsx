import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Modal } from '../components/Modal';
import { formatDateTime } from '../format';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { DeliveryLog, EMPTY_LOG_FILTER, type LogFilter } from './DeliveryLog';
import { EndpointForm, type Endpoint } from './EndpointForm';
import { EVENT_TYPES, eventLabel } from './events';
import { SecretDialog, type ShownSecret } from './SecretDialog';
import './webhooks.css';
import { FormError } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { RowButton } from '../components/ListParts';

const SHOWN_EVENTS = 3;

/** Webhooks (#/webhooks, admin): the endpoints, their secrets shown once, "Testar", and the delivery log. */
export function WebhooksScreen() {
  const { t } = useTranslation();
  const { timeZone, notify } = useSession();
  const [endpoints, setEndpoints] = useState<Endpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Endpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [rotating, setRotating] = useState<Endpoint | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [filter, setFilter] = useState<LogFilter>(EMPTY_LOG_FILTER);

  const load = useCallback(async () => {
    const outcome = await api.call('webhooks.list', {});
    if (outcome.ok) {
      setEndpoints(outcome.result);
      setError(null);
    } else setError(outcome.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  // Pending and dead counts move with every attempt.
  useLiveRefresh(['webhooks.changed', 'webhooks.delivery', 'webhooks.queued'], () => void load(), 400);

  const test = async (endpoint: Endpoint) => {
    setBusy(endpoint.id);
    const outcome = await api.call('webhooks.test', { id: endpoint.id });
    setBusy(null);
    if (!outcome.ok) return notify(outcome.error.message);
    notify(t('webhooks.tested', { url: endpoint.url }));
    setFilter({ ...EMPTY_LOG_FILTER, endpointId: endpoint.id });
  };

  const setEnabled = async (endpoint: Endpoint, enabled: boolean) => {
    setBusy(endpoint.id);
    const outcome = await api.call('webhooks.update', { id: endpoint.id, enabled });
    setBusy(null);
    notify(outcome.ok ? (enabled ? t('webhooks.enabledToast') : t('webhooks.disabledToast')) : outcome.error.message);
    void load();
  };

  const rotate = async (endpoint: Endpoint) => {
    setBusy(endpoint.id);
    const outcome = await api.call('webhooks.rotateSecret', { id: endpoint.id });
    setBusy(null);
    setRotating(null);
    if (!outcome.ok) return notify(outcome.error.message);
    setSecret({ secret: outcome.result.secret, kind: 'rotated', url: endpoint.url, previousValidUntil: outcome.result.previousValidUntil });
    void load();
  };

  const dead = (endpoints ?? []).reduce((sum, e) => sum + e.dead, 0);

  return (
    <div className="page-content page-content-wide" data-testid="webhooks-screen">
      <div className="page-header">
        <div>
          <h1>{t('webhooks.title')}</h1>
          <p className="muted">{t('webhooks.subtitle')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="webhook-create">
          + {t('webhooks.create')}
        </button>
      </div>

      <FormError message={error} />
      {dead > 0 && (
        <div className="alert alert-error wh-dead-banner" role="alert" data-testid="webhook-dead-banner">
          <span className="wh-dead-mark" aria-hidden="true">
            !
          </span>
          <span>{t('webhooks.deadBanner', { count: dead })}</span>
          <button type="button" className="button button-small button-danger-outline" onClick={() => setFilter({ ...EMPTY_LOG_FILTER, status: 'dead' })}>
            {t('webhooks.log.statuses.dead')}
          </button>
        </div>
      )}

      <section className="panel wh-endpoints" aria-labelledby="wh-endpoints-title">
        <h2 id="wh-endpoints-title" className="section-title">
          {t('webhooks.endpoints')}
        </h2>
        {endpoints?.length === 0 ? (
          <p className="wh-empty">{t('webhooks.empty')}</p>
        ) : (
          <DataTable
            wrapClassName="table-flat"
            className="table-compact wh-table"
            testId="webhook-endpoints"
            caption={t('webhooks.endpoints')}
            rows={endpoints}
            rowKey={(endpoint) => endpoint.id}
            rowProps={(endpoint) => ({
              className: `${endpoint.enabled ? '' : 'row-inactive'}${endpoint.id === filter.endpointId ? ' wh-row-selected' : ''}`,
              'data-testid': 'webhook-endpoint',
              'data-endpoint-id': endpoint.id,
              'data-url': endpoint.url,
            })}
            loading={error ? undefined : t('common.loading')}
            columns={[
              {
                key: 'url',
                header: t('webhooks.columns.url'),
                className: 'wh-url-cell',
                cell: (endpoint) => (
                  <>
                    <span className="wh-url wh-mono">{endpoint.url}</span>
                    {endpoint.description && <span className="cell-sub">{endpoint.description}</span>}
                  </>
                ),
              },
              { key: 'events', header: t('webhooks.columns.events'), cell: (endpoint) => <EventChips events={endpoint.events} /> },
              {
                key: 'status',
                header: t('webhooks.columns.status'),
                cell: (endpoint) => (
                  <>
                    <span className={`badge ${endpoint.enabled ? 'badge-success' : 'badge-muted'}`}>{endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}</span>
                    {endpoint.allowLocal && <span className="cell-sub">{t('webhooks.localNetwork')}</span>}
                    {endpoint.disabledReason && <span className="cell-sub text-danger">{endpoint.disabledReason}</span>}
                    {endpoint.rotatingUntil !== null && endpoint.rotatingUntil > Date.now() && (
                      <span className="cell-sub">{t('webhooks.rotating', { time: formatDateTime(endpoint.rotatingUntil, timeZone) })}</span>
                    )}
                  </>
                ),
              },
              {
                key: 'pending',
                header: t('webhooks.columns.pending'),
                num: true,
                cell: (endpoint) => (endpoint.pending > 0 ? <span className="badge badge-warning">{endpoint.pending}</span> : <span className="muted">0</span>),
              },
              {
                key: 'dead',
                header: t('webhooks.columns.dead'),
                num: true,
                cell: (endpoint) =>
                  endpoint.dead > 0 ? (
                    <button
                      type="button"
                      className="badge badge-danger wh-dead-badge"
                      onClick={() => setFilter({ ...EMPTY_LOG_FILTER, endpointId: endpoint.id, status: 'dead' })}
                      data-testid="webhook-endpoint-dead"
                    >
                      {endpoint.dead}
                    </button>
                  ) : (
                    <span className="muted">0</span>
                  ),
              },
              {
                key: 'actions',
                header: t('webhooks.columns.actions'),
                actions: true,
                cell: (endpoint) => (
                  <span className="row-actions">
                    <RowButton className="button-primary" disabled={busy === endpoint.id || !endpoint.enabled} onClick={() => void test(endpoint)} data-testid="webhook-test">
                      {t('webhooks.test')}
                    </RowButton>
                    <RowButton onClick={() => setFilter({ ...EMPTY_LOG_FILTER, endpointId: endpoint.id })} data-testid="webhook-show-deliveries">
                      {t('webhooks.showDeliveries')}
                    </RowButton>
                    <RowButton onClick={() => setEditing(endpoint)} data-testid="webhook-edit">
                      {t('webhooks.edit')}
                    </RowButton>
                    <RowButton className="button-ghost" disabled={busy === endpoint.id} onClick={() => setRotating(endpoint)} title={t('webhooks.secret.rotateConfirm')} data-testid="webhook-rotate">
                      {t('webhooks.rotate')}
                    </RowButton>
                    <RowButton className="button-ghost" disabled={busy === endpoint.id} onClick={() => void setEnabled(endpoint, !endpoint.enabled)} data-testid="webhook-toggle">
                      {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                    </RowButton>
                  </span>
                ),
              },
            ]}
          />
        )}
      </section>

      {endpoints && endpoints.length > 0 && <DeliveryLog endpoints={endpoints} filter={filter} onFilter={setFilter} />}

      <details className="panel wh-help">
        <summary className="section-title">{t('webhooks.verify.title')}</summary>
        <p>{t('webhooks.verify.text')}</p>
        <pre className="wh-pre" aria-hidden="true">{`import { Webhook } from 'standardwebhooks';\nconst wh = new Webhook('whsec_…');\nconst event = wh.verify(body, headers);`}</pre>
        <p className="muted small">{t('webhooks.verify.idempotency')}</p>
        <p className="muted small">{t('webhooks.verify.retries')}</p>
      </details>

      {editing && (
        <EndpointForm
          endpoint={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(created) => {
            setEditing(null);
            void load();
            setSecret({ secret: created.secret, kind: 'created', url: created.url });
            setFilter({ ...EMPTY_LOG_FILTER, endpointId: created.id });
          }}
          onSaved={() => {
            setEditing(null);
            notify(t('webhooks.saved'));
            void load();
          }}
        />
      )}
      {secret && <SecretDialog shown={secret} onClose={() => setSecret(null)} />}
      {rotating && (
        <Modal title={t('webhooks.secret.rotateTitle')} onClose={() => setRotating(null)} size="small" testId="webhook-rotate-dialog">
          <div className="form-stack">
            <p className="wh-mono wh-break small">{rotating.url}</p>
            <p>{t('webhooks.secret.rotateText')}</p>
            <div className="form-actions">
              <button type="button" className="button button-ghost" onClick={() => setRotating(null)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-primary" disabled={busy === rotating.id} onClick={() => void rotate(rotating)} data-testid="webhook-rotate-confirm">
                {t('webhooks.secret.rotateConfirm')}
              </button>
            </div>
          </div>
        </Modal>
      )}
    </div>
  );
}

/** An endpoint's events as chips: all of them in one, else the first few and "+N". */
function EventChips({ events }: { events: Endpoint['events'] }) {
  const { t } = useTranslation();
  return (
    <span className="wh-chips">
      {events.length === EVENT_TYPES.length ? (
        <span className="wh-chip">{t('webhooks.allEvents', { count: EVENT_TYPES.length })}</span>
      ) : (
        <>
          {events.slice(0, SHOWN_EVENTS).map((type) => (
            <span key={type} className="wh-chip" title={type}>
              {eventLabel(t, type)}
            </span>
          ))}
          {events.length > SHOWN_EVENTS && (
            <span className="wh-chip wh-chip-more" title={events.slice(SHOWN_EVENTS).map((type) => eventLabel(t, type)).join(', ')}>
              {t('webhooks.moreEvents', { count: events.length - SHOWN_EVENTS })}
            </span>
          )}
        </>
      )}
    </span>
  );
}
