import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.redeliver', {
  roles: WEBHOOK_ROLES,
  run(tx, input, ctx) {
    const delivery = sql<[string], { status: string }>(tx, 'SELECT status FROM webhook_deliveries WHERE id = ?').get(input.deliveryId);
    if (!delivery) throw new BusinessError('NOT_FOUND', 'Entrega não encontrada.', 'deliveryId');
    // Same event, same id, same bytes; the schedule starts over.
    sql(tx, "UPDATE webhook_deliveries SET status = 'pending', step = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(ctx.now, ctx.now, input.deliveryId);
    ctx.audit({ action: 'webhooks.redeliver', recordType: 'webhook_delivery', recordId: input.deliveryId, details: { from: delivery.status } });
    ctx.emit('webhooks.queued', {});
    return { id: input.deliveryId };
  },
});
