import { defineScript } from '../script.js';
import { WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.attempts', {
  roles: WEBHOOK_ROLES,
  readOnly: true,
  run: (tx, input) =>
    tx
      .prepare<[string], { attempt: number; at: number; statusCode: number | null; durationMs: number; error: string | null; response: string | null }>(
        'SELECT attempt, at, status_code AS statusCode, duration_ms AS durationMs, error, response FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt',
      )
      .all(input.deliveryId),
});
