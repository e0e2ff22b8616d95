import { defineScript } from '../script.js';
import { queryFeedback } from './feedback-query.js';
import { FEEDBACK_MANAGERS } from './feedback-rules.js';

export default defineScript('feedback.list', {
  roles: FEEDBACK_MANAGERS,
  readOnly: true,
  run: (tx, input) => queryFeedback(tx, input, input.limit ?? 100),
});
