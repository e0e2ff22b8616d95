import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { FEEDBACK_MANAGERS, orderItems } from './feedback-rules.js';
import { queryFeedback } from './feedback-query.js';

export default defineScript('feedback.get', {
  roles: FEEDBACK_MANAGERS,
  readOnly: true,
  run(tx, input) {
    const view = queryFeedback(tx, {}, 1_000_000).find((f) => f.id === input.id);
    if (!view) throw new BusinessError('NOT_FOUND', 'Avaliação não encontrada.', 'id');
    const contact = sql<[string], { name: string | null; phone: string | null; email: string | null }>(tx, 'SELECT name, phone, email FROM feedback_contacts WHERE feedback_id = ?').get(input.id) ?? null;
    return { ...view, items: orderItems(tx, view.orderId), contact };
  },
});
