import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { catalogChangesSince } from './compact-catalog.js';

/**
 * The counter's catalog: only what changed since the version it kept, or the whole catalog when what
 * it kept is from another store (shop and terminal), from a version this database never reached, or
 * too far behind.
 */
export default defineScript('catalog.changes', {
  roles: ALL_ROLES,
  readOnly: true,
  run(tx, input, ctx) {
    const store = `${ctx.terminal.shopId ?? ''}/${ctx.terminal.id}`;
    const changes = input.since !== undefined && input.store === store ? catalogChangesSince(tx, store, input.since) : null;
    return changes ?? ctx.catalog.whole(tx, store);
  },
});
