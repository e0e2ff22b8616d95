import type { BridgeOutcome, LiveStatus, PosBridge } from '../../../src/models/bridge';
import type { LiveEventName, LiveEvents, OperationInput } from '../../../src/models/contract';
import { createBridge } from '../bridge';

/**
 * The customers' feedback screen (#/avaliacao) runs on its own restricted session: the token that
 * `feedback.openKiosk` returned, passed once in the URL fragment and then kept in this window's
 * sessionStorage under its own key. It never reads or sends the staff token (balcao.sessionToken,
 * see api.ts), and it removes any copy of it from this window, so a customer at the tablet cannot
 * get into the staff screens of whoever opened it.
 */
const KIOSK_TOKEN_KEY = 'balcao.kioskToken';
const STAFF_TOKEN_KEY = 'balcao.sessionToken';

export const KIOSK_ROUTE = 'avaliacao';

/** Whether this page is the feedback screen: #/avaliacao, #/avaliacao?token=…; never #/avaliacoes. */
export function isKioskLocation(hash: string = window.location.hash): boolean {
  return /^#\/?avaliacao(?:[?/]|$)/.test(hash);
}

/** The address of the feedback screen carrying a kiosk token. */
export function kioskUrl(token: string): string {
  const base = `${window.location.origin}${window.location.pathname}${window.location.search}`;
  return `${base}#/${KIOSK_ROUTE}?token=${encodeURIComponent(token)}`;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Takes the token from the URL (then hides it from the address bar) or from this window's storage. */
export function takeKioskToken(): string | null {
  const store = storage();
  const match = /[?&]token=([^&]+)/.exec(window.location.hash);
  let token: string | null = null;
  if (match) {
    try {
      token = decodeURIComponent(match[1]!);
    } catch {
      token = null;
    }
    // The token does not stay on screen (or in the history) for someone to read over a shoulder.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/${KIOSK_ROUTE}`);
  }
  if (token) store?.setItem(KIOSK_TOKEN_KEY, token);
  else token = store?.getItem(KIOSK_TOKEN_KEY) ?? null;
  store?.removeItem(STAFF_TOKEN_KEY);
  return token;
}

export function forgetKioskToken(): void {
  storage()?.removeItem(KIOSK_TOKEN_KEY);
}

type KioskOperation = 'feedback.kiosk' | 'feedback.lookup' | 'feedback.submit';

/**
 * The three operations the feedback screen may call, and its live channel (where the core lets it hear
 * `feedback.prompt` only), with the kiosk token only.
 */
export class KioskClient {
  private readonly bridge: PosBridge = createBridge();

  constructor(private readonly token: string) {}

  call<N extends KioskOperation>(operation: N, input: OperationInput<N>): Promise<BridgeOutcome<N>> {
    return this.bridge.invoke(operation, input, this.token);
  }

  subscribe<E extends LiveEventName>(event: E, handler: (data: LiveEvents[E] & { at: number }) => void): () => void {
    return this.bridge.subscribe(event, this.token, handler);
  }

  watchConnection(listener: (status: LiveStatus) => void): () => void {
    return this.bridge.watchConnection?.(this.token, listener) ?? (() => {});
  }
}
