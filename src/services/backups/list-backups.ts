import { backupsFolder, listBackups } from '../../database/backups.js';
import { defineScript } from '../script.js';
import { requireBackups } from './backup-link.js';

/** The admin's list: every whole, checked copy, newest first, what runs now and the last failure. */
export default defineScript('backups.list', {
  roles: ['admin'],
  readOnly: true,
  run(_tx, _input, ctx) {
    const backups = requireBackups(ctx);
    return { backups: listBackups(backups.dataDir), folder: backupsFolder(backups.dataDir), running: backups.running, lastFailure: backups.lastFailure };
  },
});
