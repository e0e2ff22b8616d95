import { backupsFolder, listBackups } from '../../database/backups.js';
import { defineScript } from '../script.js';
import { requireBackups } from '../backups/backup-link.js';
import { requireThisComputer } from './recovery-guard.js';

/** What the recovery screen shows: why the database cannot be used, and the copies to choose from, newest first (none when it is fine). */
export default defineScript('recovery.status', {
  roles: 'public',
  readOnly: true,
  run(_tx, _input, ctx) {
    requireThisComputer(ctx.source);
    const problem = ctx.restarter?.damaged ?? null;
    const { dataDir } = requireBackups(ctx);
    return { damaged: problem !== null, problem, backups: problem ? listBackups(dataDir) : [], folder: backupsFolder(dataDir) };
  },
});
