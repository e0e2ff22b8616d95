import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';
import { ORDER_STATUSES, OrderType } from './orders.js';

export const TicketView = z.object({
  id: Id,
  orderId: Id,
  number: z.string(),
  type: OrderType,
  customerName: z.string().nullable(),
  pager: z.string().nullable(),
  createdAt: EpochMs,
  status: z.enum(['queued', 'preparing', 'ready']),
  /** What this ticket asks of each station: whole lines, or a combo's chosen products one by one. */
  lines: z.array(
    z.object({
      id: Id,
      /** 0 for a whole line, n for the n-th chosen product of a combo line. */
      part: z.number().int(),
      name: z.string(),
      /** The combo this product was chosen in, if any. */
      comboName: z.string().nullable(),
      quantity: z.number().int(),
      modifiers: z.array(z.string()),
      notes: z.string().nullable(),
      station: z.string(),
    }),
  ),
});
export type TicketView = z.infer<typeof TicketView>;

/** What the call board shows of an order: its number, the customer's name and the pager to buzz. */
const BoardEntry = z.object({ orderId: Id, number: z.string(), customerName: z.string().nullable(), pager: z.string().nullable(), since: EpochMs });

const TicketRef = z.strictObject({ ticketId: Id });
const TicketMoved = z.object({ ticketId: Id, status: z.enum(['queued', 'preparing', 'ready']), orderStatus: z.enum(ORDER_STATUSES) });

export const kitchenOperations = {
  'kitchen.queue': {
    summary: 'Os tickets da cozinha ainda não prontos, do mais antigo ao mais novo, com adicionais e observações.',
    input: Empty,
    output: z.array(TicketView),
  },
  'kitchen.start': { summary: 'Ticket em preparo.', input: TicketRef, output: TicketMoved },
  'kitchen.ready': { summary: 'Ticket pronto; com todos prontos, o pedido vai para "Pronto" no painel.', input: TicketRef, output: TicketMoved },
  'kitchen.board': {
    summary: 'O painel de chamada: pedidos em preparo e prontos (os entregues saem).',
    input: Empty,
    output: z.object({ preparing: z.array(BoardEntry), ready: z.array(BoardEntry) }),
  },
} satisfies OperationTable;
