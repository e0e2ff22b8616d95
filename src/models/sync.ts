import { z } from 'zod';
import { EpochMs } from './fields.js';

/**
 * What the sync indicator shows. `mode` is where the terminal stands (no connection set: purely
 * local); `phase` what the worker is doing now. Texts are pt-BR, ready for the screen.
 */
export const SyncStatus = z.object({
  mode: z.enum(['local', 'online', 'offline']),
  phase: z.enum(['idle', 'syncing', 'recovering']),
  /** Changes made here that the shop's server does not hold yet. */
  waiting: z.number().int().nonnegative(),
  /** Changes received that wait for what they refer to (a product created on a terminal whose log is behind). */
  held: z.number().int().nonnegative(),
  lastSuccessAt: EpochMs.nullable(),
  lastError: z.string().nullable(),
  /** While catching up: changes applied in this run, and how many the server had for us when it started. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** Something the staff must know, e.g. what a terminal restored from a backup got back. */
  notice: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Where the shop's database is, as typed by an admin. The URI holds a password: it is never echoed back. */
export const SyncConnectionInput = z.strictObject({
  uri: z
    .string({ error: 'Informe o endereço do banco (connection string).' })
    .trim()
    .max(1000, 'O endereço do banco é longo demais.')
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'O endereço do banco deve começar com mongodb+srv:// ou mongodb:// (copie-o do Atlas em Connect → Drivers).'),
  database: z
    .string({ error: 'Informe o nome do banco de dados da loja.' })
    .trim()
    .min(1, 'Informe o nome do banco de dados da loja.')
    .max(38, 'O nome do banco pode ter no máximo 38 caracteres.')
    .regex(/^[A-Za-z0-9_-]+$/, 'O nome do banco só pode ter letras sem acento, números, _ e -.'),
});
