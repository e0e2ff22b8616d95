import { z } from 'zod';
import { Empty, EpochMs, Id, OverrideToken } from './fields.js';
import { Centavos, PAYMENT_METHODS, PaymentMethod, PositiveCentavos } from './money.js';
import type { OperationTable } from './operation.js';

export const CASH_MOVEMENT_KINDS = ['suprimento', 'sangria'] as const;

export const CashSessionInfo = z.object({
  id: Id,
  terminalLetter: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: EpochMs,
  openedByName: z.string(),
  openingFloat: z.number().int(),
  closedAt: EpochMs.nullable(),
  closedByName: z.string().nullable(),
  confirmedAt: EpochMs.nullable(),
  confirmedByName: z.string().nullable(),
});

export const CashMovementView = z.object({
  id: Id,
  kind: z.enum(CASH_MOVEMENT_KINDS),
  amount: z.number().int(),
  reason: z.string(),
  at: EpochMs,
  byName: z.string(),
});

const MethodLine = z.object({
  method: PaymentMethod,
  sales: z.number().int(),
  refunds: z.number().int(),
  expected: z.number().int(),
  counted: z.number().int().nullable(),
  difference: z.number().int().nullable(),
});

export const CashReport = z.object({
  kind: z.enum(['X', 'Z']),
  session: CashSessionInfo,
  methods: z.array(MethodLine),
  cash: z.object({
    openingFloat: z.number().int(),
    received: z.number().int(),
    change: z.number().int(),
    suprimentos: z.number().int(),
    sangrias: z.number().int(),
    refunds: z.number().int(),
    expected: z.number().int(),
  }),
  orders: z.object({
    count: z.number().int(),
    total: z.number().int(),
    discounts: z.number().int(),
    cancelled: z.number().int(),
    voided: z.number().int(),
    voidedTotal: z.number().int(),
  }),
  movements: z.array(CashMovementView),
  /** The audit chain's head when the caixa closed (Z only; null for an X, or a Z closed before it was kept). */
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type CashReport = z.infer<typeof CashReport>;

export const Counted = z.strictObject(
  Object.fromEntries(PAYMENT_METHODS.map((method) => [method, Centavos])) as Record<(typeof PAYMENT_METHODS)[number], typeof Centavos>,
);

export const cashOperations = {
  'cash.open': {
    summary: 'Abre o caixa deste terminal com o fundo de troco.',
    input: z.strictObject({ id: Id, openingFloat: Centavos }),
    output: CashSessionInfo,
  },
  'cash.current': {
    summary: 'O caixa aberto neste terminal e seus suprimentos e sangrias, sem o valor esperado (a contagem do fechamento é às cegas).',
    input: Empty,
    output: z.object({ session: CashSessionInfo.nullable(), orders: z.number().int(), movements: z.array(CashMovementView) }),
  },
  'cash.movement': {
    summary:
      'Suprimento (entrada) ou sangria (retirada) de dinheiro, com motivo; imprime um comprovante não fiscal. Uma sangria nunca passa do dinheiro esperado na gaveta; acima do limite configurado, o caixa precisa de autorização de gerente.',
    input: z.strictObject({
      id: Id,
      kind: z.enum(CASH_MOVEMENT_KINDS, { error: 'Tipo inválido (suprimento ou sangria).' }),
      amount: PositiveCentavos,
      reason: z.string({ error: 'Informe o motivo.' }).trim().min(3, 'Informe o motivo (pelo menos 3 letras).').max(200),
      overrideToken: OverrideToken.optional(),
    }),
    output: z.object({ id: Id }),
  },
  'cash.close': {
    summary: 'Fecha o caixa com a contagem às cegas por forma de pagamento; devolve esperado, contado e diferença (relatório Z).',
    input: z.strictObject({ sessionId: Id, counted: Counted }),
    output: CashReport,
  },
  'cash.confirm': {
    summary: 'O gerente confere a contagem de um caixa fechado.',
    input: z.strictObject({ sessionId: Id }),
    output: CashReport,
  },
  'cash.report': {
    summary: 'Relatório X (caixa aberto) ou Z (fechado) de um caixa; sem id, o caixa aberto deste terminal.',
    input: z.strictObject({ sessionId: Id.optional() }),
    output: CashReport,
  },
  'cash.sessions': {
    summary: 'Os caixas recentes deste terminal.',
    input: z.strictObject({ limit: z.number().int().min(1).max(200).optional() }),
    output: z.array(CashSessionInfo),
  },
} satisfies OperationTable;
