import type { BridgeOutcome, LiveStatus, PosBridge } from '../../../src/models/bridge';
import type { LiveEventName, LiveEvents } from '../../../src/models/contract';
import { createBridge } from '../bridge';

/**
 * The call board's TV without a staff login: the board link's token (board.createLink) travels in the
 * URL fragment, #/painel-tv?token=…, and stays there so the TV comes back by itself after a reload or a
 * restart of the server. It can read the board and hear its events, nothing else.
 */
export const BOARD_LINK_ROUTE = 'painel-tv';

export function isBoardLinkLocation(hash: string = window.location.hash): boolean {
  return new RegExp(`^#/?${BOARD_LINK_ROUTE}(?:[?/]|$)`).test(hash);
}

export function boardLinkToken(hash: string = window.location.hash): string | null {
  const match = /[?&]token=([^&]+)/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The address of the board page carrying a board link's token. */
export function boardLinkUrl(token: string): string {
  return `${window.location.origin}${window.location.pathname}#/${BOARD_LINK_ROUTE}?token=${encodeURIComponent(token)}`;
}

/** The board's one read and its live channel, with the board link's token only. */
export class BoardLinkClient {
  private readonly bridge: PosBridge = createBridge();

  constructor(private readonly token: string) {}

  call(operation: 'kitchen.board', input: Record<string, never>): Promise<BridgeOutcome<'kitchen.board'>> {
    return this.bridge.invoke(operation, input, this.token);
  }

  subscribe<E extends LiveEventName>(event: E, handler: (data: LiveEvents[E] & { at: number }) => void): () => void {
    return this.bridge.subscribe(event, this.token, handler);
  }

  watchConnection(listener: (status: LiveStatus) => void): () => void {
    return this.bridge.watchConnection?.(this.token, listener) ?? (() => {});
  }
}
