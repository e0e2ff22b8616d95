import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { TicketView } from '../../models/kitchen.js';
import type { OrderType } from '../../models/orders.js';
import { comboChoiceLabel, parseCombo } from './orders.js';

type TicketStatus = 'queued' | 'preparing' | 'ready';

/** A ticket moves forward only: queued, then preparing, then ready. */
export const TICKET_STEPS = { queued: 0, preparing: 1, ready: 2 } as const;

export const findTicket = (db: Db, id: string) =>
  sql<[string], { id: string; orderId: string; status: TicketStatus }>(
    db,
    'SELECT ticket_id AS id, order_id AS orderId, status FROM kitchen_ticket_state WHERE ticket_id = ?',
  ).get(id);

export function moveTicket(db: Db, ticketId: string, status: 'preparing' | 'ready', event: { id: string; byUser: string; at: number; hlc: string }): void {
  sql(db, 'INSERT INTO kitchen_ticket_events (id, ticket_id, status, by_user, at, hlc) VALUES (?, ?, ?, ?, ?, ?)').run(event.id, ticketId, status, event.byUser, event.at, event.hlc);
  setTicketStatus(db, ticketId, status, event.at);
}

export const setTicketStatus = (db: Db, ticketId: string, status: TicketStatus, at: number): void => {
  sql(db, 'UPDATE kitchen_ticket_state SET status = ?, status_at = ? WHERE ticket_id = ?').run(status, at, ticketId);
};

/** What a ticket asks of the kitchen: a whole line (part 0) or one chosen product of a combo, each at its station. */
export interface TicketItem {
  lineId: string;
  part: number;
  station: string;
}

export const insertTicketItems = (db: Db, ticketId: string, items: readonly TicketItem[]): void => {
  for (const item of items) {
    sql(db, 'INSERT INTO kitchen_ticket_items (ticket_id, line_id, part, station) VALUES (?, ?, ?, ?)').run(ticketId, item.lineId, item.part, item.station);
  }
};

export const queueTicket = (db: Db, ticketId: string, orderId: string, at: number): void => {
  sql(db, "INSERT INTO kitchen_ticket_state (ticket_id, order_id, status, status_at) VALUES (?, ?, 'queued', ?)").run(ticketId, orderId, at);
};

/** Tickets not ready yet, oldest first, leaving out orders voided or cancelled in the meantime. */
export function kitchenQueue(db: Db): TicketView[] {
  const tickets = sql<[], { id: string; orderId: string; number: string; type: OrderType; customerName: string | null; pager: string | null; createdAt: number; status: TicketStatus }>(
    db,
    `SELECT t.ticket_id AS id, t.order_id AS orderId, o.display_number AS number, o.type, o.customer_name AS customerName, o.pager,
            k.created_at AS createdAt, t.status
     FROM kitchen_ticket_state t JOIN kitchen_tickets k ON k.id = t.ticket_id JOIN orders o ON o.id = t.order_id
     JOIN order_state s ON s.order_id = t.order_id
     WHERE t.status IN ('queued', 'preparing') AND s.status NOT IN ('cancelled', 'voided', 'delivered')
     ORDER BY k.created_at, k.rowid`,
  ).all();
  return tickets.map((ticket) => ({ ...ticket, lines: ticketLines(db, ticket.id) }));
}

/** A ticket's items as the kitchen reads them: a combo's chosen product by its own name, with its own modifiers. */
export function ticketLines(db: Db, ticketId: string): TicketView['lines'] {
  return sql<[string], { id: string; part: number; station: string; name: string; quantity: number; modifiers: string; combo: string; notes: string | null }>(
    db,
    `SELECT l.id, i.part, i.station, l.name, l.quantity, l.modifiers, l.combo, l.notes FROM kitchen_ticket_items i JOIN order_lines l ON l.id = i.line_id
     WHERE i.ticket_id = ? ORDER BY l.position, i.part`,
  )
    .all(ticketId)
    .map((line) => {
      const combo = parseCombo(line.combo);
      const chosen = line.part > 0 ? combo[line.part - 1] : undefined;
      const common = { id: line.id, part: line.part, quantity: line.quantity, notes: line.notes, station: line.station };
      if (chosen) return { ...common, name: chosen.productName, comboName: line.name, modifiers: chosen.modifiers.map((m) => m.name) };
      return {
        ...common,
        name: line.name,
        comboName: null,
        modifiers: [...combo.map((c) => `${c.slotName}: ${comboChoiceLabel(c)}`), ...(JSON.parse(line.modifiers) as { name: string }[]).map((m) => m.name)],
      };
    });
}

/** The call board: orders being prepared and orders ready and not yet delivered. */
export function boardEntries(db: Db) {
  const rows = sql<[], { orderId: string; number: string; customerName: string | null; pager: string | null; status: string; since: number }>(
    db,
    `SELECT o.id AS orderId, o.display_number AS number, o.customer_name AS customerName, o.pager, s.status, s.status_at AS since
     FROM order_state s JOIN orders o ON o.id = s.order_id
     WHERE s.status IN ('paid', 'preparing', 'ready') OR (s.status = 'open' AND EXISTS (SELECT 1 FROM kitchen_tickets k WHERE k.order_id = o.id))
     ORDER BY s.status_at`,
  ).all();
  const entry = ({ orderId, number, customerName, pager, since }: (typeof rows)[number]) => ({ orderId, number, customerName, pager, since });
  return {
    preparing: rows.filter((r) => r.status !== 'ready').map(entry),
    ready: rows.filter((r) => r.status === 'ready').map(entry),
  };
}
