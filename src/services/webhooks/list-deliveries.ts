import { defineScript } from '../script.js';
import { WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.deliveries', {
  roles: WEBHOOK_ROLES,
  readOnly: true,
  run(tx, input) {
    const filters = [
      ['d.endpoint_id = ?', input.endpointId],
      ['d.event_id = ?', input.eventId],
      ['e.type = ?', input.eventType],
      ['d.status = ?', input.status],
    ].filter(([, value]) => value !== undefined) as [string, string][];
    const where = filters.map(([clause]) => clause);
    const params = filters.map(([, value]) => value);
    return tx
      .prepare<unknown[], { id: string; eventId: string; eventType: string; endpointId: string; endpointUrl: string; status: 'pending' | 'delivered' | 'dead'; attempts: number; nextAttemptAt: number | null; createdAt: number; aAt: number | null; aStatus: number | null; aDuration: number | null; aError: string | null; aResponse: string | null }>(
        `SELECT d.id, d.event_id AS eventId, e.type AS eventType, d.endpoint_id AS endpointId, p.url AS endpointUrl, d.status, d.attempts,
                d.next_attempt_at AS nextAttemptAt, d.created_at AS createdAt,
                a.at AS aAt, a.status_code AS aStatus, a.duration_ms AS aDuration, a.error AS aError, a.response AS aResponse
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_endpoints p ON p.id = d.endpoint_id
         LEFT JOIN webhook_attempts a ON a.delivery_id = d.id AND a.attempt = d.attempts
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.rowid DESC LIMIT ?`,
      )
      .all(...params, input.limit ?? 100)
      .map(({ aAt, aStatus, aDuration, aError, aResponse, ...row }) => ({
        ...row,
        nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
        lastAttempt: aAt === null ? null : { at: aAt, statusCode: aStatus, durationMs: aDuration ?? 0, error: aError, response: aResponse },
      }));
  },
});
