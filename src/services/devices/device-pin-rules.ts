import { pinThrottleWait } from '../session-policy.js';

/**
 * Wrong PINs typed on a kitchen device that asks for its cook's PIN. The device has its own count, kept
 * with it (not with the address it calls from, so moving to another address refills nothing): the first
 * few tries are free, then each waits twice as long as the one before (as an address's do), and past the
 * limit the device is locked until a manager unlocks it. Unlike an address's, the count is never forgotten
 * with time; a right PIN gives one try back.
 */
export const DEVICE_PIN_LOCK_AFTER = 10;

export interface DevicePinAttempts {
  /** Tries that still count: each is counted when admitted, before the PIN is compared. */
  failures: number;
  /** When the last try was admitted. */
  lastAt: number | null;
}

export type DevicePinVerdict = { allowed: true } | { allowed: false; locked: true } | { allowed: false; locked: false; waitMs: number };

export const devicePinLocked = (attempts: DevicePinAttempts): boolean => attempts.failures >= DEVICE_PIN_LOCK_AFTER;

/**
 * Whether the device may try a PIN now. A clock set back never makes it wait longer than its current
 * step; a clock set forward only ends the wait sooner, never the lock.
 */
export function devicePinVerdict(attempts: DevicePinAttempts, now: number): DevicePinVerdict {
  if (devicePinLocked(attempts)) return { allowed: false, locked: true };
  const step = pinThrottleWait(attempts.failures);
  const waitMs = attempts.lastAt === null ? 0 : Math.min(step, attempts.lastAt + step - now);
  return waitMs > 0 ? { allowed: false, locked: false, waitMs } : { allowed: true };
}

export const countDevicePinTry = (attempts: DevicePinAttempts, now: number): DevicePinAttempts => ({ failures: attempts.failures + 1, lastAt: now });

/** The PIN was right: that try does not count against the device. */
export const giveDevicePinTryBack = (attempts: DevicePinAttempts): DevicePinAttempts => ({ ...attempts, failures: Math.max(0, attempts.failures - 1) });

export const devicePinTriesLeft = (attempts: DevicePinAttempts): number => Math.max(0, DEVICE_PIN_LOCK_AFTER - attempts.failures);
