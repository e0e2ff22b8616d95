import { defineScript } from '../script.js';
import { KIOSK_ROLES } from './feedback-rules.js';

export default defineScript('feedback.kiosk', {
  roles: KIOSK_ROLES,
  readOnly: true,
  run: (_tx, _input, ctx) => ({ shopName: ctx.terminal.shopName ?? '', tags: ctx.settings.feedbackTags }),
});
