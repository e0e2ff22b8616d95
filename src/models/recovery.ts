import { z } from 'zod';
import { BackupEntry, BackupFileName } from './backups.js';
import { Empty, EpochMs } from './fields.js';
import type { OperationTable } from './operation.js';

/**
 * Recovery mode: the database could not be opened (damaged), so the core starts with this screen only.
 * Without login, as the first setup, and only from this computer (a tablet on the shop network is refused).
 */
export const recoveryOperations = {
  'recovery.status': {
    summary: 'Diz se o Balcão está em modo de recuperação (banco danificado), por quê, e os backups que podem ser restaurados, do mais novo ao mais antigo. Só neste computador.',
    input: Empty,
    output: z.object({
      damaged: z.boolean(),
      problem: z.string().nullable(),
      backups: z.array(BackupEntry),
      /** Where the damaged file is kept once a backup replaces it. */
      folder: z.string(),
    }),
  },
  'recovery.restore': {
    summary: 'No modo de recuperação, restaura um backup da lista: o arquivo danificado é guardado ao lado (nunca apagado) e o Balcão reabre no backup. Só neste computador.',
    input: z.strictObject({ file: BackupFileName }),
    output: z.object({ restarting: z.literal(true), file: z.string(), takenAt: EpochMs }),
  },
} satisfies OperationTable;
