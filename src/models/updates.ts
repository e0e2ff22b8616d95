import { z } from 'zod';
import { Empty, EpochMs } from './fields.js';
import type { OperationTable } from './operation.js';

/** `latest`: the stable releases (branch main). `beta`: releases to try first (branch develop), and every stable one too. */
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;
export const UpdateChannel = z.enum(UPDATE_CHANNELS, { error: 'Canal de atualização: latest (estável) ou beta (teste).' });
export type UpdateChannel = z.infer<typeof UpdateChannel>;

/**
 * What the "Atualizações" section shows. `phase` is what the updater is doing; a downloaded update
 * (`ready`) waits for the caixa to close and the open orders to end (`waiting` says which). Texts are
 * pt-BR, ready for the screen.
 */
export const UpdateStatus = z.object({
  /** The version running now. */
  version: z.string(),
  channel: UpdateChannel,
  /** The admin stopped updates: nothing is downloaded nor installed until released. */
  held: z.boolean(),
  /** False in browser mode and in a desktop run from the sources: there, updates come with the installer. */
  automatic: z.boolean(),
  phase: z.enum(['idle', 'checking', 'downloading', 'ready', 'held', 'error']),
  /** Download progress, 0–100, while downloading. */
  progress: z.number().int().min(0).max(100).nullable(),
  /** The newer version found on the channel, if any. */
  availableVersion: z.string().nullable(),
  lastCheckAt: EpochMs.nullable(),
  /** Why the last check or download failed; the running version keeps working. */
  error: z.string().nullable(),
  /** Why a downloaded update waits, or why updates are not automatic here. */
  notice: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const UpdateConfigureInput = z
  .strictObject({ channel: UpdateChannel.optional(), held: z.boolean({ error: 'Informe se as atualizações ficam suspensas (true ou false).' }).optional() })
  .refine((input) => input.channel !== undefined || input.held !== undefined, { message: 'Envie o canal, a suspensão ou os dois.', path: ['channel'] });

/** A version, as the changelog and the updater write it (1.2.0, 1.3.0-beta.1). */
export const AppVersion = z
  .string({ error: 'Informe a versão.' })
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'Versão inválida (ex.: 1.2.0 ou 1.3.0-beta.1).');

export const ReleaseNote = z.object({ version: z.string(), notes: z.string() });
export type ReleaseNote = z.infer<typeof ReleaseNote>;

export const updatesOperations = {
  'updates.status': {
    summary: 'Versão em uso, canal (latest ou beta), se as atualizações estão suspensas e o que o atualizador está fazendo: procurando, baixando (n%), pronta esperando o caixa fechar, ou o erro.',
    input: Empty,
    output: UpdateStatus,
  },
  'updates.check': {
    summary: '"Verificar agora": procura uma versão nova no canal da loja; se houver, ela é baixada em segundo plano e instalada com o caixa fechado e sem pedido aberto.',
    input: Empty,
    output: UpdateStatus,
  },
  'updates.configure': {
    summary: 'Escolhe o canal de atualização da loja (latest ou beta) e suspende ou libera as atualizações. Fica nas configurações e na auditoria.',
    input: UpdateConfigureInput,
    output: UpdateStatus,
  },
  'updates.whatsNew': {
    summary: 'O que mudou desde a última versão vista neste terminal (uma vez por versão); vazio se não há novidade a mostrar.',
    input: Empty,
    output: z.object({ version: z.string(), notes: z.array(ReleaseNote) }),
  },
  'updates.notesSeen': {
    summary: 'Marca as novidades desta versão como vistas neste terminal: não aparecem de novo.',
    input: z.strictObject({ version: AppVersion }),
    output: z.object({ version: z.string() }),
  },
} satisfies OperationTable;
