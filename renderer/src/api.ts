import type { BridgeOutcome, LiveStatus, PosBridge } from '../../src/models/bridge';
import type { LiveEventName, LiveEvents, OperationInput, OperationName, OperationOutput } from '../../src/models/contract';
import type { ErrorBody } from '../../src/models/errors';
import { createBridge } from './bridge';

export type Outcome<N extends OperationName> = BridgeOutcome<N>;
export type Output<N extends OperationName> = OperationOutput<N>;
export type Input<N extends OperationName> = OperationInput<N>;
export type ApiError = ErrorBody;
/** An outcome seen only for its result: what shared hooks take from any operation. */
export type Answer<T> = { ok: true; result: T } | { ok: false; error: ApiError };

const TOKEN_KEY = 'balcao.sessionToken';

function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export interface SessionSignals {
  /** A call answered SESSION_LOCKED: show the lock screen. */
  onLocked?: () => void;
  /** A call with a token answered UNAUTHENTICATED: the session is gone, back to login. */
  onUnauthenticated?: () => void;
}

/**
 * Thin typed layer over the bridge: holds the session token (kept in sessionStorage so a reload keeps
 * the session), returns the outcome as is, and reports locked or lost sessions to the shell.
 */
export class Api {
  private token: string | null = readStoredToken();
  private signals: SessionSignals = {};

  constructor(private readonly bridge: PosBridge = createBridge()) {}

  get sessionToken(): string | null {
    return this.token;
  }

  setToken(token: string | null): void {
    this.token = token;
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Private mode without storage: the session just does not survive a reload.
    }
  }

  setSignals(signals: SessionSignals): void {
    this.signals = signals;
  }

  async call<N extends OperationName>(operation: N, input: OperationInput<N>): Promise<Outcome<N>> {
    const sentWith = this.token;
    const outcome = await this.bridge.invoke(operation, input, sentWith);
    if (!outcome.ok) {
      if (outcome.error.code === 'SESSION_LOCKED') this.signals.onLocked?.();
      else if (outcome.error.code === 'UNAUTHENTICATED' && sentWith && sentWith === this.token) {
        this.setToken(null);
        this.signals.onUnauthenticated?.();
      }
    }
    return outcome;
  }

  /** Whether the current session's live channel is up; always 'online' on a transport that cannot lose it. */
  watchConnection(listener: (status: LiveStatus) => void): () => void {
    if (!this.token || !this.bridge.watchConnection) return () => {};
    return this.bridge.watchConnection(this.token, listener);
  }

  /** Live events for the current session; a no-op without one. */
  subscribe<E extends LiveEventName>(event: E, handler: (data: LiveEvents[E] & { at: number }) => void): () => void {
    if (!this.token) return () => {};
    return this.bridge.subscribe(event, this.token, handler);
  }
}

export const api = new Api();

/**
 * Field errors of a failed outcome, as { field: message }, or { _form: message } when the error names
 * no field of this form. VALIDATION errors carry every issue in details; the first one of a known
 * field is shown under it without the "Campo …:" prefix.
 */
export function errorsByField(error: ErrorBody, fields: readonly string[]): Record<string, string> {
  const issues = error.details?.issues;
  if (error.code === 'VALIDATION' && Array.isArray(issues)) {
    for (const issue of issues as unknown[]) {
      if (typeof issue !== 'object' || issue === null) continue;
      const { field, message } = issue as { field?: unknown; message?: unknown };
      if (typeof field === 'string' && typeof message === 'string' && fields.includes(field)) return { [field]: message };
    }
  }
  if (error.field && fields.includes(error.field)) return { [error.field]: error.message };
  return { _form: error.message };
}
