import { z } from 'zod';
import { Empty, EpochMs, Id, OverrideToken } from './fields.js';
import { Discount, PaymentMethod, PositiveCentavos } from './money.js';
import type { OperationTable } from './operation.js';
import { parseOrderNumber } from '../utils/order-number.js';

export const ORDER_TYPES = ['balcao', 'viagem', 'comanda'] as const;
export const OrderType = z.enum(ORDER_TYPES, { error: 'Tipo de pedido inválido (balcao, viagem ou comanda).' });
export type OrderType = z.infer<typeof OrderType>;

export const ORDER_STATUSES = ['open', 'paid', 'preparing', 'ready', 'delivered', 'cancelled', 'voided'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const Reason = z
  .string({ error: 'Informe o motivo.' })
  .trim()
  .min(3, 'Informe o motivo (pelo menos 3 letras).')
  .max(200, 'O motivo pode ter no máximo 200 caracteres.');

export const OrderLineInput = z.strictObject({
  id: Id,
  productId: Id,
  quantity: z.number({ error: 'Informe a quantidade.' }).int('A quantidade deve ser inteira.').min(1, 'A quantidade mínima é 1.').max(999, 'Quantidade máxima: 999.'),
  modifierOptionIds: z.array(Id).max(30).optional(),
  /** Each chosen product of a combo, with its own modifiers ("Ponto da carne" of the burger inside it). */
  comboChoices: z.array(z.strictObject({ slotId: Id, productId: Id, modifierOptionIds: z.array(Id).max(30).optional() })).max(10).optional(),
  notes: z.string().trim().max(140, 'A observação pode ter no máximo 140 caracteres.').optional(),
  discount: Discount.optional(),
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

/** Cash carries what the customer handed over; every other method carries the amount charged. */
export const PaymentInput = z
  .strictObject({
    id: Id,
    method: PaymentMethod,
    amount: PositiveCentavos.optional(),
    tendered: PositiveCentavos.optional(),
  })
  .superRefine((payment, ctx) => {
    if (payment.method === 'cash' && payment.tendered === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'Informe o valor recebido em dinheiro.' });
    }
    if (payment.method !== 'cash' && payment.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Informe o valor cobrado.' });
    }
    if (payment.method !== 'cash' && payment.tendered !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'Só pagamento em dinheiro tem valor recebido e troco.' });
    }
  });
export type PaymentInput = z.infer<typeof PaymentInput>;

/** Empty only when nothing is due (a staff meal, a 100% discount): the order then closes with no payment. */
const Payments = z.array(PaymentInput).max(10);

const ChosenModifier = z.object({ optionId: Id, name: z.string(), priceDelta: z.number().int() });

export const OrderLineView = z.object({
  id: Id,
  productId: Id,
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  modifiers: z.array(ChosenModifier),
  /** Each chosen product of a combo with the station that makes it and its own modifiers. */
  combo: z.array(
    z.object({ slotName: z.string(), productId: Id, productName: z.string(), priceDelta: z.number().int(), station: z.string().nullable(), modifiers: z.array(ChosenModifier) }),
  ),
  notes: z.string().nullable(),
  station: z.string().nullable(),
  discount: z.number().int(),
  total: z.number().int(),
  addedAt: EpochMs,
});

export const PaymentView = z.object({
  id: Id,
  method: PaymentMethod,
  amount: z.number().int(),
  tendered: z.number().int().nullable(),
  change: z.number().int().nullable(),
  at: EpochMs,
});

export const OrderView = z.object({
  id: Id,
  number: z.string(),
  type: OrderType,
  status: z.enum(ORDER_STATUSES),
  customerName: z.string().nullable(),
  pager: z.string().nullable(),
  businessDay: z.string(),
  createdAt: EpochMs,
  createdByName: z.string(),
  paidAt: EpochMs.nullable(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  paid: z.number().int(),
  due: z.number().int(),
  change: z.number().int(),
  lines: z.array(OrderLineView),
  payments: z.array(PaymentView),
  refunds: z.array(z.object({ method: PaymentMethod, amount: z.number().int() })),
  reason: z.string().nullable(),
});
export type OrderView = z.infer<typeof OrderView>;

export const OrderSummary = OrderView.pick({
  id: true,
  number: true,
  type: true,
  status: true,
  customerName: true,
  pager: true,
  businessDay: true,
  createdAt: true,
  total: true,
  due: true,
});

const Customer = {
  customerName: z.string().trim().max(40, 'O nome pode ter no máximo 40 caracteres.').optional(),
  pager: z.string().trim().regex(/^[0-9A-Za-z-]{1,8}$/, 'Pager com até 8 letras ou números.').optional(),
};

export const ordersOperations = {
  'orders.create': {
    summary:
      'Cria o pedido com número do dia (ex.: A-042) e, se vierem pagamentos, já o paga — tudo numa só transação. Comandas ficam abertas.',
    input: z.strictObject({
      id: Id,
      type: OrderType,
      ...Customer,
      lines: z.array(OrderLineInput).min(1, 'O pedido precisa de pelo menos um item.').max(200),
      discount: Discount.optional(),
      overrideToken: OverrideToken.optional(),
      payments: Payments.optional(),
    }),
    output: OrderView,
  },
  'orders.addLines': {
    summary: 'Acrescenta itens a uma comanda aberta (ou a um pedido ainda não pago); a cozinha recebe só os novos.',
    input: z.strictObject({
      orderId: Id,
      lines: z.array(OrderLineInput).min(1, 'Informe pelo menos um item.').max(200),
      overrideToken: OverrideToken.optional(),
    }),
    output: OrderView,
  },
  'orders.pay': {
    summary:
      'Paga o saldo do pedido, em uma ou várias formas. Nunca fecha com menos que o total; só dinheiro pode passar (o excesso é troco).',
    input: z.strictObject({ orderId: Id, payments: Payments }),
    output: OrderView,
  },
  'orders.cancel': {
    summary: 'Cancela um pedido ainda não pago, com motivo; depois que a cozinha o recebeu, o caixa precisa de autorização de gerente (configurável).',
    input: z.strictObject({ orderId: Id, reason: Reason, overrideToken: OverrideToken.optional() }),
    output: OrderView,
  },
  'orders.void': {
    summary: 'Estorna um pedido pago: pede autorização de gerente e motivo; registra a devolução por forma de pagamento.',
    input: z.strictObject({ orderId: Id, reason: Reason, overrideToken: OverrideToken.optional() }),
    output: OrderView,
  },
  'orders.deliver': {
    summary: 'Marca o pedido como entregue ao cliente; ele sai do painel.',
    input: z.strictObject({ orderId: Id }),
    output: OrderView,
  },
  'orders.get': { summary: 'Um pedido com itens, pagamentos e devoluções.', input: z.strictObject({ id: Id }), output: OrderView },
  'orders.list': {
    summary:
      'Pedidos do dia (ou de um dia), do mais novo ao mais antigo. Os em aberto e a busca por número valem para qualquer dia, a não ser que se escolha um.',
    input: z.strictObject({
      businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a data no formato AAAA-MM-DD.').optional(),
      number: z
        .string()
        .trim()
        .refine((text) => parseOrderNumber(text) !== null, 'Digite o número do pedido (ex.: A-042 ou 42).')
        .optional(),
      status: z.enum(ORDER_STATUSES).optional(),
      open: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.array(OrderSummary),
  },
  'orders.pixCharge': {
    summary: 'O "copia e cola" PIX (BR Code estático) de um valor do pedido, para mostrar em QR na tela.',
    input: z.strictObject({ orderId: Id, amount: PositiveCentavos }),
    output: z.object({ payload: z.string(), txid: z.string(), amount: z.number().int(), svg: z.string() }),
  },
  'orders.hold': {
    summary: 'Guarda o carrinho para atender outro cliente; não gera número nem mexe no estoque.',
    input: z.strictObject({
      id: Id,
      label: z.string().trim().min(1, 'Dê um nome ao pedido em espera.').max(40),
      cart: z.record(z.string(), z.unknown()).refine((cart) => JSON.stringify(cart).length <= 200_000, 'Carrinho grande demais.'),
    }),
    output: z.object({ id: Id }),
  },
  'orders.held': {
    summary: 'Carrinhos em espera neste terminal.',
    input: Empty,
    output: z.array(z.object({ id: Id, label: z.string(), createdAt: EpochMs, createdByName: z.string(), cart: z.record(z.string(), z.unknown()) })),
  },
  'orders.recall': {
    summary: 'Retoma um carrinho em espera (ele sai da lista).',
    input: z.strictObject({ id: Id }),
    output: z.object({ id: Id, label: z.string(), cart: z.record(z.string(), z.unknown()) }),
  },
} satisfies OperationTable;

