import type { BridgeOutcome, LiveStatus, PosBridge } from '../../../src/models/bridge';
import type { LiveEventName, LiveEvents, OperationInput, OperationName } from '../../../src/models/contract';
import { createBridge } from '../bridge';

/**
 * A tablet or TV on the shop network (see deviceLocation.ts). The device's token is kept in this
 * browser's localStorage under its own key, so the tablet stays paired through reloads and restarts;
 * the staff token is never read here.
 */
const DEVICE_TOKEN_KEY = 'balcao.deviceToken';

/** This browser's localStorage, or null where it is blocked (a private window, a locked-down TV). */
export function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const readDeviceToken = (): string | null => localStore()?.getItem(DEVICE_TOKEN_KEY) ?? null;
export const keepDeviceToken = (token: string): void => localStore()?.setItem(DEVICE_TOKEN_KEY, token);
export const forgetDeviceToken = (): void => localStore()?.removeItem(DEVICE_TOKEN_KEY);

/** A device's calls and live channel, with its token (or none while it pairs). The core decides what it may call. */
export class DeviceClient {
  private readonly bridge: PosBridge = createBridge();

  constructor(readonly token: string | null) {}

  call<N extends OperationName>(operation: N, input: OperationInput<N>): Promise<BridgeOutcome<N>> {
    return this.bridge.invoke(operation, input, this.token);
  }

  subscribe<E extends LiveEventName>(event: E, handler: (data: LiveEvents[E] & { at: number }) => void): () => void {
    return this.token ? this.bridge.subscribe(event, this.token, handler) : () => {};
  }

  watchConnection(listener: (status: LiveStatus) => void): () => void {
    return this.token ? (this.bridge.watchConnection?.(this.token, listener) ?? (() => {})) : () => {};
  }
}
