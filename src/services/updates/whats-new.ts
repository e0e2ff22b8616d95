import { readNotesSeen, writeNotesSeen } from '../../database/queries/updates.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { appPackage, notesToShow, parseChangelog } from '../../updates/release-notes.js';
import { defineScript } from '../script.js';
import { requireUpdates } from './updates-link.js';

/**
 * "O que mudou", shown once per version on this terminal to the admin or a manager (the dialog calls
 * updates.notesSeen when closed). A terminal that never recorded a version (a new install) records the
 * running one: it has nothing to be told.
 */
export default defineScript('updates.whatsNew', {
  roles: MANAGER_ROLES,
  run(tx, _input, ctx) {
    const { version } = requireUpdates(ctx);
    const seen = readNotesSeen(tx);
    if (seen === null) writeNotesSeen(tx, version);
    return { version, notes: notesToShow(parseChangelog(appPackage().changelog), seen, version) };
  },
});
