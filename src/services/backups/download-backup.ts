import { readBackupChunk } from '../../database/backups.js';
import { BACKUP_CHUNK_BYTES } from '../../models/backups.js';
import { defineScript } from '../script.js';
import { requireListedBackup } from './backup-link.js';

/**
 * A backup, piece by piece, for the screen to save as a file: through the bridge, so it works the
 * same in the desktop window and in a browser on another device. Admins only; the first piece is audited.
 */
export default defineScript('backups.download', {
  roles: ['admin'],
  async prepare(input, ctx) {
    const backup = requireListedBackup(ctx, input.file);
    const chunk = input.offset < backup.bytes ? await readBackupChunk(backup.path, input.offset, Math.min(BACKUP_CHUNK_BYTES, backup.bytes - input.offset)) : Buffer.alloc(0);
    return { file: backup.file, offset: input.offset, bytes: backup.bytes, data: chunk.toString('base64'), done: input.offset + chunk.length >= backup.bytes };
  },
  run(_tx, input, ctx, piece) {
    if (input.offset === 0) ctx.audit({ action: 'backups.download', recordType: 'backup', recordId: input.file, details: { bytes: piece.bytes } });
    return piece;
  },
});
