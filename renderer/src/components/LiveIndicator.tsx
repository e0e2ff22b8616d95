import { useTranslation } from 'react-i18next';
import { useLiveStatus, type ConnectionSource } from '../hooks/useLive';
import { api } from '../api';

/**
 * "Sem conexão — última atualização às 14:03:12": shown on a live screen the moment its live channel is
 * lost, so nobody trusts a stale queue; it goes away by itself once the channel is back.
 */
export function LiveIndicator({ source = api }: { source?: ConnectionSource }) {
  const { t, i18n } = useTranslation();
  const { online, lostAt } = useLiveStatus(source);
  if (online || lostAt === null) return null;
  const time = new Date(lostAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return (
    <div className="live-offline" role="alert" data-testid="live-offline">
      {t('live.offline', { time })}
    </div>
  );
}
