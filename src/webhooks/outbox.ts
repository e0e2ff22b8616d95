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

/**
 * The webhook outbox: an event and one delivery per subscribed endpoint, written in the caller's
 * transaction with the exact body bytes that will be sent. The enabled endpoints are remembered
 * between sales and forgotten when an endpoint changes.
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
    sql(db, 'INSERT INTO webhook_events (id, type, body, created_at) VALUES (?, ?, ?, ?)').run(eventId, type, body, ctx.now);
    const deliveryIds = targets.map((target) => {
      const id = newId();
      sql(
        db,
        "INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, attempts, step, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, 0, ?, ?, ?)",
      ).run(id, eventId, target, ctx.now, ctx.now, ctx.now);
      return id;
    });
    return { eventId, deliveryIds };
  }
}
