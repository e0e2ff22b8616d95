import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireUpdates } from './updates-link.js';

/** The "Atualizações" section: the version running, the channel, the hold and what the updater is doing. */
export default defineScript('updates.status', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run: (_tx, _input, ctx) => requireUpdates(ctx).status(),
});
