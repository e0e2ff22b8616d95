import { useEffect, useState } from 'react';
import { api, type Output } from '../api';

/** The roster: names and roles of the active users (public, for the tiles of the login screen). */
export function useRoster(): { roster: Output<'auth.roster'> | null; error: string | null } {
  const [roster, setRoster] = useState<Output<'auth.roster'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.call('auth.roster', {}).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setRoster(outcome.result);
      else setError(outcome.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return { roster, error };
}
