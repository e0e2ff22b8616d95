import { defineScript } from '../script.js';
import { endpointViews, requireEndpoint, requireGoodUrl, WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.update', {
  roles: WEBHOOK_ROLES,
  run(tx, input, ctx) {
    const current = requireEndpoint(tx, input.id);
    const url = input.url ?? current.url;
    const allowLocal = input.allowLocal ?? current.allow_local === 1;
    requireGoodUrl(url, allowLocal);
    const stored = tx.prepare<[string], { events: string; description: string | null; enabled: number }>('SELECT events, description, enabled FROM webhook_endpoints WHERE id = ?').get(input.id)!;
    const enabled = input.enabled ?? stored.enabled === 1;
    tx.prepare(
      `UPDATE webhook_endpoints SET url = ?, allow_local = ?, events = ?, description = ?, enabled = ?,
         disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END, updated_at = ? WHERE id = ?`,
    ).run(
      url,
      Number(allowLocal),
      input.events ? JSON.stringify(input.events) : stored.events,
      input.description === undefined ? stored.description : input.description,
      Number(enabled),
      Number(input.enabled === true),
      ctx.now,
      input.id,
    );
    ctx.audit({ action: 'webhooks.update', recordType: 'webhook_endpoint', recordId: input.id, details: { url, events: input.events ?? null, enabled: input.enabled ?? null } });
    ctx.emit('webhooks.changed', { endpointId: input.id });
    return endpointViews(tx, input.id)[0]!;
  },
});
