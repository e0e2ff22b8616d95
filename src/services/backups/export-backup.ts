import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { backupsFolder, exportBackup } from '../../database/backups.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { requireBackups, requireListedBackup } from './backup-link.js';

/**
 * Copies a listed backup to a folder of the computer that runs Balcão (a USB stick). The whole
 * database leaves the PC (sales, customers' contacts): admins only, and audited.
 */
export default defineScript('backups.export', {
  roles: ['admin'],
  async prepare(input, ctx) {
    const backup = requireListedBackup(ctx, input.file);
    const folder = await requireWritableFolder(input.folder, backupsFolder(requireBackups(ctx).dataDir));
    try {
      return await exportBackup(backup.path, folder);
    } catch (error) {
      throw new BusinessError('INVALID_STATE', `Não foi possível copiar o backup para ${folder}: ${copyProblem(error)}`, 'folder');
    }
  },
  run(_tx, input, ctx, exported) {
    ctx.audit({ action: 'backups.export', recordType: 'backup', recordId: input.file, details: { path: exported.path, bytes: exported.bytes } });
    return exported;
  },
});

async function requireWritableFolder(folder: string, backups: string): Promise<string> {
  if (!isAbsolute(folder)) throw new BusinessError('VALIDATION', 'Informe a pasta completa, por exemplo E:\\ (Windows) ou /media/pendrive (Linux).', 'folder');
  const found = await stat(folder).catch(() => null);
  if (!found?.isDirectory()) throw new BusinessError('NOT_FOUND', `A pasta ${folder} não foi encontrada neste computador. O pendrive está conectado?`, 'folder');
  if (resolve(folder) === resolve(backups)) throw new BusinessError('VALIDATION', 'Escolha outra pasta: esta já é a pasta dos backups.', 'folder');
  return folder;
}

/** The system's reason, in words the admin acts on. */
function copyProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'não há espaço livre suficiente.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'sem permissão para gravar nesta pasta (o pendrive está protegido contra gravação?).';
  return error instanceof Error ? error.message : String(error);
}
