import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('printing.retry', {
  roles: ALL_ROLES,
  run(tx, input, ctx) {
    const job = sql<[string], { status: string }>(tx, 'SELECT status FROM print_jobs WHERE id = ?').get(input.jobId);
    if (!job) throw new BusinessError('NOT_FOUND', 'Trabalho de impressão não encontrado.', 'jobId');
    if (job.status !== 'pending') {
      sql(tx, "UPDATE print_jobs SET status = 'pending', updated_at = ? WHERE id = ?").run(ctx.now, input.jobId);
      ctx.emit('printing.changed', { jobId: input.jobId, status: 'pending' });
    }
    return { id: input.jobId };
  },
});
