import type { PosBridge, BridgeOutcome } from '../../src/models/bridge';
import type { LiveEventName, LiveEvents, OperationInput, OperationName, OperationOutput } from '../../src/models/contract';
import type { ErrorBody } from '../../src/models/errors';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in browser mode. */
    pos?: PosBridge;
  }
}

const OFFLINE: ErrorBody = { code: 'INTERNAL', message: 'Sem conexão com o terminal.' };

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

type Listener = (event: MessageEvent<string>) => void;

interface Stream {
  source: EventSource;
  /** Every subscription on it, so a stream the core closed can be opened again with them. */
  listeners: Set<{ event: string; listener: Listener }>;
}

/** Browser mode: the same bridge over HTTP on loopback (POST /api/<operation>, SSE at /api/events). */
export class HttpBridge implements PosBridge {
  /** One EventSource per session token, shared by every subscription. */
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly baseUrl = '/api') {}

  async invoke<N extends OperationName>(operation: N, input: OperationInput<N>, token: string | null): Promise<BridgeOutcome<N>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, status: 0, error: OFFLINE };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    // A locked screen's stream is stopped by the core; once the PIN unlocks it, the stream opens again.
    if (response.ok && operation === 'auth.unlock' && token) this.reopen(token);
    if (response.ok) return { ok: true, result: body as OperationOutput<N> };
    const error = (body as { error?: unknown } | undefined)?.error;
    return {
      ok: false,
      status: response.status,
      error: isErrorBody(error) ? error : { code: 'INTERNAL', message: `Erro interno (HTTP ${response.status}).` },
    };
  }

  subscribe<E extends LiveEventName>(event: E, token: string, handler: (data: LiveEvents[E] & { at: number }) => void): () => void {
    let stream = this.streams.get(token);
    if (!stream) {
      stream = { source: this.open(token), listeners: new Set() };
      this.streams.set(token, stream);
    }
    const listener: Listener = (message) => {
      try {
        handler(JSON.parse(message.data) as LiveEvents[E] & { at: number });
      } catch {
        // A malformed event is dropped; the next call to the core tells the truth anyway.
      }
    };
    const entry = { event, listener };
    stream.listeners.add(entry);
    stream.source.addEventListener(event, listener as EventListener);
    const owner = stream;
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      owner.source.removeEventListener(event, listener as EventListener);
      owner.listeners.delete(entry);
      if (owner.listeners.size === 0 && this.streams.get(token) === owner) {
        owner.source.close();
        this.streams.delete(token);
      }
    };
  }

  private open(token: string): EventSource {
    return new EventSource(`${this.baseUrl}/events?token=${encodeURIComponent(token)}`);
  }

  /** Opens a stream the core closed (the screen was locked) again, with the same subscriptions. */
  private reopen(token: string): void {
    const stream = this.streams.get(token);
    if (!stream || stream.source.readyState !== EventSource.CLOSED) return;
    stream.source = this.open(token);
    for (const { event, listener } of stream.listeners) stream.source.addEventListener(event, listener as EventListener);
  }
}

/** The desktop preload's bridge when there is one, else HTTP. */
export function createBridge(): PosBridge {
  return window.pos ?? new HttpBridge();
}
