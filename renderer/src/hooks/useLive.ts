import { useEffect, useRef, useState } from 'react';
import type { LiveEventName } from '../../../src/models/contract';
import { api } from '../api';

/**
 * Calls `refresh` when any of these live events arrives (a burst makes one call), so a screen shows
 * what other terminals and screens did without a refresh button.
 */
export function useLiveRefresh(events: readonly LiveEventName[], refresh: () => void, delayMs = 120): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = events.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
    };
    const stops = key.split(',').map((event) => api.subscribe(event as LiveEventName, schedule));
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [key, delayMs]);
}

/** The current time, updated every `everyMs` (for "há 3 min" labels). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
