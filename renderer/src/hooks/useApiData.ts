import { useCallback, useEffect, useState } from 'react';
import type { Answer } from '../api';

/**
 * What a screen shows from one call: null until the first answer, the call's error (the last data
 * stays on screen), and `reload`. A new `fetch` (memoised on its filters) loads again; a fetch that
 * returns null has nothing to ask yet (a filter still incomplete) and leaves what is shown.
 */
export function useApiData<T>(fetch: () => Promise<Answer<T>> | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const outcome = await fetch();
    if (!outcome) return;
    if (outcome.ok) {
      setData(outcome.result);
      setError(null);
    } else setError(outcome.error.message);
  }, [fetch]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
