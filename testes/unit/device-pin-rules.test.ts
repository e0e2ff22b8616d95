import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countDevicePinTry,
  DEVICE_PIN_LOCK_AFTER,
  devicePinLocked,
  devicePinTriesLeft,
  devicePinVerdict,
  giveDevicePinTryBack,
  type DevicePinAttempts,
} from '../../src/services/devices/device-pin-rules.js';
import { DevicePinThrottle } from '../../src/services/pin-throttle.js';
import { PIN_THROTTLE } from '../../src/services/session-policy.js';

const FRESH: DevicePinAttempts = { failures: 0, lastAt: null };

/** Tries as fast as allowed: each one the moment the last wait ends. Returns the waits met on the way. */
function guessUntilLocked(start: number) {
  let attempts = FRESH;
  let now = start;
  const waits: number[] = [];
  for (;;) {
    const verdict = devicePinVerdict(attempts, now);
    if (!verdict.allowed && verdict.locked) return { attempts, waits, now };
    if (!verdict.allowed) {
      waits.push(verdict.waitMs);
      now += verdict.waitMs;
      continue;
    }
    attempts = countDevicePinTry(attempts, now);
  }
}

describe("a kitchen device's PIN tries", () => {
  it('are free at first, then slowed twice as much each time, then locked for good at the limit', () => {
    const { attempts, waits } = guessUntilLocked(1_000_000);
    expect(attempts.failures).toBe(DEVICE_PIN_LOCK_AFTER);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000].slice(0, DEVICE_PIN_LOCK_AFTER - PIN_THROTTLE.freeAttempts));
    expect(devicePinLocked(attempts)).toBe(true);
    expect(devicePinTriesLeft(attempts)).toBe(0);
    // No time refills a locked device: a day later, a year later, still locked.
    for (const later of [86_400_000, 365 * 86_400_000]) expect(devicePinVerdict(attempts, attempts.lastAt! + later)).toEqual({ allowed: false, locked: true });
  });

  it('never wait longer than the current step when the clock is set back, and a clock set forward never lifts a lock', () => {
    const slowed = { failures: 4, lastAt: 10_000_000 };
    expect(devicePinVerdict(slowed, 10_000_500)).toEqual({ allowed: false, locked: false, waitMs: 1500 });
    // An hour back: still 2 s, not an hour and 2 s.
    expect(devicePinVerdict(slowed, 10_000_000 - 3_600_000)).toEqual({ allowed: false, locked: false, waitMs: 2000 });
    expect(devicePinVerdict(slowed, 10_000_000 + 3_600_000)).toEqual({ allowed: true });
    expect(devicePinVerdict({ failures: DEVICE_PIN_LOCK_AFTER, lastAt: 0 }, 10 * 365 * 86_400_000)).toEqual({ allowed: false, locked: true });
  });

  it('give one try back for a right PIN, never below none', () => {
    expect(giveDevicePinTryBack({ failures: 4, lastAt: 5 })).toEqual({ failures: 3, lastAt: 5 });
    expect(giveDevicePinTryBack(FRESH)).toEqual(FRESH);
  });

  it('never allow a try while a wait runs or once locked, whatever the history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (failures, lastAt, delta) => {
        const verdict = devicePinVerdict({ failures, lastAt }, lastAt + delta);
        if (failures >= DEVICE_PIN_LOCK_AFTER) expect(verdict).toEqual({ allowed: false, locked: true });
        else if (!verdict.allowed && !verdict.locked) expect(verdict.waitMs).toBeGreaterThan(0);
        if (failures < PIN_THROTTLE.freeAttempts) expect(verdict.allowed).toBe(true);
      }),
    );
  });
});

describe('the device PIN throttle', () => {
  it('counts a try when it admits it, so a burst in parallel cannot all slip past the wait', () => {
    const throttle = new DevicePinThrottle();
    const verdicts = Array.from({ length: 6 }, () => throttle.admit('d', FRESH, 1000, '10.0.0.5'));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(PIN_THROTTLE.freeAttempts);
    expect(throttle.current('d')).toEqual({ failures: 3, lastAt: 1000 });
    // What the row says is read only the first time: memory then wins, so a stale row refills nothing.
    expect(throttle.admit('d', FRESH, 1500, '10.0.0.5')).toEqual({ allowed: false, locked: false, waitMs: 500 });
    throttle.succeeded('d');
    expect(throttle.current('d')!.failures).toBe(2);
    // Another device has its own.
    expect(throttle.admit('e', FRESH, 1500, '10.0.0.6')).toEqual({ allowed: true });
    // A manager's unlock: the row is read again.
    expect(throttle.forget('d')).toBe('10.0.0.5');
    expect(throttle.admit('d', { failures: DEVICE_PIN_LOCK_AFTER, lastAt: 0 }, 2000, '10.0.0.7')).toEqual({ allowed: false, locked: true });
  });
});
