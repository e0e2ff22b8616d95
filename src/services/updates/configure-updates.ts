import { writeChangedSettings } from '../settings/settings-writer.js';
import { defineScript } from '../script.js';
import { requireUpdates } from './updates-link.js';

/**
 * The shop's update channel and hold. They are shop settings, sent to every terminal (the shop runs one
 * version line), audited, and applied to this terminal's updater once committed.
 */
export default defineScript('updates.configure', {
  roles: ['admin'],
  run(tx, input, ctx) {
    const updates = requireUpdates(ctx);
    const changed = writeChangedSettings(tx, ctx, { updateChannel: input.channel, updatesHeld: input.held });
    if (Object.keys(changed).length) {
      ctx.audit({ action: 'updates.configure', recordType: 'settings', recordId: null, details: changed });
      ctx.configurationChanged();
      ctx.afterCommit(() => updates.preferencesChanged());
    }
    return updates.status();
  },
});
