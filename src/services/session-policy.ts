import type { SessionRole } from '../models/roles.js';

/** The kitchen screen and the call board stay up all day; every other screen locks itself when left alone. */
export const IDLE_LOCK_EXEMPT_ROLES: readonly SessionRole[] = ['kitchen', 'kiosk', 'board'];

export function idleLockDue(role: SessionRole, lastActivityAt: number, now: number, idleLockMinutes: number): boolean {
  if (IDLE_LOCK_EXEMPT_ROLES.includes(role)) return false;
  return now - lastActivityAt >= idleLockMinutes * 60_000;
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
