import { sql } from '../../database/statements.js';
import { rotateEndpointSecret } from '../../webhooks/endpoint-secrets.js';
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
    sql(tx, 'UPDATE webhook_endpoints SET previous_valid_until = ?, updated_at = ? WHERE id = ?').run(previousValidUntil, ctx.now, input.id);
    ctx.audit({ action: 'webhooks.rotateSecret', recordType: 'webhook_endpoint', recordId: input.id, details: { previousValidUntil } });
    ctx.emit('webhooks.changed', { endpointId: input.id });
    // Last, so a failed write to the secret store undoes the rotation too.
    rotateEndpointSecret(tx, input.id, secret);
    return { id: input.id, secret, previousValidUntil };
  },
});
