import { z } from 'zod';
import { Empty, EpochMs, Pin } from './fields.js';
import type { OperationTable } from './operation.js';

/** Why a copy was taken; `restore` is the copy of the database as it was just before a restore. */
export const BACKUP_REASONS = ['daily', 'close', 'update', 'migration', 'manual', 'restore'] as const;
export const BackupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReason>;

/** `balcao-<YYYYMMDD>-<HHMMSS>-<reason>.db`, in UTC, inside `<data folder>/backups/`. */
export const BACKUP_FILE_PATTERN = new RegExp(`^balcao-(\\d{8})-(\\d{6})-(${BACKUP_REASONS.join('|')})\\.db$`);

/** A backup is named by its file name only, never by a path: `../x` or `C:\x` are refused here. */
export const BackupFileName = z
  .string({ error: 'Escolha um backup da lista.' })
  .regex(BACKUP_FILE_PATTERN, 'Escolha um backup da lista (nome de arquivo de backup, sem pasta).');

export const BackupEntry = z.object({
  file: z.string(),
  reason: BackupReason,
  takenAt: EpochMs,
  bytes: z.number().int().nonnegative(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** A folder on the computer that runs Balcão (a USB stick: `E:\` on Windows, `/media/…` on Linux). */
export const ExportFolder = z
  .string({ error: 'Informe a pasta de destino.' })
  .trim()
  .min(1, 'Informe a pasta de destino (por exemplo o pendrive, E:\\).')
  .max(1000, 'Caminho da pasta longo demais.');

/** The most a download chunk carries: the whole file is read in a few calls, each of bounded size. */
export const BACKUP_CHUNK_BYTES = 4 * 1024 * 1024;

export const backupsOperations = {
  'backups.list': {
    summary: 'Os backups deste terminal, do mais novo ao mais antigo, com data, motivo e tamanho; o que está em andamento e a última falha.',
    input: Empty,
    output: z.object({
      backups: z.array(BackupEntry),
      /** Where they are, on the computer that runs Balcão. */
      folder: z.string(),
      /** The copy being taken now, if any. */
      running: BackupReason.nullable(),
      /** The last copy that failed (its partial file was deleted), until one succeeds. */
      lastFailure: z.object({ at: EpochMs, reason: BackupReason, message: z.string() }).nullable(),
    }),
  },
  'backups.create': {
    summary: 'Faz um backup agora (cópia online, conferida com integrity_check) e devolve o novo backup. Recusado enquanto outro estiver em andamento.',
    input: Empty,
    output: BackupEntry,
  },
  'backups.export': {
    summary: 'Copia um backup da lista para uma pasta do computador que roda o Balcão (um pendrive) e devolve o caminho do arquivo copiado.',
    input: z.strictObject({ file: BackupFileName, folder: ExportFolder }),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  'backups.restore': {
    summary:
      'Restaura um backup da lista no lugar do banco: confere o backup, guarda uma cópia do banco atual ("antes da restauração"), fecha tudo, troca o arquivo e reabre. Pede o PIN do administrador; todas as sessões terminam. Enquanto isso, as outras chamadas recebem RESTARTING.',
    input: z.strictObject({ file: BackupFileName, pin: Pin }),
    output: z.object({ restarting: z.literal(true), file: z.string(), takenAt: EpochMs }),
  },
  'backups.download': {
    summary: 'Um pedaço de um backup da lista (base64, a partir de offset), para baixá-lo pelo navegador ou pela janela do Balcão.',
    input: z.strictObject({ file: BackupFileName, offset: z.number().int().nonnegative() }),
    output: z.object({ file: z.string(), offset: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), data: z.string(), done: z.boolean() }),
  },
} satisfies OperationTable;
