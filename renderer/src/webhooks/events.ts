import type { TFunction } from 'i18next';
import type { WEBHOOK_EVENT_TYPES } from '../../../src/models/webhooks';

type CoreEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The events an endpoint can subscribe to, in the core's order (the types check the two lists agree). */
export const EVENT_TYPES = [
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
] as const satisfies readonly CoreEventType[];
export type EventType = (typeof EVENT_TYPES)[number];

// Fails to compile when the core adds an event this list does not have.
type Missing = Exclude<CoreEventType, EventType>;
const everyEventListed: [Missing] extends [never] ? true : Missing = true;
void everyEventListed;

/** What the delivery log can show: the events and the "Testar" ping. */
export const LOG_EVENT_TYPES = [...EVENT_TYPES, 'ping'] as const;

const LABEL_KEYS = {
  'order.created': 'webhooks.events.order_created',
  'order.paid': 'webhooks.events.order_paid',
  'order.ready': 'webhooks.events.order_ready',
  'order.voided': 'webhooks.events.order_voided',
  'order.cancelled': 'webhooks.events.order_cancelled',
  'cash.opened': 'webhooks.events.cash_opened',
  'cash.closed': 'webhooks.events.cash_closed',
  'stock.received': 'webhooks.events.stock_received',
  'stock.low': 'webhooks.events.stock_low',
  'feedback.received': 'webhooks.events.feedback_received',
  ping: 'webhooks.events.ping',
} as const;

/** "order.paid" → "Pedido pago"; an event this screen does not know shows as is. */
export function eventLabel(t: TFunction, type: string): string {
  const key = (LABEL_KEYS as Record<string, (typeof LABEL_KEYS)[keyof typeof LABEL_KEYS]>)[type];
  return key ? t(key) : type;
}
