import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireUpdates } from './updates-link.js';

/** "Verificar agora": asks the feed (network work, so before the transaction), then how it stands. */
export default defineScript('updates.check', {
  roles: MANAGER_ROLES,
  readOnly: true,
  prepare: (_input, ctx) => requireUpdates(ctx).check(),
  run: (_tx, _input, _ctx, status) => status,
});
