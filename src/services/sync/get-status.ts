import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireSync } from './sync-link.js';

/** The sync indicator every staff screen shows. */
export default defineScript('sync.status', {
  roles: ALL_ROLES,
  readOnly: true,
  run: (_tx, _input, ctx) => requireSync(ctx).status(),
});
