import { defineScript } from '../script.js';
import { feedbackCsv } from './feedback-report.js';
import { FEEDBACK_MANAGERS } from './feedback-rules.js';

export default defineScript('feedback.exportCsv', {
  roles: FEEDBACK_MANAGERS,
  reads: 'worker',
  run: (tx, input, ctx) => feedbackCsv(tx, input, ctx.settings.timezone),
});
