import { useCallback, useEffect, useRef, useState } from 'react';
import type { DisplayView } from '../../../src/models/display';
import type { DeviceClient } from '../devices/deviceSession';
import { useLiveRefresh, useSessionProbe } from '../hooks/useLive';

/** How long "Obrigado!" and the change stay up before the slides come back. */
export const THANKS_MS = 12_000;

/**
 * What the customer's display shows: read at start, again at each `display.changed` of its counter,
 * and after the live channel comes back (catching up on what it missed). A reply that comes back after
 * a newer one is dropped. A refused token (revoked, or replaced by a newer window) calls `onRefused`.
 */
export function useDisplayState(client: DeviceClient, onRefused: () => void) {
  const [view, setView] = useState<DisplayView | null>(null);
  const [thanksOver, setThanksOver] = useState<number | null>(null);
  const asked = useRef(0);
  const applied = useRef(0);
  const refused = useRef(onRefused);
  refused.current = onRefused;

  const read = useCallback(async () => {
    const mine = ++asked.current;
    const outcome = await client.call('display.current', {});
    if (!outcome.ok) {
      if (outcome.status === 401 || outcome.status === 403) refused.current();
      return;
    }
    if (mine < applied.current) return;
    applied.current = mine;
    setView(outcome.result);
  }, [client]);

  useEffect(() => {
    void read();
  }, [read]);
  useLiveRefresh(['display.changed'], () => void read(), 20, client);
  // A restarted server forgets sessions: while the channel is down, keep asking, so a refusal shows.
  useSessionProbe(() => void read(), client);

  const version = view?.version;
  const paid = view?.phase === 'paid';
  useEffect(() => {
    if (!paid || version === undefined) return;
    const timer = setTimeout(() => setThanksOver(version), THANKS_MS);
    return () => clearTimeout(timer);
  }, [paid, version]);

  const phase = view && view.phase === 'paid' && thanksOver === view.version ? 'idle' : (view?.phase ?? 'idle');
  return { view, phase };
}
