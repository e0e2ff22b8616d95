import type { Db } from '../../database/connection.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { webhookUrlProblem } from '../../webhooks/url-rules.js';

export const WEBHOOK_ROLES = ['admin'] as const;

export function requireGoodUrl(url: string, allowLocal: boolean): void {
  const problem = webhookUrlProblem(url, allowLocal);
  if (problem) throw new BusinessError('VALIDATION', problem, 'url');
}

/** Endpoints as the admin sees them: never the secret. */
export function endpointViews(db: Db, id?: string) {
  return db
    .prepare<unknown[], { id: string; url: string; description: string | null; events: string; enabled: number; allow_local: number; disabled_reason: string | null; previous_valid_until: number | null; created_at: number; pending: number; dead: number }>(
      `SELECT p.id, p.url, p.description, p.events, p.enabled, p.allow_local, p.disabled_reason, p.previous_valid_until, p.created_at,
              (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = p.id AND d.status = 'pending') AS pending,
              (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = p.id AND d.status = 'dead') AS dead
       FROM webhook_endpoints p ${id ? 'WHERE p.id = ?' : ''} ORDER BY p.created_at`,
    )
    .all(...(id ? [id] : []))
    .map((row) => ({
      id: row.id,
      url: row.url,
      description: row.description,
      events: JSON.parse(row.events) as string[],
      enabled: row.enabled === 1,
      allowLocal: row.allow_local === 1,
      disabledReason: row.disabled_reason,
      rotatingUntil: row.previous_valid_until,
      createdAt: row.created_at,
      pending: row.pending,
      dead: row.dead,
    }));
}

export function requireEndpoint(db: Db, id: string, field = 'id') {
  const row = sql<[string], { id: string; url: string; allow_local: number }>(db, 'SELECT id, url, allow_local FROM webhook_endpoints WHERE id = ?').get(id);
  if (!row) throw new BusinessError('NOT_FOUND', 'Destino de webhook não encontrado.', field);
  return row;
}
