import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { requireBackups } from './backup-link.js';

/** "Fazer backup agora": the copy is taken before the transaction (it is async and long), then audited. */
export default defineScript('backups.create', {
  roles: ['admin'],
  async prepare(_input, ctx) {
    try {
      return await requireBackups(ctx).runManual();
    } catch (error) {
      if (error instanceof BusinessError) throw error;
      // Already logged with its stack by the worker; the admin gets the reason, in words.
      throw new BusinessError('INVALID_STATE', `O backup não foi feito: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  run(_tx, _input, ctx, entry) {
    ctx.audit({ action: 'backups.create', recordType: 'backup', recordId: entry.file, details: { bytes: entry.bytes } });
    return entry;
  },
});
