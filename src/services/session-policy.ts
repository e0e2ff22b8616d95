import type { SessionRole } from '../models/roles.js';
import { businessDay } from '../utils/business-day.js';

/**
 * The kitchen screen, the call board and the shop's paired screens stay up all day; every other screen
 * locks itself when left alone. A cook signed in on a kitchen device is signed out instead (cookSignedOutIdle).
 */
export const IDLE_LOCK_EXEMPT_ROLES: readonly SessionRole[] = ['kitchen', 'kiosk', 'board', 'kitchenScreen', 'customerDisplay', 'kitchenLogin'];

export function idleLockDue(role: SessionRole, lastActivityAt: number, now: number, idleLockMinutes: number): boolean {
  if (IDLE_LOCK_EXEMPT_ROLES.includes(role)) return false;
  return now - lastActivityAt >= idleLockMinutes * 60_000;
}

/**
 * A cook's session on a kitchen device ends after this long without a touch on the tablet (its own timer)
 * or a call from it (here): longer than the counter's lock, since a cook at the grill reads more than touches.
 */
export const COOK_IDLE_MINUTES = 15;

export const cookSignedOutIdle = (lastActivityAt: number, now: number): boolean => now - lastActivityAt >= COOK_IDLE_MINUTES * 60_000;

/**
 * A session lasts one business day at most: it ends when the day turns (04:00 by default, in the
 * shop's zone). A clock set back never ends one, as it never turns a terminal's day back either.
 */
export const sessionOutlivedDay = (createdAt: number, now: number, timeZone: string, dayStartsAt: string): boolean =>
  businessDay(now, timeZone, dayStartsAt) > businessDay(createdAt, timeZone, dayStartsAt);

/**
 * Wrong PINs from another device slow that device down instead of locking the user: the first few
 * are free, then each attempt waits twice as long as the one before (1 s, 2 s, 4 s … 5 min); an
 * address quiet for 15 minutes starts over.
 */
export const PIN_THROTTLE = { freeAttempts: 3, firstWaitMs: 1000, maxWaitMs: 5 * 60_000, forgetAfterMs: 15 * 60_000 } as const;

/** How long an address must wait after its last PIN attempt, having made `attempts` that did not succeed. */
export function pinThrottleWait(attempts: number): number {
  if (attempts < PIN_THROTTLE.freeAttempts) return 0;
  return Math.min(PIN_THROTTLE.firstWaitMs * 2 ** (attempts - PIN_THROTTLE.freeAttempts), PIN_THROTTLE.maxWaitMs);
}

/** When the wrong PIN that was just typed locks the user, and until when. */
export function afterWrongPin(
  failuresBefore: number,
  now: number,
  maxAttempts: number,
  lockMinutes: number,
): { failures: number; lockedUntil: number | null } {
  const failures = failuresBefore + 1;
  return failures >= maxAttempts ? { failures: 0, lockedUntil: now + lockMinutes * 60_000 } : { failures, lockedUntil: null };
}
