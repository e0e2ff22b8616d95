import type { Db } from '../connection.js';
import { sql } from '../statements.js';

/** An order of this terminal whose document on the shop's server is stale, and how many changes it has had. */
export interface PendingOrder {
  orderId: string;
  version: number;
  businessDay: string;
}

/** The oldest queued orders of this terminal (migration 026 queues only its own). */
export const pendingOrders = (db: Db, limit: number): PendingOrder[] =>
  sql<[number], PendingOrder>(
    db,
    `SELECT p.order_id AS orderId, p.version, o.business_day AS businessDay
     FROM publish_pending p JOIN orders o ON o.id = p.order_id ORDER BY p.rowid LIMIT ?`,
  ).all(limit);

/** Unqueues what was published, unless it changed again meanwhile (its version moved on): then it goes out next time. */
export function clearPublished(db: Db, published: readonly PendingOrder[]): void {
  const clear = sql<[string, number]>(db, 'DELETE FROM publish_pending WHERE order_id = ? AND version = ?');
  db.transaction(() => {
    for (const order of published) clear.run(order.orderId, order.version);
  })();
}

export const pendingCount = (db: Db): number => sql<[], { n: number }>(db, 'SELECT count(*) AS n FROM publish_pending').get()!.n;

export const orderDiscounts = (db: Db, orderId: string) =>
  sql<[string], { lineId: string | null; kind: 'percent' | 'amount'; value: number; amount: number; reason: string | null; approvedByName: string | null; at: number }>(
    db,
    `SELECT line_id AS lineId, kind, value, amount, reason, approved_by_name AS approvedByName, at FROM order_discounts WHERE order_id = ? ORDER BY at, id`,
  ).all(orderId);

/** How the order was voided or cancelled, if it was: the last such event. */
export const orderEnding = (db: Db, orderId: string) =>
  sql<[string], { kind: 'voided' | 'cancelled'; at: number; reason: string | null; byName: string; approverName: string | null }>(
    db,
    `SELECT kind, at, reason, by_name AS byName, approver_name AS approverName FROM order_events
     WHERE order_id = ? AND kind IN ('voided', 'cancelled') ORDER BY at DESC, id DESC LIMIT 1`,
  ).get(orderId);

export const orderTerminal = (db: Db, orderId: string) =>
  sql<[string], { terminalId: string; letter: string | null }>(
    db,
    'SELECT o.terminal_id AS terminalId, t.letter FROM orders o LEFT JOIN terminals t ON t.id = o.terminal_id WHERE o.id = ?',
  ).get(orderId);

/** What the counted orders of one terminal on one business day were paid with; amount is net of change. */
export const terminalDayPayments = (db: Db, terminalId: string, day: string) =>
  sql<[string, string], { method: string; orders: number; amount: number; change: number }>(
    db,
    `SELECT pay.method, count(DISTINCT pay.order_id) AS orders, sum(pay.amount) AS amount, coalesce(sum(pay.change), 0) AS change
     FROM orders o JOIN payments pay ON pay.order_id = o.id
     WHERE o.business_day = ? AND o.terminal_id = ? AND EXISTS (SELECT 1 FROM sold_products sp WHERE sp.order_id = o.id)
     GROUP BY pay.method ORDER BY pay.method`,
  ).all(day, terminalId);

/** What one terminal sold of each product on one business day, net of every discount (from the summaries of migration 022). */
export const terminalDayProducts = (db: Db, terminalId: string, day: string) =>
  sql<[string, string], { productId: string; name: string; quantity: number; net: number }>(
    db,
    `SELECT sp.product_id AS productId,
            coalesce(p.name, (SELECT l.name FROM order_lines l WHERE l.product_id = sp.product_id LIMIT 1), sp.product_id) AS name,
            sum(sp.quantity) AS quantity, sum(sp.gross - sp.discount) AS net
     FROM orders o JOIN sold_products sp ON sp.order_id = o.id LEFT JOIN products p ON p.id = sp.product_id
     WHERE o.business_day = ? AND o.terminal_id = ? GROUP BY sp.product_id ORDER BY net DESC, sp.product_id`,
  ).all(day, terminalId);

/** One terminal's voided and cancelled orders of a business day: how many and their value, never sales. */
export const terminalDayEndings = (db: Db, terminalId: string, day: string) =>
  sql<[string, string], { status: 'voided' | 'cancelled'; orders: number; total: number }>(
    db,
    `SELECT s.status, count(*) AS orders, sum(s.total) AS total FROM orders o JOIN order_state s ON s.order_id = o.id
     WHERE o.business_day = ? AND o.terminal_id = ? AND s.status IN ('voided', 'cancelled') GROUP BY s.status`,
  ).all(day, terminalId);

/** This shop's voided and cancelled orders over a period, every terminal. */
export const periodEndings = (db: Db, from: string, to: string) =>
  sql<[string, string], { status: 'voided' | 'cancelled'; orders: number; total: number }>(
    db,
    `SELECT s.status, count(*) AS orders, sum(s.total) AS total FROM orders o JOIN order_state s ON s.order_id = o.id
     WHERE o.business_day BETWEEN ? AND ? AND s.status IN ('voided', 'cancelled') GROUP BY s.status`,
  ).all(from, to);
