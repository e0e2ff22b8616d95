/** Standard Webhooks' retry schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
export const RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000] as const;

/**
 * When the attempt after `step` failed attempts is due, or null when the schedule is over (dead
 * letter). Jitter of up to ±10% spreads retries so a recovering receiver is not hit all at once.
 */
export function nextAttemptDelay(step: number, random: () => number = Math.random): number | null {
  const base = RETRY_SCHEDULE_MS[step];
  if (base === undefined) return null;
  return Math.round(base * (1 + (random() * 2 - 1) * 0.1));
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
