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

/** Browser mode: the same bridge over HTTP on loopback (POST /api/<operation>, SSE at /api/events). */
export class HttpBridge implements PosBridge {
  /** One EventSource per session token, shared by every subscription. */
  private readonly streams = new Map<string, { source: EventSource; users: number }>();

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
      stream = { source: new EventSource(`${this.baseUrl}/events?token=${encodeURIComponent(token)}`), users: 0 };
      this.streams.set(token, stream);
    }
    stream.users += 1;
    const listener: Listener = (message) => {
      try {
        handler(JSON.parse(message.data) as LiveEvents[E] & { at: number });
      } catch {
        // A malformed event is dropped; the next call to the core tells the truth anyway.
      }
    };
    const { source } = stream;
    source.addEventListener(event, listener as EventListener);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      source.removeEventListener(event, listener as EventListener);
      const current = this.streams.get(token);
      if (current && current.source === source) {
        current.users -= 1;
        if (current.users <= 0) {
          source.close();
          this.streams.delete(token);
        }
      }
    };
  }
}

/** The desktop preload's bridge when there is one, else HTTP. */
export function createBridge(): PosBridge {
  return window.pos ?? new HttpBridge();
}
