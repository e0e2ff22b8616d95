import type { Db } from '../database/connection.js';
import { sql } from '../database/statements.js';
import type { WebhookEventType } from '../models/webhooks.js';
import { newId } from '../utils/ids.js';

interface EndpointRoute {
  id: string;
  events: Set<string>;
}

export interface OutboxContext {
  now: number;
  terminal: { id: string; letter: string | null; shopId: string | null; shopName: string | null };
}

/** A delivery an event owes, decided in the transaction that raised it. */
interface OwedDelivery {
  id: string;
  endpointId: string;
}

/**
 * The webhook outbox as scripts write it: one queue row per event, in the caller's transaction, with the
 * exact body bytes that will be sent and the deliveries it owes (the endpoints subscribed at that moment).
 * `expandQueuedEvents` turns the rows into events and deliveries afterwards. The enabled endpoints are
 * remembered between sales and forgotten when an endpoint changes.
 */
export class WebhookOutbox {
  private routes: EndpointRoute[] | null = null;

  private endpoints(db: Db): EndpointRoute[] {
    this.routes ??= sql<[], { id: string; events: string }>(db, 'SELECT id, events FROM webhook_endpoints WHERE enabled = 1')
      .all()
      .map((row) => ({ id: row.id, events: new Set(JSON.parse(row.events) as string[]) }));
    return this.routes;
  }

  forget(): void {
    this.routes = null;
  }

  /** Queues an event for every endpoint subscribed to its type (or only `endpointId`); returns its id, or null when nobody listens. */
  emit(db: Db, ctx: OutboxContext, type: WebhookEventType, data: Record<string, unknown>, endpointId?: string): { eventId: string; deliveryIds: string[] } | null {
    const targets = endpointId ? [endpointId] : this.endpoints(db).filter((e) => e.events.has(type)).map((e) => e.id);
    if (!targets.length) return null;
    const eventId = `evt_${newId()}`;
    const body = JSON.stringify({
      id: eventId,
      type,
      version: 1,
      timestamp: new Date(ctx.now).toISOString(),
      shop: { id: ctx.terminal.shopId, name: ctx.terminal.shopName },
      terminal: { id: ctx.terminal.id, letter: ctx.terminal.letter },
      data,
    });
    const owed: OwedDelivery[] = targets.map((target) => ({ id: newId(), endpointId: target }));
    sql(db, 'INSERT INTO webhook_queue (event_id, type, body, deliveries, created_at) VALUES (?, ?, ?, ?, ?)').run(eventId, type, body, JSON.stringify(owed), ctx.now);
    return { eventId, deliveryIds: owed.map((d) => d.id) };
  }
}

interface QueuedEvent {
  seq: number;
  eventId: string;
  type: string;
  body: string;
  deliveries: string;
  createdAt: number;
}

/**
 * Turns up to `limit` queued events, oldest first, into the event and its pending deliveries, as if
 * they had been written at the sale (same ids, same times), and removes them from the queue. Call it
 * inside a transaction: a crash halfway leaves the queue as it was. Returns how many it turned.
 */
export function expandQueuedEvents(db: Db, limit: number): number {
  const queued = sql<[number], QueuedEvent>(
    db,
    'SELECT seq, event_id AS eventId, type, body, deliveries, created_at AS createdAt FROM webhook_queue ORDER BY seq LIMIT ?',
  ).all(limit);
  if (!queued.length) return 0;
  const insertEvent = sql(db, 'INSERT INTO webhook_events (id, type, body, created_at) VALUES (?, ?, ?, ?)');
  const insertDelivery = sql(
    db,
    "INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, attempts, step, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, 0, ?, ?, ?)",
  );
  for (const event of queued) {
    insertEvent.run(event.eventId, event.type, event.body, event.createdAt);
    for (const delivery of JSON.parse(event.deliveries) as OwedDelivery[]) {
      insertDelivery.run(delivery.id, event.eventId, delivery.endpointId, event.createdAt, event.createdAt, event.createdAt);
    }
  }
  sql(db, 'DELETE FROM webhook_queue WHERE seq <= ?').run(queued.at(-1)!.seq);
  return queued.length;
}
