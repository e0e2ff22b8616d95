import { z } from 'zod';
import { EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

const isRealDay = (day: string): boolean => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
};

/** A calendar date that exists (no 30 de fevereiro). */
const Day = (label: string) =>
  z
    .string({ error: `Informe a data ${label} (AAAA-MM-DD).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `A data ${label} deve estar no formato AAAA-MM-DD.`)
    .refine(isRealDay, `A data ${label} não existe.`);

export const REPORT_PRESETS = ['today', 'yesterday', 'this_week', 'this_month', 'last_month'] as const;
export const MAX_REPORT_YEARS = 3;

/** The days a report covers, in business days: a preset resolved in the shop's zone, or from…to. */
export const PeriodInput = z
  .strictObject({
    preset: z.enum(REPORT_PRESETS, { error: 'Escolha um período: hoje, ontem, esta semana, este mês ou o mês passado.' }).optional(),
    from: Day('inicial').optional(),
    to: Day('final').optional(),
  })
  .superRefine((period, ctx) => {
    if (period.preset !== undefined) {
      if (period.from !== undefined || period.to !== undefined) ctx.addIssue({ code: 'custom', path: ['preset'], message: 'Escolha um período pronto ou as datas, não os dois.' });
      return;
    }
    if (period.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Informe a data inicial do período.' });
    if (period.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Informe a data final do período.' });
    if (period.from === undefined || period.to === undefined || !isRealDay(period.from) || !isRealDay(period.to)) return;
    if (period.from > period.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'A data inicial não pode ser depois da data final.' });
    const limit = new Date(`${period.from}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + MAX_REPORT_YEARS);
    if (period.to >= limit.toISOString().slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `O período pode ter no máximo ${MAX_REPORT_YEARS} anos.` });
    }
  });
export type PeriodInput = z.infer<typeof PeriodInput>;

const ResolvedPeriod = z.object({ from: z.string(), to: z.string(), days: z.number().int() });

/** Money in centavos; cost is null where no line had a known cost ("custo desconhecido"). */
export const SalesFigures = z.object({
  orders: z.number().int(),
  quantity: z.number().int(),
  gross: z.number().int(),
  discounts: z.number().int(),
  net: z.number().int(),
  /** Cash handed back (by payment method only): gross − change = net. */
  change: z.number().int(),
  cost: z.number().int().nullable(),
  /** Net sales of lines whose cost is not known: the margin leaves them out. */
  uncostedNet: z.number().int(),
  margin: z.number().int().nullable(),
});
export type SalesFigures = z.infer<typeof SalesFigures>;

export const SALES_DIMENSIONS = ['day', 'hour', 'weekday', 'product', 'category', 'payment', 'terminal', 'cashier', 'order_type'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

const Periods = { period: ResolvedPeriod, previousPeriod: ResolvedPeriod };

const Who = z.string().nullable();

export const reportsOperations = {
  'reports.sales': {
    summary:
      'Vendas do período (dias de movimento) por dia, hora, dia da semana, produto, categoria, forma de pagamento, terminal, operador ou tipo de pedido, com custo e margem, comparadas ao período anterior de mesmo tamanho. Pedidos estornados e cancelados ficam de fora.',
    input: z.strictObject({
      period: PeriodInput,
      by: z.enum(SALES_DIMENSIONS, { error: 'Escolha como agrupar as vendas.' }),
    }),
    output: z.object({
      ...Periods,
      by: z.enum(SALES_DIMENSIONS),
      rows: z.array(SalesFigures.extend({ key: z.string(), label: z.string(), previous: SalesFigures.nullable() })),
      totals: SalesFigures,
      previousTotals: SalesFigures,
    }),
  },
  'reports.discounts': {
    summary: 'Cada desconto dado no período: pedido, item, valor, motivo, quem deu e quem aprovou.',
    input: z.strictObject({ period: PeriodInput }),
    output: z.object({
      ...Periods,
      rows: z.array(
        z.object({
          id: Id,
          orderId: Id,
          orderNumber: z.string(),
          businessDay: z.string(),
          at: EpochMs,
          itemName: z.string().nullable(),
          kind: z.enum(['percent', 'amount']),
          value: z.number().int(),
          amount: z.number().int(),
          reason: z.string().nullable(),
          givenByName: Who,
          approvedByName: Who,
          orderStatus: z.string(),
        }),
      ),
      totals: z.object({ count: z.number().int(), amount: z.number().int() }),
      previousTotals: z.object({ count: z.number().int(), amount: z.number().int() }),
    }),
  },
  'reports.voids': {
    summary: 'Estornos e cancelamentos do período, com o motivo, quem fez e quem aprovou; nunca contados como venda.',
    input: z.strictObject({ period: PeriodInput }),
    output: z.object({
      ...Periods,
      rows: z.array(
        z.object({
          orderId: Id,
          orderNumber: z.string(),
          businessDay: z.string(),
          kind: z.enum(['voided', 'cancelled']),
          at: EpochMs,
          total: z.number().int(),
          refunded: z.number().int(),
          reason: z.string().nullable(),
          byName: z.string(),
          approverName: Who,
        }),
      ),
      totals: z.object({ voided: z.number().int(), voidedTotal: z.number().int(), cancelled: z.number().int(), cancelledTotal: z.number().int() }),
      previousTotals: z.object({ voided: z.number().int(), voidedTotal: z.number().int(), cancelled: z.number().int(), cancelledTotal: z.number().int() }),
    }),
  },
  'reports.caixas': {
    summary: 'Cada caixa aberto no período (leitura X do aberto, Z do fechado) com as diferenças da contagem, e as diferenças somadas por operador.',
    input: z.strictObject({ period: PeriodInput }),
    output: z.object({
      ...Periods,
      caixas: z.array(
        z.object({
          sessionId: Id,
          kind: z.enum(['X', 'Z']),
          businessDay: z.string(),
          terminalLetter: z.string(),
          openedAt: EpochMs,
          openedByName: z.string(),
          closedAt: EpochMs.nullable(),
          closedByName: z.string().nullable(),
          /** Sales less refunds, every method. */
          takings: z.number().int(),
          /** Counted − expected, every method; null while open. */
          difference: z.number().int().nullable(),
          methods: z.array(z.object({ method: z.string(), expected: z.number().int(), counted: z.number().int().nullable(), difference: z.number().int().nullable() })),
        }),
      ),
      byCashier: z.array(z.object({ name: z.string(), caixas: z.number().int(), closed: z.number().int(), difference: z.number().int(), shortages: z.number().int(), overages: z.number().int() })),
    }),
  },
  'reports.stock': {
    summary: 'Valor do estoque agora (ao custo médio) e as perdas do período por motivo, comparadas ao período anterior.',
    input: z.strictObject({ period: PeriodInput }),
    output: z.object({
      ...Periods,
      stockValue: z.number().int(),
      items: z.array(z.object({ itemId: Id, name: z.string(), onHand: z.number().int(), value: z.number().int() })),
      losses: z.array(z.object({ reason: z.string(), count: z.number().int(), value: z.number().int(), previousValue: z.number().int() })),
      lossTotals: z.object({ count: z.number().int(), value: z.number().int() }),
      previousLossTotals: z.object({ count: z.number().int(), value: z.number().int() }),
    }),
  },
  'reports.ratings': {
    summary: 'As notas dos clientes por dia, ao lado das vendas do dia.',
    input: z.strictObject({ period: PeriodInput }),
    output: z.object({
      ...Periods,
      days: z.array(z.object({ day: z.string(), orders: z.number().int(), net: z.number().int(), ratings: z.number().int(), average: z.number().nullable() })),
      totals: z.object({ orders: z.number().int(), net: z.number().int(), ratings: z.number().int(), average: z.number().nullable() }),
      previousTotals: z.object({ orders: z.number().int(), net: z.number().int(), ratings: z.number().int(), average: z.number().nullable() }),
    }),
  },
  'reports.printDaySummary': {
    summary:
      'Manda o resumo do dia (vendas, pedidos, ticket médio, formas de pagamento, descontos, estornos e mais vendidos) para a impressora do balcão, pela fila de impressão. Sem data, o dia de movimento de hoje.',
    input: z.strictObject({ id: Id, day: Day('do resumo').optional() }),
    output: z.object({ jobId: Id, day: z.string() }),
  },
} satisfies OperationTable;
