import { defineScript } from '../script.js';
import { endpointViews, requireEndpoint, requireGoodUrl, WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.update', {
  roles: WEBHOOK_ROLES,
  run(tx, input, ctx) {
    const current = requireEndpoint(tx, input.id);
    const url = input.url ?? current.url;
    const allowLocal = input.allowLocal ?? current.allow_local === 1;
    requireGoodUrl(url, allowLocal);
    const sets: string[] = ['url = ?', 'allow_local = ?', 'updated_at = ?'];
    const values: unknown[] = [url, Number(allowLocal), ctx.now];
    if (input.events) sets.push('events = ?'), values.push(JSON.stringify(input.events));
    if (input.description !== undefined) sets.push('description = ?'), values.push(input.description);
    if (input.enabled !== undefined) sets.push('enabled = ?', 'disabled_reason = NULL'), values.push(Number(input.enabled));
    tx.prepare(`UPDATE webhook_endpoints SET ${sets.join(', ')} WHERE id = ?`).run(...values, input.id);
    ctx.audit({ action: 'webhooks.update', recordType: 'webhook_endpoint', recordId: input.id, details: { url, events: input.events ?? null, enabled: input.enabled ?? null } });
    ctx.emit('webhooks.changed', { endpointId: input.id });
    return endpointViews(tx, input.id)[0]!;
  },
});
