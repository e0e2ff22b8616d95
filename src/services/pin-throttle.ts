import { PIN_THROTTLE, pinThrottleWait } from './session-policy.js';

interface AddressAttempts {
  attempts: number;
  lastAt: number;
}

/**
 * PIN attempts per source address, in memory. An attempt is counted when it is admitted, before the
 * PIN is compared, so guesses sent in parallel cannot all slip past the wait; the right PIN gives
 * its attempt back.
 */
export class PinThrottle {
  private readonly byAddress = new Map<string, AddressAttempts>();

  /** Admits an attempt and counts it, or answers how many milliseconds the address must still wait. */
  admit(address: string, now: number): number {
    let entry = this.byAddress.get(address);
    if (entry && now - entry.lastAt >= PIN_THROTTLE.forgetAfterMs) entry = undefined;
    const wait = entry ? entry.lastAt + pinThrottleWait(entry.attempts) - now : 0;
    if (wait > 0) return wait;
    this.byAddress.set(address, { attempts: (entry?.attempts ?? 0) + 1, lastAt: now });
    return 0;
  }

  /** The PIN was right: the attempt does not count against the address. */
  succeeded(address: string): void {
    const entry = this.byAddress.get(address);
    if (entry) entry.attempts = Math.max(0, entry.attempts - 1);
  }
}
