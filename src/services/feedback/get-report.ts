import { defineScript } from '../script.js';
import { feedbackReport } from './feedback-report.js';
import { FEEDBACK_MANAGERS } from './feedback-rules.js';

export default defineScript('feedback.report', {
  roles: FEEDBACK_MANAGERS,
  reads: 'worker',
  run: (tx, input, ctx) => feedbackReport(tx, input, ctx.settings.timezone),
});
