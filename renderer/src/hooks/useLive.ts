import { useEffect, useRef, useState } from 'react';
import type { LiveStatus } from '../../../src/models/bridge';
import type { LiveEventName, LiveEvents } from '../../../src/models/contract';
import { api } from '../api';

/** Where a screen hears live events: the staff session (`api`) or a restricted one (the board link's). */
export interface LiveSource {
  subscribe<E extends LiveEventName>(event: E, handler: (data: LiveEvents[E] & { at: number }) => void): () => void;
  watchConnection(listener: (status: LiveStatus) => void): () => void;
}

/**
 * Calls `refresh` when any of these live events arrives (a burst makes one call), so a screen shows
 * what other terminals and screens did without a refresh button; and again when the live channel
 * comes back after being lost, to catch up on what it missed (with no events, only then).
 */
export function useLiveRefresh(events: readonly LiveEventName[], refresh: () => void, delayMs = 120, source: LiveSource = api): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = events.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
    };
    const stops = (key ? key.split(',') : []).map((event) => source.subscribe(event as LiveEventName, schedule));
    let lost = false;
    stops.push(
      source.watchConnection((status) => {
        if (status === 'offline') lost = true;
        else if (lost) {
          lost = false;
          schedule();
        }
      }),
    );
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [key, delayMs, source]);
}

/** What a screen needs to know whether its live channel is up. */
export type ConnectionSource = Pick<LiveSource, 'watchConnection'>;

/** Whether the live channel is up, and since when it is not (the last moment the screen was live). */
export function useLiveStatus(source: ConnectionSource = api): { online: boolean; lostAt: number | null } {
  const [lostAt, setLostAt] = useState<number | null>(null);
  useEffect(
    () =>
      source.watchConnection((status) => {
        if (status === 'online') setLostAt(null);
        else setLostAt((current) => current ?? Date.now());
      }),
    [source],
  );
  return { online: lostAt === null, lostAt };
}

/** How often a screen whose live channel is lost checks that its session still exists. */
const SESSION_PROBE_MS = 3_000;

/**
 * While the live channel is lost, calls `probe` every few seconds: a restarted server forgets sessions,
 * and the screen must then find out (and say so) instead of sitting stale.
 */
export function useSessionProbe(probe: () => void, source: ConnectionSource = api): void {
  const latest = useRef(probe);
  latest.current = probe;
  const { online } = useLiveStatus(source);
  useEffect(() => {
    if (online) return;
    const timer = setInterval(() => latest.current(), SESSION_PROBE_MS);
    return () => clearInterval(timer);
  }, [online]);
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
