import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLiveRefresh } from '../hooks/useLive';
import './webhooks.css';

/** How many deliveries are dead (no attempt left), over every endpoint; live on the webhook events. */
export function useDeadWebhooks(): number {
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    const outcome = await api.call('webhooks.list', {});
    if (outcome.ok) setCount(outcome.result.reduce((sum, endpoint) => sum + endpoint.dead, 0));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['webhooks.delivery', 'webhooks.changed'], () => void load(), 1000);
  return count;
}

/** For admins, in the top bar: "2 webhooks não entregues", which opens the webhooks screen. Nothing when all is well. */
export function WebhookDeadAlert({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const dead = useDeadWebhooks();
  if (dead === 0) return null;
  return (
    <button type="button" className="print-alert wh-topbar-alert" onClick={onOpen} data-testid="webhook-alert">
      <span aria-hidden="true">!</span> {t('webhooks.alert', { count: dead })}
    </button>
  );
}
