import { writeNotesSeen } from '../../database/queries/updates.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireUpdates } from './updates-link.js';

/** The "O que mudou" dialog was closed: this version's notes are not shown again on this terminal. Repeating it changes nothing. */
export default defineScript('updates.notesSeen', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const { version } = requireUpdates(ctx);
    // Why: a screen left open across an update must not mark the new version's notes as read.
    if (input.version !== version) throw new BusinessError('CONFLICT', `Estas novidades são da versão ${input.version}; o Balcão já está na ${version}.`, 'version');
    writeNotesSeen(tx, version);
    return { version };
  },
});
