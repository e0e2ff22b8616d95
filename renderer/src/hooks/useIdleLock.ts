import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;
const CHECK_EVERY_MS = 5_000;
/** Activity is reported to the core at most this often, so its own idle check never runs ahead of ours. */
const HEARTBEAT_EVERY_MS = 30_000;

export interface IdleLockOptions {
  enabled: boolean;
  idleMinutes: number;
  onIdle: () => void;
  onHeartbeat: () => void;
}

/**
 * Locks after `idleMinutes` without pointer, keyboard or touch activity. Uses setInterval and
 * Date.now only, so a test clock can fast-forward it. While people are active, a heartbeat tells the
 * core (at most every 30 s) so the session it keeps is never judged idle before the screen is.
 */
export function useIdleLock({ enabled, idleMinutes, onIdle, onHeartbeat }: IdleLockOptions): void {
  const callbacks = useRef({ onIdle, onHeartbeat });
  callbacks.current = { onIdle, onHeartbeat };

  useEffect(() => {
    if (!enabled) return;
    const idleMs = idleMinutes * 60_000;
    let lastActivity = Date.now();
    let lastHeartbeat = lastActivity;
    const markActive = () => {
      lastActivity = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, markActive, { passive: true, capture: true });
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastActivity >= idleMs) {
        callbacks.current.onIdle();
        return;
      }
      if (lastActivity > lastHeartbeat && now - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
        lastHeartbeat = now;
        callbacks.current.onHeartbeat();
      }
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, markActive, { capture: true });
    };
  }, [enabled, idleMinutes]);
}
