import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { currentLocale, formatDateTime } from '../format';
import { useSession } from '../session';
import { useSyncStatus, type SyncStatus } from './useSyncStatus';
import './sync.css';

/** Who may press "Sincronizar agora" (the core allows the same roles). */
const CAN_SYNC_NOW = ['admin', 'manager', 'cashier'] as const;

type Tone = 'local' | 'online' | 'offline' | 'busy';

const toneOf = (status: SyncStatus): Tone => (status.mode === 'local' ? 'local' : status.phase !== 'idle' ? 'busy' : status.mode);

/**
 * The top bar's sync pill, on every staff screen: Local / Online / Sem conexão com a loja, what
 * waits to be sent, and a panel with the last success, the last error, the catch-up progress, a
 * notice (a terminal restored from a backup) and "Sincronizar agora".
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { session, timeZone } = useSession();
  const [status, setStatus] = useSyncStatus();
  const [open, setOpen] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);

  if (!status) return null;
  const tone = toneOf(status);
  const label = {
    local: t('sync.indicator.local'),
    online: t('sync.indicator.online'),
    offline: t('sync.indicator.offline'),
    busy: status.phase === 'recovering' ? t('sync.indicator.recovering') : t('sync.indicator.syncing'),
  }[tone];
  const summary = tone === 'local' ? t('sync.indicator.localHint') : [label, status.lastError].filter(Boolean).join(' — ');
  const canSyncNow = (CAN_SYNC_NOW as readonly string[]).includes(session.user.role) && status.mode !== 'local';

  const syncNow = async () => {
    setSyncing(true);
    const outcome = await api.call('sync.now', {});
    setSyncing(false);
    if (outcome.ok) setStatus(outcome.result);
  };

  return (
    <div className="sync-indicator" ref={root} data-testid="sync-indicator" data-mode={status.mode}>
      <button
        type="button"
        className={`sync-pill sync-${tone}`}
        aria-expanded={open}
        aria-controls={panelId}
        title={summary}
        onClick={() => setOpen(!open)}
        data-testid="sync-pill"
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-pill-label">{label}</span>
        {/* Purely local, the log is not waiting for anything. */}
        {status.mode !== 'local' && status.waiting > 0 && (
          <span className="sync-count" title={t('sync.indicator.waiting', { count: status.waiting })} data-testid="sync-waiting-count">
            {status.waiting}
          </span>
        )}
        {status.notice && (
          <span className="sync-notice-mark" aria-hidden="true">
            !
          </span>
        )}
      </button>
      {status.progress && <SyncProgress done={status.progress.done} total={status.progress.total} compact />}
      {open && (
        <div className="sync-panel" id={panelId} role="dialog" aria-label={t('sync.indicator.label')} data-testid="sync-panel">
          <p className="sync-panel-title">
            <span className={`sync-dot sync-${tone}`} aria-hidden="true" /> {label}
          </p>
          {status.mode === 'local' ? (
            <p className="muted small">{t('sync.indicator.localHint')}</p>
          ) : (
            <>
              <p className="small">
                {status.lastSuccessAt === null ? t('sync.indicator.never') : t('sync.indicator.lastSuccess', { time: formatDateTime(status.lastSuccessAt, timeZone) })}
              </p>
              {status.waiting > 0 && <p className="small">{t('sync.indicator.waiting', { count: status.waiting })}</p>}
              {status.held > 0 && <p className="small">{t('sync.indicator.held', { count: status.held })}</p>}
              {status.mode === 'offline' && <p className="muted small">{t('sync.indicator.offlineWork')}</p>}
            </>
          )}
          {status.progress && <SyncProgress done={status.progress.done} total={status.progress.total} />}
          {status.lastError && (
            <div className="alert alert-error small" data-testid="sync-last-error">
              <strong>{t('sync.indicator.lastError')}:</strong> {status.lastError}
            </div>
          )}
          {status.notice && (
            <div className="alert sync-notice small" data-testid="sync-notice">
              {status.notice}
            </div>
          )}
          {canSyncNow && (
            <button type="button" className="button button-primary" disabled={syncing || status.phase !== 'idle'} onClick={() => void syncNow()} data-testid="sync-now">
              {syncing ? t('sync.indicator.syncingNow') : t('sync.indicator.syncNow')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** "Recebendo 1.200 de 5.000" with a bar: a terminal catching up (joining, or back after days offline). */
export function SyncProgress({ done, total, compact = false, textKey = 'sync.indicator.progress' }: { done: number; total: number; compact?: boolean; textKey?: 'sync.indicator.progress' | 'sync.join.progress' }) {
  const { t } = useTranslation();
  // In the screen's language, not the browser's: "12.345 de 100.000".
  const count = new Intl.NumberFormat(currentLocale());
  const text = t(textKey, { done: count.format(done), total: count.format(total) });
  return (
    <div className={`sync-progress${compact ? ' sync-progress-compact' : ''}`} data-testid="sync-progress">
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={text} />
      {!compact && <span className="small">{text}</span>}
    </div>
  );
}
