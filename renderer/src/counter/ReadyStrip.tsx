import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../api';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';

type Board = Output<'kitchen.board'>;

/** Orders the kitchen finished, waiting at the counter: "Entregar" hands one over and it leaves the ready board. */
export function ReadyStrip() {
  const { t } = useTranslation();
  const { notify } = useSession();
  const [ready, setReady] = useState<Board['ready']>([]);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('kitchen.board', {});
    if (outcome.ok) setReady(outcome.result.ready);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['orders.changed', 'kitchen.changed'], () => void load());

  const deliver = async (orderId: string, number: string) => {
    setBusy(orderId);
    const outcome = await api.call('orders.deliver', { orderId });
    setBusy(null);
    if (outcome.ok) {
      setReady((current) => current.filter((entry) => entry.orderId !== orderId));
      notify(t('ready.delivered', { number }));
    } else notify(outcome.error.message);
  };

  return (
    <section className="ready-strip" aria-label={t('ready.title')} data-testid="ready-strip">
      <h2 className="ready-strip-title">
        {t('ready.title')} <span className="ready-count">{ready.length}</span>
      </h2>
      {ready.length === 0 ? (
        <p className="muted small">{t('ready.empty')}</p>
      ) : (
        <ul className="ready-list">
          {ready.map((entry) => (
            <li key={entry.orderId} className="ready-chip" data-testid="ready-order" data-number={entry.number}>
              <span className="ready-chip-number">{entry.number}</span>
              {entry.customerName && <span className="ready-chip-name">{entry.customerName}</span>}
              {entry.pager && <span className="ready-chip-pager">{t('counter.pagerShort', { pager: entry.pager })}</span>}
              <button type="button" className="button button-small button-primary" disabled={busy === entry.orderId} onClick={() => void deliver(entry.orderId, entry.number)} data-testid="deliver-button">
                {t('ready.deliver')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
