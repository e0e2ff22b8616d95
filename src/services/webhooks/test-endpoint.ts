import { defineScript } from '../script.js';
import { requireEndpoint, WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.test', {
  roles: WEBHOOK_ROLES,
  run(tx, input, ctx) {
    requireEndpoint(tx, input.id);
    const queued = ctx.webhook('ping', { message: 'Teste do Balcão: se você recebeu isto, a assinatura e a URL estão certas.' }, input.id)!;
    return { eventId: queued.eventId, deliveryId: queued.deliveryIds[0]! };
  },
});
