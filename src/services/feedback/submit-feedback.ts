import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { assertRateable, KIOSK_ROLES } from './feedback-rules.js';

export default defineScript('feedback.submit', {
  roles: KIOSK_ROLES,
  retry: {
    key: (input) => `feedback:${input.id}`,
    // Contact data lives only in its own erasable table, never in a fingerprint.
    content: ({ contactName: _n, contactPhone: _p, contactEmail: _e, ...rating }) => rating,
    conflict: { message: 'Esta avaliação já foi registrada com outro conteúdo.', field: 'id' },
  },
  run(tx, input, ctx) {
    const order = sql<[string], { id: string; number: string; businessDay: string; paidAt: number | null; status: string }>(
      tx,
      `SELECT o.id, o.display_number AS number, o.business_day AS businessDay, s.paid_at AS paidAt, s.status
       FROM orders o JOIN order_state s ON s.order_id = o.id WHERE o.id = ?`,
    ).get(input.orderId);
    if (!order) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado.', 'orderId');
    assertRateable(tx, ctx, order, 'orderId');
    const tags = input.tags ?? [];
    const unknown = tags.find((tag) => !ctx.settings.feedbackTags.includes(tag));
    if (unknown) throw new BusinessError('VALIDATION', `Etiqueta desconhecida: ${unknown}.`, 'tags');
    const hlc = ctx.stamp();
    sql(tx, 'INSERT INTO feedback (id, order_id, rating, tags, comment, created_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      input.id,
      order.id,
      input.rating,
      JSON.stringify(tags),
      input.comment || null,
      ctx.now,
      hlc,
    );
    // Contact data stays on this terminal and apart from the rating, so it can be erased alone.
    if (input.consent && (input.contactName || input.contactPhone || input.contactEmail)) {
      sql(tx, 'INSERT INTO feedback_contacts (feedback_id, name, phone, email, consent_at) VALUES (?, ?, ?, ?, ?)').run(
        input.id,
        input.contactName || null,
        input.contactPhone || null,
        input.contactEmail?.toLowerCase() || null,
        ctx.now,
      );
    }
    const fact = { orderId: order.id, orderNumber: order.number, rating: input.rating, tags, comment: input.comment || null };
    ctx.recordChange('feedback', input.id, 'insert', { id: input.id, orderId: order.id, rating: input.rating, tags, comment: fact.comment, createdAt: ctx.now }, hlc);
    ctx.emit('feedback.received', { feedbackId: input.id, orderNumber: order.number, rating: input.rating });
    if (input.rating <= 2) ctx.emit('feedback.alert', { feedbackId: input.id, orderNumber: order.number, rating: input.rating, comment: input.comment || null });
    ctx.webhook('feedback.received', { feedbackId: input.id, ...fact });
    return { id: input.id };
  },
});
