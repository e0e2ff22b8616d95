import { z } from 'zod';

// Shared field schemas. Messages are pt-BR because they reach the cashier as they are.

export const Id = z.uuid({ version: 'v7', error: 'Identificador inválido (esperado UUIDv7).' });

/** A manager's single-use approval (auth.override), sent with the operation it approves. */
export const OverrideToken = z.string().min(20).max(100);

export const PersonName = z
  .string({ error: 'Informe um nome.' })
  .trim()
  .min(2, 'O nome precisa de pelo menos 2 letras.')
  .max(60, 'O nome pode ter no máximo 60 caracteres.');

/** Only the shape of a PIN; the strength rules depend on the role and live in src/hashing/pin-rules. */
export const Pin = z
  .string({ error: 'Informe o PIN.' })
  .regex(/^\d+$/, 'O PIN deve ter só números.')
  .min(4, 'O PIN deve ter pelo menos 4 dígitos.')
  .max(12, 'O PIN pode ter no máximo 12 dígitos.');

export const Empty = z.strictObject({});

export const EpochMs = z.number().int().nonnegative();
