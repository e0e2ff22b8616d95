import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a data no formato AAAA-MM-DD.');

export const FeedbackView = z.object({
  id: Id,
  orderId: Id,
  orderNumber: z.string(),
  businessDay: z.string(),
  rating: z.number().int(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  cashierName: z.string(),
  createdAt: EpochMs,
  hasContact: z.boolean(),
  handledAt: EpochMs.nullable(),
  handledByName: z.string().nullable(),
  handledNote: z.string().nullable(),
});

const Stat = z.object({ key: z.string(), label: z.string(), count: z.number().int(), average: z.number() });

export const feedbackOperations = {
  'feedback.openKiosk': {
    summary: 'Abre a tela de avaliação dos clientes numa sessão restrita: ela só envia avaliações e não lê mais nada.',
    input: Empty,
    output: z.object({ token: z.string() }),
  },
  'feedback.kiosk': {
    summary: 'O que a tela de avaliação mostra: nome da loja e etiquetas.',
    input: Empty,
    output: z.object({ shopName: z.string(), tags: z.array(z.string()) }),
  },
  'feedback.lookup': {
    summary: 'Encontra o pedido pelo número do dia (A-042) ou pelo código do cupom, para avaliar.',
    input: z.strictObject({ code: z.string({ error: 'Informe o número ou o código do pedido.' }).trim().min(2, 'Informe o número ou o código do pedido.').max(20) }),
    output: z.object({ orderId: Id, number: z.string(), items: z.array(z.string()) }),
  },
  'feedback.submit': {
    summary: 'Registra a avaliação de um pedido pago (uma por pedido). Contato só com consentimento (LGPD).',
    input: z
      .strictObject({
        id: Id,
        orderId: Id,
        rating: z.number({ error: 'Escolha uma nota de 1 a 5.' }).int().min(1, 'Escolha uma nota de 1 a 5.').max(5, 'Escolha uma nota de 1 a 5.'),
        tags: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
        comment: z.string().trim().max(500, 'O comentário pode ter no máximo 500 caracteres.').optional(),
        contactName: z.string().trim().max(60).optional(),
        contactPhone: z.string().trim().regex(/^[0-9 ()+-]{8,20}$/, 'Telefone inválido.').optional(),
        contactEmail: z.email('E-mail inválido.').max(120).optional(),
        consent: z.boolean().optional(),
      })
      .superRefine((input, ctx) => {
        const gaveContact = Boolean(input.contactName || input.contactPhone || input.contactEmail);
        if (gaveContact && input.consent !== true) {
          ctx.addIssue({ code: 'custom', path: ['consent'], message: 'Para deixar nome ou contato, marque que você concorda com o uso dos seus dados.' });
        }
      }),
    output: z.object({ id: Id }),
  },
  'feedback.list': {
    summary: 'A caixa de entrada das avaliações, com filtros.',
    input: z.strictObject({
      rating: z.number().int().min(1).max(5).optional(),
      maxRating: z.number().int().min(1).max(5).optional(),
      tag: z.string().max(40).optional(),
      from: Day.optional(),
      to: Day.optional(),
      productId: Id.optional(),
      cashierId: Id.optional(),
      handled: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.array(FeedbackView),
  },
  'feedback.get': {
    summary: 'Uma avaliação com os itens do pedido e, se houver consentimento, o contato.',
    input: z.strictObject({ id: Id }),
    output: FeedbackView.extend({
      items: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
      contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    }),
  },
  'feedback.handle': {
    summary: 'Marca uma avaliação como tratada, com uma nota.',
    input: z.strictObject({ id: Id, note: z.string().trim().min(3, 'Escreva o que foi feito (pelo menos 3 letras).').max(500) }),
    output: z.object({ id: Id }),
  },
  'feedback.report': {
    summary: 'Média e distribuição das notas por dia, semana, produto, etiqueta, operador e hora do dia.',
    input: z.strictObject({ from: Day, to: Day }),
    output: z.object({
      count: z.number().int(),
      average: z.number(),
      distribution: z.array(z.number().int()),
      byDay: z.array(Stat),
      byWeek: z.array(Stat),
      byProduct: z.array(Stat),
      byTag: z.array(Stat),
      byCashier: z.array(Stat),
      byHour: z.array(Stat),
    }),
  },
  'feedback.exportCsv': {
    summary: 'As avaliações do período em CSV (sem dados de contato).',
    input: z.strictObject({ from: Day, to: Day }),
    output: z.object({ csv: z.string(), rows: z.number().int() }),
  },
  'feedback.customerData': {
    summary: 'LGPD: tudo o que há de um cliente (por telefone ou e-mail), para entregar a ele.',
    input: z.strictObject({ phone: z.string().trim().max(20).optional(), email: z.string().trim().max(120).optional() }).refine((i) => i.phone || i.email, 'Informe telefone ou e-mail.'),
    output: z.array(z.object({ feedbackId: Id, orderNumber: z.string(), createdAt: EpochMs, rating: z.number().int(), comment: z.string().nullable(), name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })),
  },
  'feedback.eraseCustomer': {
    summary: 'LGPD: apaga nome e contato de um cliente em todas as avaliações; as notas ficam, anônimas.',
    input: z.strictObject({ phone: z.string().trim().max(20).optional(), email: z.string().trim().max(120).optional() }).refine((i) => i.phone || i.email, 'Informe telefone ou e-mail.'),
    output: z.object({ erased: z.number().int() }),
  },
} satisfies OperationTable;
