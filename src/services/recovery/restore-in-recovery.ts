import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { requireRestarter, requireRestorableBackup } from '../backups/backup-link.js';
import { requireThisComputer } from './recovery-guard.js';

/**
 * The recovery screen's "Restaurar": no PIN (the users are in the damaged file), so only in recovery
 * mode and only from this computer. The damaged file is kept beside the database, never deleted.
 */
export default defineScript('recovery.restore', {
  roles: 'public',
  async prepare(input, ctx) {
    requireThisComputer(ctx.source);
    if (!requireRestarter(ctx).damaged) throw new BusinessError('INVALID_STATE', 'O banco não está danificado: para restaurar um backup, entre como administrador e use Configurações → Backups.');
    return requireRestorableBackup(ctx, input.file);
  },
  run(_tx, _input, ctx, backup) {
    const restarter = requireRestarter(ctx);
    ctx.afterCommit(() => restarter.restore(backup.path, null));
    return { restarting: true as const, file: backup.file, takenAt: backup.takenAt };
  },
});
