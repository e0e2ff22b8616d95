import { z } from 'zod';
import { Empty } from './fields.js';
import type { OperationTable } from './operation.js';

export const Settings = z.object({
  shopName: z.string(),
  timezone: z.string(),
  businessDayStartsAt: z.string(),
  pinMaxAttempts: z.number().int(),
  pinLockMinutes: z.number().int(),
  idleLockMinutes: z.number().int(),
  overrideTtlSeconds: z.number().int(),
});
export type Settings = z.infer<typeof Settings>;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('pt-BR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const SettingsPatch = z.strictObject({
  shopName: z.string().trim().min(2, 'O nome da loja precisa de pelo menos 2 letras.').max(80).optional(),
  timezone: z.string().refine(isTimeZone, 'Fuso horário desconhecido (ex.: America/Sao_Paulo).').optional(),
  businessDayStartsAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use o formato HH:MM (ex.: 04:00).')
    .optional(),
  pinMaxAttempts: z.number().int().min(3, 'Mínimo de 3 tentativas.').max(10, 'Máximo de 10 tentativas.').optional(),
  pinLockMinutes: z.number().int().min(1, 'Mínimo de 1 minuto.').max(1440, 'Máximo de 1440 minutos.').optional(),
  idleLockMinutes: z.number().int().min(1, 'Mínimo de 1 minuto.').max(120, 'Máximo de 120 minutos.').optional(),
  overrideTtlSeconds: z.number().int().min(15, 'Mínimo de 15 segundos.').max(600, 'Máximo de 600 segundos.').optional(),
});

export const settingsOperations = {
  'settings.get': { summary: 'As configurações da loja e deste terminal.', input: Empty, output: Settings },
  'settings.update': { summary: 'Muda configurações; só os campos enviados.', input: SettingsPatch, output: Settings },
} satisfies OperationTable;
