import { Rejection } from '../../exceptions/business-error.js';
import { comparePin, settlePinCheck } from '../pin-check.js';
import { defineScript } from '../script.js';
import { requireRestarter, requireRestorableBackup } from './backup-link.js';

/**
 * "Restaurar": the admin types their own PIN again (the sales made after the copy leave this database).
 * The backup is checked before anything is touched; the restore itself starts once this call has
 * answered (it waits for the calls in flight, this one included) and is recorded in the restored database.
 */
export default defineScript('backups.restore', {
  roles: ['admin'],
  async prepare(input, ctx) {
    requireRestarter(ctx);
    const check = await comparePin(ctx, ctx.actor!.name, input.pin);
    return { check, backup: check.matches ? await requireRestorableBackup(ctx, input.file) : null };
  },
  run(tx, input, ctx, { check, backup }) {
    const user = settlePinCheck(tx, ctx, check, 'backups.restore');
    if (user instanceof Rejection) return user;
    // Checked again: another restore may have started while this PIN was compared.
    const restarter = requireRestarter(ctx);
    const { path, file, takenAt } = backup!;
    ctx.audit({ action: 'backups.restore.requested', recordType: 'backup', recordId: file, details: { takenAt } });
    ctx.afterCommit(() => restarter.restore(path, ctx.actor));
    return { restarting: true as const, file, takenAt };
  },
});
