import type { ErrorBody } from './errors.js';
import type { LiveEventName, LiveEvents, OperationInput, OperationName, OperationOutput } from './contract.js';

/** What every transport answers: the result, or the error as it crosses the bridge. */
export type BridgeOutcome<N extends OperationName = OperationName> =
  | { ok: true; result: OperationOutput<N> }
  | { ok: false; status: number; error: ErrorBody };

/**
 * The desktop preload exposes exactly this as `window.pos`; browser mode implements the same over
 * HTTP. The renderer talks to nothing else.
 */
export interface PosBridge {
  invoke<N extends OperationName>(operation: N, input: OperationInput<N>, token: string | null): Promise<BridgeOutcome<N>>;
  subscribe<E extends LiveEventName>(event: E, token: string, handler: (data: LiveEvents[E] & { at: number }) => void): () => void;
  /**
   * Whether the live channel of this token is up: 'offline' as soon as it is lost, 'online' once it is
   * back (screens then fetch again what they missed). A transport that cannot lose it leaves this out.
   */
  watchConnection?(token: string, listener: (status: LiveStatus) => void): () => void;
}

export type LiveStatus = 'online' | 'offline';
