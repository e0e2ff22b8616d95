import { defineScript } from '../script.js';
import { requireSync } from '../sync/sync-link.js';
import { alreadyInitialized, requireThisComputerOrCode } from './setup-code.js';

/**
 * The join wizard's numbers, before anyone can log in: only while this terminal is not set up, only
 * the counts, and only for whoever may run the join (this computer, or the setup code).
 */
export default defineScript('setup.joinProgress', {
  roles: 'public',
  readOnly: true,
  run(_tx, input, ctx) {
    if (ctx.terminal.letter) throw alreadyInitialized();
    requireThisComputerOrCode(ctx.source, ctx.setupCode, input.setupCode);
    return { progress: requireSync(ctx).status().progress };
  },
});
