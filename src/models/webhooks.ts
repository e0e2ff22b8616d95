import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

export const WEBHOOK_EVENT_TYPES = [
  'order.created',
  'order.paid',
  'order.ready',
  'order.voided',
  'order.cancelled',
  'cash.opened',
  'cash.closed',
  'stock.received',
  'stock.low',
  'feedback.received',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | 'ping';

const EventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `Evento desconhecido. Use: ${WEBHOOK_EVENT_TYPES.join(', ')}.` }))
  .min(1, 'Escolha pelo menos um evento.')
  .refine((events) => new Set(events).size === events.length, 'Evento repetido.');

const Url = z.string({ error: 'Informe a URL.' }).trim().min(8, 'Informe a URL completa (https://…).').max(2000);

export const EndpointView = z.object({
  id: Id,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  allowLocal: z.boolean(),
  disabledReason: z.string().nullable(),
  rotatingUntil: EpochMs.nullable(),
  createdAt: EpochMs,
  pending: z.number().int(),
  dead: z.number().int(),
});

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;

export const DeliveryView = z.object({
  id: Id,
  eventId: z.string(),
  eventType: z.string(),
  endpointId: Id,
  endpointUrl: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: EpochMs.nullable(),
  createdAt: EpochMs,
  lastAttempt: z
    .object({ at: EpochMs, statusCode: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable(), response: z.string().nullable() })
    .nullable(),
});

export const webhooksOperations = {
  'webhooks.create': {
    summary:
      'Cadastra um destino de webhooks. HTTPS é obrigatório, exceto loopback e endereços marcados como rede local. O segredo whsec_… aparece só nesta resposta.',
    input: z.strictObject({ url: Url, events: EventTypes, description: z.string().trim().max(120).optional(), allowLocal: z.boolean().optional() }),
    output: z.object({ id: Id, secret: z.string() }),
  },
  'webhooks.list': { summary: 'Os destinos de webhooks (sem os segredos), com entregas pendentes e mortas.', input: Empty, output: z.array(EndpointView) },
  'webhooks.update': {
    summary: 'Altera URL, eventos, descrição, rede local ou liga/desliga um destino.',
    input: z.strictObject({
      id: Id,
      url: Url.optional(),
      events: EventTypes.optional(),
      description: z.string().trim().max(120).nullable().optional(),
      allowLocal: z.boolean().optional(),
      enabled: z.boolean().optional(),
    }),
    output: EndpointView,
  },
  'webhooks.rotateSecret': {
    summary: 'Gera um segredo novo; durante a carência (padrão 24 h) as duas assinaturas são enviadas.',
    input: z.strictObject({ id: Id, graceHours: z.number().int().min(0).max(168).optional() }),
    output: z.object({ id: Id, secret: z.string(), previousValidUntil: EpochMs }),
  },
  'webhooks.test': {
    summary: 'Envia um evento "ping" para um destino (botão "testar").',
    input: z.strictObject({ id: Id }),
    output: z.object({ eventId: z.string(), deliveryId: Id }),
  },
  'webhooks.deliveries': {
    summary: 'As entregas e a última tentativa de cada uma, por destino, evento ou situação.',
    input: z.strictObject({
      endpointId: Id.optional(),
      eventId: z.string().max(60).optional(),
      eventType: z.string().max(40).optional(),
      status: z.enum(DELIVERY_STATUSES).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.array(DeliveryView),
  },
  'webhooks.attempts': {
    summary: 'Todas as tentativas de uma entrega: hora, duração, código HTTP, erro e o começo da resposta.',
    input: z.strictObject({ deliveryId: Id }),
    output: z.array(z.object({ attempt: z.number().int(), at: EpochMs, statusCode: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable(), response: z.string().nullable() })),
  },
  'webhooks.redeliver': {
    summary: 'Reenvia uma entrega (morta ou já entregue) recomeçando o calendário de tentativas.',
    input: z.strictObject({ deliveryId: Id }),
    output: z.object({ id: Id }),
  },
} satisfies OperationTable;
