import { countDevicePinTry, devicePinVerdict, giveDevicePinTryBack, type DevicePinAttempts, type DevicePinVerdict } from './devices/device-pin-rules.js';
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

  /** A manager unlocked the device that was trying from this address: it starts over too. */
  forget(address: string): void {
    this.byAddress.delete(address);
  }
}

/**
 * PIN tries per paired device (see device-pin-rules.ts), admitted here in memory so tries sent in
 * parallel cannot all slip past a wait; the count is taken from the device's row the first time and
 * written back to it by each login, so it survives a restart.
 */
export class DevicePinThrottle {
  private readonly byDevice = new Map<string, DevicePinAttempts>();
  /** Where each device last tried a PIN from, so a manager's unlock frees that address too. */
  private readonly lastAddress = new Map<string, string>();

  admit(deviceId: string, stored: DevicePinAttempts, now: number, address: string): DevicePinVerdict {
    const attempts = this.byDevice.get(deviceId) ?? stored;
    const verdict = devicePinVerdict(attempts, now);
    if (verdict.allowed) this.byDevice.set(deviceId, countDevicePinTry(attempts, now));
    this.lastAddress.set(deviceId, address);
    return verdict;
  }

  succeeded(deviceId: string): void {
    const attempts = this.byDevice.get(deviceId);
    if (attempts) this.byDevice.set(deviceId, giveDevicePinTryBack(attempts));
  }

  /** The count to keep on the device's row. */
  current(deviceId: string): DevicePinAttempts | undefined {
    return this.byDevice.get(deviceId);
  }

  /** A manager unlocked the device: its row says so, and is read again at its next try. Returns where it last tried from. */
  forget(deviceId: string): string | undefined {
    const address = this.lastAddress.get(deviceId);
    this.byDevice.delete(deviceId);
    this.lastAddress.delete(deviceId);
    return address;
  }
}
