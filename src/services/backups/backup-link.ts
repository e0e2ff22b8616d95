import { findBackup } from '../../database/backups.js';
import { restoreProblem } from '../../database/restore.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { BackupControl, PrepareContext, RestartControl } from '../script.js';

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

/** A listed backup checked again (integrity, schema not newer than this app) before anything is touched: a damaged one is refused here. */
export async function requireRestorableBackup(ctx: Pick<PrepareContext, 'backups'>, file: string) {
  const backup = requireListedBackup(ctx, file);
  const problem = await restoreProblem(backup.path, requireBackups(ctx).driver);
  if (problem) throw new BusinessError('INVALID_STATE', problem, 'file');
  return backup;
}

/** The core's restart, when no restore is under way already. */
export function requireRestarter(ctx: Pick<PrepareContext, 'restarter'>): RestartControl {
  if (!ctx.restarter) throw new BusinessError('INVALID_STATE', 'Este terminal não pode restaurar backups.');
  if (ctx.restarter.step) throw new BusinessError('RESTARTING', 'Já há uma restauração em andamento. Aguarde o Balcão reabrir.');
  return ctx.restarter;
}
