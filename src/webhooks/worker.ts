import { networkInterfaces } from 'node:os';
import type { Transaction } from 'better-sqlite3';
import type { Db } from '../database/connection.js';
import type { Logger } from '../logs/logger.js';
import type { EventHub } from '../services/event-hub.js';
import { systemClock, type Clock } from '../utils/clock.js';
import { endpointSecrets } from './endpoint-secrets.js';
import { newId } from '../utils/ids.js';
import { expandQueuedEvents } from './outbox.js';
import { nextAttemptDelay, retryAfterMs } from './schedule.js';
import { signWebhook } from './signature.js';

/**
 * Whether this terminal has a network at all, judged apart from any endpoint; while it has none, the
 * retry clock stands still. An endpoint that cannot be reached while the network is up is that
 * endpoint's failure, not ours.
 */
export interface NetworkStatus {
  online(): boolean;
}

export const systemNetwork: NetworkStatus = {
  online: () => Object.values(networkInterfaces()).some((list) => list?.some((i) => !i.internal)),
};

export interface WebhookWorkerOptions {
  db: Db;
  events: EventHub;
  logger: Logger;
  /** Drives the retry schedule. */
  clock?: Clock;
  /** Signs at send time: the receiver checks the timestamp against its own clock. */
  wallClock?: Clock;
  network?: NetworkStatus;
  timeoutMs?: number;
  perEndpoint?: number;
  responseCap?: number;
  random?: () => number;
  fetch?: typeof fetch;
}

interface Due {
  id: string;
  eventId: string;
  endpointId: string;
  attempts: number;
  step: number;
  body: string;
  url: string;
  previousValidUntil: number | null;
}

/** Queued events turned into deliveries per transaction: a long queue (after a restart) never holds the writer for long. */
const EXPANSION_BATCH = 500;

type Outcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'gone'; statusCode: number }
  | { kind: 'retry'; statusCode: number | null; error: string | null; after: number | null }
  | { kind: 'offline'; error: string };

/**
 * Delivers queued webhooks: signs each attempt when it is sent, 15 s timeout, no redirects, a small
 * cap on the response read, Standard Webhooks' retry schedule with jitter, Retry-After on 429/503,
 * 410 disables the endpoint, a cap on requests in flight per endpoint, dead letters after the last
 * attempt. Everything it needs is in the database, so a restart picks up where it stopped.
 */
export class WebhookWorker {
  private readonly clock: Clock;
  private readonly wallClock: Clock;
  private readonly network: NetworkStatus;
  private readonly timeoutMs: number;
  private readonly perEndpoint: number;
  private readonly responseCap: number;
  private readonly random: () => number;
  private readonly send: typeof fetch;
  private readonly inFlight = new Map<string, number>();
  private offlineSince: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private soon: ReturnType<typeof setImmediate> | null = null;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private readonly expandBatch: Transaction<() => number>;

  constructor(private readonly options: WebhookWorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.wallClock = options.wallClock ?? systemClock;
    this.network = options.network ?? systemNetwork;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.perEndpoint = options.perEndpoint ?? 2;
    this.responseCap = options.responseCap ?? 1024;
    this.random = options.random ?? Math.random;
    this.send = options.fetch ?? fetch;
    this.expandBatch = options.db.transaction(() => expandQueuedEvents(options.db, EXPANSION_BATCH));
  }

  start(intervalMs = 1000): void {
    // The pass starts after the call that queued has answered: a sale never waits on it.
    this.unsubscribe = this.options.events.subscribe((event) => {
      if (event.type === 'webhooks.queued') this.soon ??= setImmediate(() => ((this.soon = null), void this.tick()));
    });
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearImmediate(this.soon);
  }

  /** Resolves once the pass in progress (if any) ended, starting none: a restore waits for it before closing the database. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /**
   * Turns what the sales queued into deliveries (at once, even while a pass waits on a slow receiver),
   * then sends everything due now; resolves when those attempts are settled. Overlapping calls share one pass.
   */
  tick(): Promise<void> {
    this.expandQueue();
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Turns every event the sales queued into its deliveries, a batch per transaction, oldest first (so
   * an order's events keep their order); returns how many. With or without a network: the delivery log
   * shows them at once and the retry clock treats them as written at the sale.
   */
  expandQueue(): number {
    let expanded = 0;
    for (;;) {
      const batch = this.expandBatch.immediate();
      expanded += batch;
      if (batch < EXPANSION_BATCH) return expanded;
    }
  }

  private async pass(): Promise<void> {
    const now = this.clock.now();
    if (!this.network.online()) {
      this.offlineSince ??= now;
      return;
    }
    this.resumeClock(now);
    const due = this.options.db
      .prepare<[number], Due>(
        `SELECT d.id, d.event_id AS eventId, d.endpoint_id AS endpointId, d.attempts, d.step, e.body, p.url,
                p.previous_valid_until AS previousValidUntil
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_endpoints p ON p.id = d.endpoint_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND p.enabled = 1
         ORDER BY d.next_attempt_at, d.rowid LIMIT 200`,
      )
      .all(now);
    // Each endpoint gets at most `perEndpoint` requests in flight; endpoints proceed side by side.
    const queues = new Map<string, Due[]>();
    for (const delivery of due) {
      let queue = queues.get(delivery.endpointId);
      if (!queue) queues.set(delivery.endpointId, (queue = []));
      queue.push(delivery);
    }
    const lanes: Promise<void>[] = [];
    for (const [endpointId, queue] of queues) {
      const free = this.perEndpoint - (this.inFlight.get(endpointId) ?? 0);
      for (let lane = 0; lane < Math.min(free, queue.length); lane++) lanes.push(this.drainLane(endpointId, queue));
    }
    await Promise.all(lanes);
  }

  private async drainLane(endpointId: string, queue: Due[]): Promise<void> {
    this.inFlight.set(endpointId, (this.inFlight.get(endpointId) ?? 0) + 1);
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await this.attempt(next);
        if (!this.network.online() || this.offlineSince !== null) return;
      }
    } finally {
      this.inFlight.set(endpointId, (this.inFlight.get(endpointId) ?? 1) - 1);
    }
  }

  /**
   * Offline hours do not burn attempts: each pending delivery keeps the wait it had left when the
   * network went away (or when it was queued, if that was during the outage), counted from now.
   */
  private resumeClock(now: number): void {
    if (this.offlineSince === null) return;
    const paused = now - this.offlineSince;
    this.options.db
      .prepare("UPDATE webhook_deliveries SET next_attempt_at = ? + MAX(0, next_attempt_at - MAX(updated_at, ?)) WHERE status = 'pending'")
      .run(now, this.offlineSince);
    this.offlineSince = null;
    this.options.logger.info('Rede de volta: webhooks retomados', { pausedMs: paused });
  }

  private async attempt(delivery: Due): Promise<void> {
    const { db } = this.options;
    const secrets = this.signingSecrets(delivery);
    if (!secrets) return;
    const startedWall = this.wallClock.now();
    const started = performance.now();
    const outcome = await this.post(delivery, secrets, startedWall);
    const durationMs = Math.round(performance.now() - started);
    const now = this.clock.now();

    if (outcome.kind === 'offline') {
      this.offlineSince ??= now;
      this.options.logger.warn('Sem rede para entregar webhooks', { error: outcome.error });
      return;
    }
    const response = 'response' in outcome ? (outcome.response as string | null) : null;
    const attempt = delivery.attempts + 1;
    db.prepare('INSERT INTO webhook_attempts (id, delivery_id, attempt, at, duration_ms, status_code, error, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      newId(),
      delivery.id,
      attempt,
      now,
      durationMs,
      outcome.statusCode,
      outcome.kind === 'retry' ? outcome.error : null,
      response,
    );

    let status: 'pending' | 'delivered' | 'dead' = 'pending';
    let next: number | null = null;
    if (outcome.kind === 'delivered') status = 'delivered';
    else if (outcome.kind === 'gone') {
      status = 'dead';
      db.prepare("UPDATE webhook_endpoints SET enabled = 0, disabled_reason = 'O destino respondeu 410 (Gone): desativado.', updated_at = ? WHERE id = ?").run(now, delivery.endpointId);
      this.options.events.publish({ type: 'webhooks.changed', data: { endpointId: delivery.endpointId }, at: now });
    } else {
      const delay = nextAttemptDelay(delivery.step + 1, this.random);
      if (delay === null) status = 'dead';
      else next = now + Math.max(delay, outcome.after ?? 0);
    }
    db.prepare('UPDATE webhook_deliveries SET status = ?, attempts = ?, step = step + 1, next_attempt_at = ?, updated_at = ? WHERE id = ?').run(status, attempt, next, now, delivery.id);
    if (status === 'dead') this.options.logger.warn('Webhook sem entrega após a última tentativa', { deliveryId: delivery.id, endpointId: delivery.endpointId });
    this.options.events.publish({ type: 'webhooks.delivery', data: { deliveryId: delivery.id, status }, at: now });
  }

  /**
   * The secrets that sign this delivery: the current one, and the previous one during a rotation.
   * A database brought from another computer has its endpoints but not their secrets (they stay
   * with the computer): such an endpoint is paused, its deliveries kept, until the admin gives it a
   * new secret and turns it back on.
   */
  private signingSecrets(delivery: Due): string[] | null {
    const { current, previous } = endpointSecrets(this.options.db, delivery.endpointId);
    if (!current) {
      const now = this.clock.now();
      this.options.db
        .prepare('UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?')
        .run('O segredo deste destino não está neste computador (banco trazido de outro computador): gere um novo segredo e ative o destino de novo.', now, delivery.endpointId);
      this.options.events.publish({ type: 'webhooks.changed', data: { endpointId: delivery.endpointId }, at: now });
      this.options.logger.warn('Webhook pausado: segredo ausente neste computador', { endpointId: delivery.endpointId });
      return null;
    }
    const stillValid = previous && delivery.previousValidUntil !== null && delivery.previousValidUntil > this.clock.now();
    return stillValid ? [current, previous] : [current];
  }

  private async post(delivery: Due, secrets: string[], wallNow: number): Promise<Outcome & { response?: string | null }> {
    const timestamp = Math.floor(wallNow / 1000);
    try {
      const response = await this.send(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Balcao-Webhooks/1',
          'webhook-id': delivery.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(secrets, delivery.eventId, timestamp, delivery.body),
        },
        body: delivery.body,
      });
      const text = await this.readCapped(response);
      const statusCode = response.status;
      if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode, response: text };
      if (statusCode === 410) return { kind: 'gone', statusCode, response: text };
      const after = statusCode === 429 || statusCode === 503 ? retryAfterMs(response.headers.get('retry-after'), wallNow) : null;
      const error = statusCode >= 300 && statusCode < 400 ? `Redirecionamento (${statusCode}) não é seguido.` : `HTTP ${statusCode}`;
      return { kind: 'retry', statusCode, error, after, response: text };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const code = cause?.code ?? (error as { code?: string }).code;
      // Only our own network being down pauses the schedule; a receiver that is off is a failed attempt.
      if (!this.network.online()) return { kind: 'offline', error: code ?? (error as Error).message };
      const timedOut = (error as Error).name === 'TimeoutError';
      return { kind: 'retry', statusCode: null, error: timedOut ? `Sem resposta em ${this.timeoutMs / 1000} s.` : `Falha de conexão: ${code ?? cause?.message ?? (error as Error).message}`, after: null };
    }
  }

  /** Reads at most a small piece of the answer, for the delivery log, and drops the rest. */
  private async readCapped(response: Response): Promise<string | null> {
    if (!response.body) return null;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (size < this.responseCap) {
      const { value, done } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      size += value.length;
    }
    await reader.cancel().catch(() => undefined);
    return Buffer.concat(chunks).subarray(0, this.responseCap).toString('utf8');
  }
}
