import type { PosBridge, BridgeOutcome, LiveStatus } from '../../src/models/bridge';
import type { LiveEventName, LiveEvents, OperationInput, OperationName, OperationOutput } from '../../src/models/contract';
import type { ErrorBody } from '../../src/models/errors';
import { takeEarlyAnswer } from './earlyCalls';

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

/** The server's heartbeat on the live channel (src/ipc/http-server.ts); silence past this means it is lost. */
const SILENCE_LIMIT_MS = 25_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 15_000;

/** One live channel per session token, shared by every subscription, reopened by itself when lost. */
interface Stream {
  source: EventSource | null;
  /** Each event's handlers; one forwarding listener per event sits on the EventSource. */
  handlers: Map<string, Set<Listener>>;
  watchers: Set<(status: LiveStatus) => void>;
  status: LiveStatus;
  lastHeard: number;
  attempts: number;
  retry?: ReturnType<typeof setTimeout>;
  watchdog?: ReturnType<typeof setInterval>;
}

/** Browser mode: the same bridge over HTTP on loopback (POST /api/<operation>, SSE at /api/events). */
export class HttpBridge implements PosBridge {
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
    if (response.ok && operation === 'auth.unlock' && token) this.resume(token);
    if (response.ok) return { ok: true, result: body as OperationOutput<N> };
    const error = (body as { error?: unknown } | undefined)?.error;
    return {
      ok: false,
      status: response.status,
      error: isErrorBody(error) ? error : { code: 'INTERNAL', message: `Erro interno (HTTP ${response.status}).` },
    };
  }

  subscribe<E extends LiveEventName>(event: E, token: string, handler: (data: LiveEvents[E] & { at: number }) => void): () => void {
    const stream = this.stream(token);
    const listener: Listener = (message) => {
      try {
        handler(JSON.parse(message.data) as LiveEvents[E] & { at: number });
      } catch {
        // A malformed event is dropped; the next call to the core tells the truth anyway.
      }
    };
    let handlers = stream.handlers.get(event);
    if (!handlers) {
      handlers = new Set();
      stream.handlers.set(event, handlers);
      stream.source?.addEventListener(event, this.forward(stream, event));
    }
    handlers.add(listener);
    if (!stream.source && !stream.retry) this.open(token, stream);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      handlers.delete(listener);
      this.release(token, stream);
    };
  }

  watchConnection(token: string, listener: (status: LiveStatus) => void): () => void {
    const stream = this.stream(token);
    stream.watchers.add(listener);
    listener(stream.status);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      stream.watchers.delete(listener);
      this.release(token, stream);
    };
  }

  /** The live channel's address for a session token (the one place that knows how a stream is authorized). */
  private streamUrl(token: string): string {
    return `${this.baseUrl}/events?token=${encodeURIComponent(token)}`;
  }

  private stream(token: string): Stream {
    let stream = this.streams.get(token);
    if (!stream) {
      stream = { source: null, handlers: new Map(), watchers: new Set(), status: 'online', lastHeard: Date.now(), attempts: 0 };
      this.streams.set(token, stream);
    }
    return stream;
  }

  private forwarders = new WeakMap<Stream, Map<string, EventListener>>();

  private forward(stream: Stream, event: string): EventListener {
    let byEvent = this.forwarders.get(stream);
    if (!byEvent) {
      byEvent = new Map();
      this.forwarders.set(stream, byEvent);
    }
    let forward = byEvent.get(event);
    if (!forward) {
      forward = (message) => {
        stream.lastHeard = Date.now();
        for (const handler of stream.handlers.get(event) ?? []) handler(message as MessageEvent<string>);
      };
      byEvent.set(event, forward);
    }
    return forward;
  }

  private open(token: string, stream: Stream): void {
    stream.retry = undefined;
    const source = new EventSource(this.streamUrl(token));
    stream.source = source;
    stream.lastHeard = Date.now();
    for (const event of stream.handlers.keys()) source.addEventListener(event, this.forward(stream, event));
    source.addEventListener('ping', () => (stream.lastHeard = Date.now()));
    source.onopen = () => {
      stream.attempts = 0;
      stream.lastHeard = Date.now();
      this.setStatus(stream, 'online');
    };
    source.onerror = () => {
      this.setStatus(stream, 'offline');
      // The browser retries a dropped connection by itself; a refused one (a session the server no
      // longer knows, after a restart) is closed for good, so it is reopened here, more slowly each time.
      if (source.readyState === EventSource.CLOSED) this.reopen(token, stream);
    };
    // A connection that stays open but carries nothing (not even the heartbeat) is lost too.
    clearInterval(stream.watchdog);
    stream.watchdog = setInterval(() => {
      if (Date.now() - stream.lastHeard > SILENCE_LIMIT_MS) {
        this.setStatus(stream, 'offline');
        this.reopen(token, stream);
      }
    }, 5_000);
  }

  private reopen(token: string, stream: Stream): void {
    stream.source?.close();
    stream.source = null;
    clearInterval(stream.watchdog);
    clearTimeout(stream.retry);
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** stream.attempts);
    stream.attempts += 1;
    stream.retry = setTimeout(() => this.open(token, stream), delay);
  }

  /** A stream stopped while the screen was locked opens again at once, without waiting for its retry. */
  private resume(token: string): void {
    const stream = this.streams.get(token);
    if (!stream || stream.source?.readyState === EventSource.OPEN) return;
    stream.source?.close();
    clearTimeout(stream.retry);
    stream.attempts = 0;
    this.open(token, stream);
  }

  private setStatus(stream: Stream, status: LiveStatus): void {
    if (stream.status === status) return;
    stream.status = status;
    for (const watcher of [...stream.watchers]) watcher(status);
  }

  /** Closes the channel once nothing listens to it any more. */
  private release(token: string, stream: Stream): void {
    const listening = [...stream.handlers.values()].some((handlers) => handlers.size > 0);
    if (listening || stream.watchers.size > 0) return;
    stream.source?.close();
    clearInterval(stream.watchdog);
    clearTimeout(stream.retry);
    if (this.streams.get(token) === stream) this.streams.delete(token);
  }
}

/**
 * The desktop preload's bridge when there is one, else HTTP; a call the entry asked early
 * (earlyCalls.ts) is answered from there once.
 */
export function createBridge(): PosBridge {
  const bridge = window.pos ?? new HttpBridge();
  return {
    invoke: (operation, input, token) => takeEarlyAnswer(operation, input, token) ?? bridge.invoke(operation, input, token),
    subscribe: (event, token, handler) => bridge.subscribe(event, token, handler),
    ...(bridge.watchConnection ? { watchConnection: (token: string, listener: (status: LiveStatus) => void) => bridge.watchConnection!(token, listener) } : {}),
  };
}

