import { useEffect, useRef } from 'react';
import type { DisplayScreen } from '../../../src/models/display';
import { api } from '../api';
import { counterScreen, type CounterMoment } from './counterScreen';
import { keepLocalDisplayToken, readLocalDisplayToken, watchLocalDisplayToken } from './displaySession';

/** A burst of keystrokes at the counter makes one push. */
const PUSH_DELAY_MS = 120;

/**
 * Sends the counter's screen to its customer's display, and never makes the counter wait for it: a push
 * is fired after a short pause and not awaited by anything; one is in flight at a time and only the
 * newest screen waits behind it, so they arrive in order; a failure (display off, core busy) is dropped,
 * the next change sends the whole screen again. Also keeps a display token for a window on this
 * computer (#/cliente) to take.
 */
export function useDisplayPush(moment: CounterMoment): void {
  const screen = counterScreen(moment);
  const key = JSON.stringify(screen);
  const sent = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const inFlight = useRef(false);

  useEffect(() => {
    const flush = () => {
      const next = pending.current;
      if (inFlight.current || next === null || next === sent.current) return;
      pending.current = null;
      inFlight.current = true;
      void api
        .call('display.push', { screen: JSON.parse(next) as DisplayScreen })
        .then((outcome) => {
          if (outcome.ok) sent.current = next;
        })
        .finally(() => {
          inFlight.current = false;
          flush();
        });
    };
    const timer = setTimeout(() => {
      pending.current = key;
      flush();
    }, PUSH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);

  useEffect(() => {
    const open = () => {
      if (readLocalDisplayToken()) return;
      void api.call('display.openScreen', {}).then((outcome) => {
        if (!outcome.ok) return;
        keepLocalDisplayToken(outcome.result.token);
      });
    };
    open();
    // The display window dropped a token the core refused (another window took over, the day turned): open another.
    return watchLocalDisplayToken((token) => void (token === null && open()));
  }, []);
}
