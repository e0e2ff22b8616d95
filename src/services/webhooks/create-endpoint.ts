import { secretsOf } from '../../database/secret-store.js';
import { sql } from '../../database/statements.js';
import { keepEndpointSecrets } from '../../webhooks/endpoint-secrets.js';
import { newWebhookSecret } from '../../webhooks/signature.js';
import { defineScript } from '../script.js';
import { requireGoodUrl, WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.create', {
  roles: WEBHOOK_ROLES,
  run(tx, input, ctx) {
    requireGoodUrl(input.url, input.allowLocal ?? false);
    const id = ctx.newId();
    const secret = newWebhookSecret();
    sql(
      tx,
      `INSERT INTO webhook_endpoints (id, url, description, events, enabled, allow_local, secret, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, '', ?, ?)`,
    ).run(id, input.url, input.description ?? null, JSON.stringify(input.events), Number(input.allowLocal ?? false), ctx.now, ctx.now);
    ctx.audit({ action: 'webhooks.create', recordType: 'webhook_endpoint', recordId: id, details: { url: input.url, events: input.events } });
    ctx.emit('webhooks.changed', { endpointId: id });
    // Last, so a failed write to the secret store undoes the endpoint too.
    keepEndpointSecrets(secretsOf(tx), id, secret, null);
    return { id, secret };
  },
});
