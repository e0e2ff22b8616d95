import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { FEEDBACK_MANAGERS } from './feedback-rules.js';

export default defineScript('feedback.handle', {
  roles: FEEDBACK_MANAGERS,
  run(tx, input, ctx) {
    if (!sql(tx, 'SELECT 1 FROM feedback WHERE id = ?').get(input.id)) throw new BusinessError('NOT_FOUND', 'Avaliação não encontrada.', 'id');
    if (sql(tx, 'SELECT 1 FROM feedback_handling WHERE feedback_id = ?').get(input.id)) return { id: input.id };
    const hlc = ctx.stamp();
    sql(tx, 'INSERT INTO feedback_handling (feedback_id, note, handled_by, handled_by_name, handled_at, hlc) VALUES (?, ?, ?, ?, ?, ?)').run(input.id, input.note, ctx.actor!.id, ctx.actor!.name, ctx.now, hlc);
    ctx.recordChange('feedback_handling', input.id, 'insert', { feedbackId: input.id, note: input.note, handledBy: ctx.actor!.id, handledByName: ctx.actor!.name, handledAt: ctx.now }, hlc);
    ctx.audit({ action: 'feedback.handle', recordType: 'feedback', recordId: input.id, details: { note: input.note } });
    return { id: input.id };
  },
});
