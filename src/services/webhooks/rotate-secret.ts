import { sql } from '../../database/statements.js';
import { newWebhookSecret } from '../../webhooks/signature.js';
import { defineScript } from '../script.js';
import { requireEndpoint, WEBHOOK_ROLES } from './endpoint-store.js';

/** The new secret signs at once; the old one keeps signing alongside it until the grace period ends. */
export default defineScript('webhooks.rotateSecret', {
  roles: WEBHOOK_ROLES,
  run(tx, input, ctx) {
    requireEndpoint(tx, input.id);
    const secret = newWebhookSecret();
    const previousValidUntil = ctx.now + (input.graceHours ?? 24) * 3_600_000;
    sql(tx, 'UPDATE webhook_endpoints SET previous_secret = secret, previous_valid_until = ?, secret = ?, updated_at = ? WHERE id = ?').run(previousValidUntil, secret, ctx.now, input.id);
    ctx.audit({ action: 'webhooks.rotateSecret', recordType: 'webhook_endpoint', recordId: input.id, details: { previousValidUntil } });
    ctx.emit('webhooks.changed', { endpointId: input.id });
    return { id: input.id, secret, previousValidUntil };
  },
});
