import { defineScript } from '../script.js';
import { endpointViews, WEBHOOK_ROLES } from './endpoint-store.js';

export default defineScript('webhooks.list', {
  roles: WEBHOOK_ROLES,
  readOnly: true,
  run: (tx) => endpointViews(tx),
});
