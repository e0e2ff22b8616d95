import { z } from 'zod';

/** Money is integer centavos; never a float. */
export const Centavos = z
  .number({ error: 'Informe um valor em centavos.' })
  .int('O valor deve ser um número inteiro de centavos.')
  .min(0, 'O valor não pode ser negativo.')
  .max(100_000_000, 'Valor alto demais (máximo R$ 1.000.000,00).');

/** A price: centavos, with messages that name it. */
export const Price = z
  .number({ error: 'Informe o preço.' })
  .int('O preço deve ser um número inteiro de centavos.')
  .min(0, 'O preço não pode ser negativo.')
  .max(100_000_000, 'Preço acima do máximo de R$ 1.000.000,00.');

export const PositiveCentavos = Centavos.refine((value) => value > 0, 'O valor deve ser maior que zero.');

/** Percentages are basis points: 1000 = 10%. */
export const BasisPoints = z
  .number({ error: 'Informe a porcentagem em pontos-base (1000 = 10%).' })
  .int('A porcentagem deve ser um inteiro em pontos-base (1000 = 10%).')
  .min(0, 'A porcentagem não pode ser negativa.')
  .max(10_000, 'A porcentagem não pode passar de 100%.');

export const PAYMENT_METHODS = ['cash', 'debit', 'credit', 'voucher', 'pix'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS, { error: 'Forma de pagamento inválida (cash, debit, credit, voucher ou pix).' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const Discount = z.strictObject({
  kind: z.enum(['percent', 'amount'], { error: 'Tipo de desconto inválido (percent ou amount).' }),
  /** Basis points for percent, centavos for amount. */
  value: z.number().int('O desconto deve ser inteiro (pontos-base ou centavos).').min(0, 'O desconto não pode ser negativo.').max(100_000_000),
  reason: z.string().trim().max(120).optional(),
});
export type Discount = z.infer<typeof Discount>;
