import { z } from 'zod';
import { Empty } from './fields.js';
import type { OperationTable } from './operation.js';
import { UpdateChannel } from './updates.js';

export const Settings = z.object({
  shopName: z.string(),
  timezone: z.string(),
  businessDayStartsAt: z.string(),
  pinMaxAttempts: z.number().int(),
  pinLockMinutes: z.number().int(),
  idleLockMinutes: z.number().int(),
  overrideTtlSeconds: z.number().int(),
  discountLimitBps: z.number().int(),
  sangriaManagerLimit: z.number().int(),
  cancelAfterKitchenNeedsManager: z.boolean(),
  pixKey: z.string(),
  pixMerchantName: z.string(),
  pixMerchantCity: z.string(),
  printerAddress: z.string(),
  paperWidth: z.union([z.literal(80), z.literal(58)]),
  autoPrintReceipt: z.boolean(),
  autoPrintKitchen: z.boolean(),
  shopDocument: z.string(),
  shopAddress: z.string(),
  shopPhone: z.string(),
  stockExpiryDays: z.number().int(),
  feedbackMaxDays: z.number().int(),
  feedbackContactDays: z.number().int(),
  feedbackTags: z.array(z.string()),
  /** The shop's colour on the customer's display (#rrggbb). */
  displayColor: z.string(),
  /** The shop's update channel and hold, changed through `updates.configure` (audited). */
  updateChannel: UpdateChannel,
  updatesHeld: z.boolean(),
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
  discountLimitBps: z.number().int().min(0).max(10_000, 'O limite de desconto vai de 0 a 10000 (100%).').optional(),
  /** Centavos: a cashier's sangria above it needs a manager. */
  sangriaManagerLimit: z
    .number({ error: 'Informe o limite da sangria em centavos.' })
    .int('Informe o limite da sangria em centavos.')
    .min(0, 'O limite da sangria não pode ser negativo.')
    .max(100_000_000, 'Limite da sangria alto demais.')
    .optional(),
  cancelAfterKitchenNeedsManager: z.boolean().optional(),
  /** Checked against the key types by the script (src/utils/pix-brcode). */
  pixKey: z.string().trim().max(77, 'Chave PIX longa demais.').optional(),
  pixMerchantName: z.string().trim().max(25, 'O nome do recebedor PIX pode ter no máximo 25 caracteres.').optional(),
  pixMerchantCity: z.string().trim().max(15, 'A cidade do recebedor PIX pode ter no máximo 15 caracteres.').optional(),
  printerAddress: z
    .string()
    .trim()
    .regex(/^$|^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'Use o endereço da impressora como host:porta (ex.: 192.168.0.50:9100).')
    .optional(),
  paperWidth: z.union([z.literal(80), z.literal(58)], { error: 'Largura do papel: 80 ou 58 mm.' }).optional(),
  autoPrintReceipt: z.boolean().optional(),
  autoPrintKitchen: z.boolean().optional(),
  shopDocument: z.string().trim().max(30).optional(),
  shopAddress: z.string().trim().max(120).optional(),
  shopPhone: z.string().trim().max(30).optional(),
  stockExpiryDays: z.number().int().min(1, 'Mínimo de 1 dia.').max(90, 'Máximo de 90 dias.').optional(),
  feedbackMaxDays: z.number().int().min(1, 'Mínimo de 1 dia.').max(60, 'Máximo de 60 dias.').optional(),
  feedbackContactDays: z.number().int().min(1, 'Mínimo de 1 dia.').max(730, 'Máximo de 730 dias.').optional(),
  feedbackTags: z.array(z.string().trim().min(1).max(40)).min(1, 'Deixe pelo menos uma etiqueta.').max(12).optional(),
  displayColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a cor como #rrggbb (ex.: #c0392b).')
    .transform((color) => color.toLowerCase())
    .optional(),
});

export const settingsOperations = {
  'settings.get': { summary: 'As configurações da loja e deste terminal.', input: Empty, output: Settings },
  'settings.update': { summary: 'Muda configurações; só os campos enviados.', input: SettingsPatch, output: Settings },
} satisfies OperationTable;
