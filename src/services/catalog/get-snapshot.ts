import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('catalog.snapshot', {
  roles: ALL_ROLES,
  readOnly: true,
  run: (tx, input, ctx) => ctx.catalog.snapshot(tx, input.includeInactive ?? false),
});
