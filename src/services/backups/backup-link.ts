import { findBackup } from '../../database/backups.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { BackupControl, PrepareContext } from '../script.js';

/** The backup worker; every terminal has one, only hand-built cores in some tests lack it. */
export function requireBackups(ctx: Pick<PrepareContext, 'backups'>): BackupControl {
  if (!ctx.backups) throw new BusinessError('INVALID_STATE', 'Os backups não estão disponíveis neste terminal.');
  return ctx.backups;
}

/** A backup named by the screen must be one of the list (the name's shape was checked at the boundary). */
export function requireListedBackup(ctx: Pick<PrepareContext, 'backups'>, file: string) {
  const backup = findBackup(requireBackups(ctx).dataDir, file);
  if (!backup) throw new BusinessError('NOT_FOUND', 'Este backup não existe mais (pode ter saído pela rotação). Atualize a lista.', 'file');
  return backup;
}
