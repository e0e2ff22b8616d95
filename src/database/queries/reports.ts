import type { Db } from '../connection.js';
import { sql } from '../statements.js';

/** What counted sales add up to, as the summaries keep it (migration 022). */
export interface SoldSums {
  orders: number;
  lines: number;
  quantity: number;
  gross: number;
  discount: number;
  cost: number;
  uncostedNet: number;
  uncostedLines: number;
}

const SUMS = `coalesce(sum(lines), 0) AS lines, coalesce(sum(quantity), 0) AS quantity, coalesce(sum(gross), 0) AS gross,
  coalesce(sum(discount), 0) AS discount, coalesce(sum(cost), 0) AS cost, coalesce(sum(uncosted_net), 0) AS uncostedNet,
  coalesce(sum(uncosted_lines), 0) AS uncostedLines`;

/** Whether order o counts as a sale: the summaries hold exactly the counted orders (the rule lives in migration 022). */
const COUNTED = 'EXISTS (SELECT 1 FROM sold_products sp WHERE sp.order_id = o.id)';

export const salesTotals = (db: Db, from: string, to: string): SoldSums =>
  sql<[string, string], SoldSums>(db, `SELECT coalesce(sum(orders), 0) AS orders, ${SUMS} FROM sales_by_day WHERE business_day BETWEEN ? AND ?`).get(from, to)!;

export const salesByDay = (db: Db, from: string, to: string) =>
  sql<[string, string], SoldSums & { day: string }>(
    db,
    `SELECT business_day AS day, orders, ${SUMS} FROM sales_by_day WHERE business_day BETWEEN ? AND ? AND orders > 0 GROUP BY business_day ORDER BY business_day`,
  ).all(from, to);

export const salesByProduct = (db: Db, from: string, to: string) =>
  sql<[string, string], SoldSums & { productId: string; name: string | null; categoryId: string | null; categoryName: string | null }>(
    db,
    `SELECT d.product_id AS productId, p.name, p.category_id AS categoryId, c.name AS categoryName,
            d.orders, d.lines, d.quantity, d.gross, d.discount, d.cost, d.uncostedNet, d.uncostedLines
     FROM (SELECT product_id, sum(orders) AS orders, ${SUMS} FROM sales_by_day_product WHERE business_day BETWEEN ? AND ? GROUP BY product_id) d
     LEFT JOIN products p ON p.id = d.product_id LEFT JOIN categories c ON c.id = p.category_id
     WHERE d.orders > 0`,
  ).all(from, to);

/** Each counted order of the period with what it sold, for the reports grouped by something of the order. */
export const soldOrders = (db: Db, from: string, to: string) =>
  sql<[string, string], Omit<SoldSums, 'orders'> & { orderId: string; day: string; createdAt: number; terminalId: string; terminalLetter: string | null; cashierId: string; cashierName: string; type: string }>(
    db,
    `SELECT o.id AS orderId, o.business_day AS day, o.created_at AS createdAt, o.terminal_id AS terminalId, t.letter AS terminalLetter,
            o.created_by AS cashierId, o.created_by_name AS cashierName, o.type, ${SUMS}
     FROM orders o JOIN sold_products p ON p.order_id = o.id LEFT JOIN terminals t ON t.id = o.terminal_id
     WHERE o.business_day BETWEEN ? AND ? GROUP BY o.id`,
  ).all(from, to);

/** What the counted orders of the period were paid with; amount is net of change. */
export const salesByPayment = (db: Db, from: string, to: string) =>
  sql<[string, string], { method: string; orders: number; amount: number; change: number }>(
    db,
    `SELECT pay.method, count(DISTINCT pay.order_id) AS orders, sum(pay.amount) AS amount, coalesce(sum(pay.change), 0) AS change
     FROM orders o JOIN payments pay ON pay.order_id = o.id
     WHERE o.business_day BETWEEN ? AND ? AND ${COUNTED} GROUP BY pay.method`,
  ).all(from, to);

/** Orders of the period per category of what they sold: an order with two burgers and a soda is one order of each category. */
export const ordersByCategory = (db: Db, from: string, to: string) =>
  sql<[string, string], { categoryId: string | null; orders: number }>(
    db,
    `SELECT p.category_id AS categoryId, count(DISTINCT o.id) AS orders
     FROM orders o JOIN sold_products sp ON sp.order_id = o.id LEFT JOIN products p ON p.id = sp.product_id
     WHERE o.business_day BETWEEN ? AND ? GROUP BY p.category_id`,
  ).all(from, to);

export const discountsOf = (db: Db, from: string, to: string) =>
  sql<[string, string], {
    id: string; orderId: string; orderNumber: string; businessDay: string; at: number; itemName: string | null; kind: 'percent' | 'amount';
    value: number; amount: number; reason: string | null; givenByName: string | null; approvedByName: string | null; orderStatus: string; counted: number;
  }>(
    db,
    `SELECT d.id, d.order_id AS orderId, o.display_number AS orderNumber, o.business_day AS businessDay, d.at, l.name AS itemName, d.kind, d.value,
            d.amount, d.reason, u.name AS givenByName, d.approved_by_name AS approvedByName, s.status AS orderStatus, ${COUNTED} AS counted
     FROM orders o JOIN order_discounts d ON d.order_id = o.id JOIN order_state s ON s.order_id = o.id
     LEFT JOIN order_lines l ON l.id = d.line_id LEFT JOIN users u ON u.id = d.given_by
     WHERE o.business_day BETWEEN ? AND ? ORDER BY d.at, d.id`,
  ).all(from, to);

export const voidsOf = (db: Db, from: string, to: string) =>
  sql<[string, string], {
    orderId: string; orderNumber: string; businessDay: string; kind: 'voided' | 'cancelled'; at: number; total: number; refunded: number;
    reason: string | null; byName: string; approverName: string | null;
  }>(
    db,
    `SELECT o.id AS orderId, o.display_number AS orderNumber, o.business_day AS businessDay, e.kind, e.at, s.total,
            (SELECT coalesce(sum(r.amount), 0) FROM refunds r WHERE r.order_id = o.id) AS refunded, e.reason, e.by_name AS byName, e.approver_name AS approverName
     FROM orders o JOIN order_events e ON e.order_id = o.id AND e.kind IN ('voided', 'cancelled') JOIN order_state s ON s.order_id = o.id
     WHERE o.business_day BETWEEN ? AND ? ORDER BY e.at, e.id`,
  ).all(from, to);

/** The caixas opened in [start, end), oldest first, with their terminal's letter. */
export const sessionsOpenedBetween = (db: Db, start: number, end: number) =>
  sql<[number, number], { id: string; terminalId: string; openedBy: string; openedByName: string; openedAt: number; openingFloat: number; letter: string | null }>(
    db,
    `SELECT s.id, s.terminal_id AS terminalId, s.opened_by AS openedBy, s.opened_by_name AS openedByName, s.opened_at AS openedAt,
            s.opening_float AS openingFloat, t.letter
     FROM cash_sessions s LEFT JOIN terminals t ON t.id = s.terminal_id WHERE s.opened_at >= ? AND s.opened_at < ? ORDER BY s.opened_at, s.id`,
  ).all(start, end);

/** Losses recorded in [start, end) and not reversed since, by reason; value as a positive amount. */
export const lossesBetween = (db: Db, start: number, end: number) =>
  sql<[number, number], { reason: string; count: number; value: number }>(
    db,
    `SELECT coalesce(m.reason, '') AS reason, count(*) AS count, -sum(m.value) AS value FROM stock_movements m
     WHERE m.kind = 'perda' AND m.at >= ? AND m.at < ? AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_id = m.id)
     GROUP BY coalesce(m.reason, '') ORDER BY value DESC`,
  ).all(start, end);

export const stockValuation = (db: Db) =>
  sql<[], { itemId: string; name: string; onHand: number; value: number }>(
    db,
    `SELECT i.id AS itemId, i.name, coalesce(l.quantity, 0) AS onHand, coalesce(l.value, 0) AS value
     FROM stock_items i LEFT JOIN stock_levels l ON l.item_id = i.id WHERE i.active = 1 OR coalesce(l.quantity, 0) <> 0 ORDER BY value DESC, i.name`,
  ).all();

/** Ratings per business day of the orders rated. */
export const ratingsByDay = (db: Db, from: string, to: string) =>
  sql<[string, string], { day: string; ratings: number; sum: number }>(
    db,
    `SELECT o.business_day AS day, count(*) AS ratings, sum(f.rating) AS sum FROM orders o JOIN feedback f ON f.order_id = o.id
     WHERE o.business_day BETWEEN ? AND ? GROUP BY o.business_day ORDER BY o.business_day`,
  ).all(from, to);
