import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useLiveRefresh } from '../hooks/useLive';

/** How many print jobs failed (for the top bar), live on `printing.changed`. */
export function useFailedPrintJobs(): number {
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    const outcome = await api.call('printing.jobs', { status: 'failed', limit: 200 });
    if (outcome.ok) setCount(outcome.result.length);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['printing.changed'], () => void load(), 300);
  return count;
}
