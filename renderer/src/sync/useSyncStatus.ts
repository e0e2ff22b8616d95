import { useCallback, useEffect, useState } from 'react';
import { api, type Output } from '../api';
import { useLiveRefresh } from '../hooks/useLive';

export type SyncStatus = Output<'sync.status'>;

/** How the sync stands, kept current by the worker's `sync.status` events (and read again after a lost live channel). */
export function useSyncStatus(): [SyncStatus | null, (status: SyncStatus) => void] {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const load = useCallback(() => {
    void api.call('sync.status', {}).then((outcome) => {
      if (outcome.ok) setStatus(outcome.result);
    });
  }, []);
  useEffect(load, [load]);
  useLiveRefresh(['sync.status'], load);
  return [status, setStatus];
}
