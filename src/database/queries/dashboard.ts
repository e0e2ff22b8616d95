import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { PaymentMethod } from '../../models/money.js';

// Every question starts from the day's orders (index orders_day) and reaches lines, payments and
// states by their order: a year of sales costs nothing more than a day's.

/** Paid and neither voided nor cancelled: a sale. */
const SOLD = "s.paid_at IS NOT NULL AND s.status NOT IN ('voided', 'cancelled')";

export type OrderKind = 'sold' | 'open' | 'voided' | 'cancelled';

/** A business day's orders by kind (sold, still open, voided, cancelled) with their totals, created before `until`. */
export const dayOrderKinds = (db: Db, day: string, until: number) =>
  sql<[{ day: string; until: number }], { kind: OrderKind; count: number; total: number; discounts: number }>(
    db,
    `SELECT CASE WHEN s.status IN ('voided', 'cancelled') THEN s.status WHEN s.paid_at IS NULL THEN 'open' ELSE 'sold' END AS kind,
            count(*) AS count, sum(s.total) AS total, sum(s.discount) AS discounts
     FROM orders o JOIN order_state s ON s.order_id = o.id
     WHERE o.business_day = @day AND o.created_at < @until GROUP BY kind`,
  ).all({ day, until });

/** A business day's sales by the hour they were made in, counted from `start` (hour 0 = the first hour after the turn; a bound number is a real, hence the cast). */
export const hourlySales = (db: Db, day: string, start: number) =>
  sql<[{ day: string; start: number }], { hour: number; total: number }>(
    db,
    `SELECT CAST((o.created_at - @start) / 3600000 AS INTEGER) AS hour, sum(s.total) AS total
     FROM orders o JOIN order_state s ON s.order_id = o.id
     WHERE o.business_day = @day AND ${SOLD} GROUP BY hour`,
  ).all({ day, start });

/** What each product sold on a business day: items and their value net of line discounts. */
export const productSales = (db: Db, day: string) =>
  sql<[string], { productId: string; name: string; quantity: number; netValue: number }>(
    db,
    `SELECT l.product_id AS productId, max(l.name) AS name, sum(l.quantity) AS quantity, sum(l.total) AS netValue
     FROM orders o JOIN order_state s ON s.order_id = o.id JOIN order_lines l ON l.order_id = o.id
     WHERE o.business_day = ? AND ${SOLD} GROUP BY l.product_id`,
  ).all(day);

/** How a business day's sales were paid, per method; a cash payment's amount is what stayed (tendered − change). */
export const paymentMix = (db: Db, day: string) =>
  sql<[string], { method: PaymentMethod; amount: number; count: number }>(
    db,
    `SELECT p.method, sum(p.amount) AS amount, count(*) AS count
     FROM orders o JOIN order_state s ON s.order_id = o.id JOIN payments p ON p.order_id = o.id
     WHERE o.business_day = ? AND ${SOLD} GROUP BY p.method`,
  ).all(day);

/** Print jobs waiting and failed, and the printer's latest complaint. */
export const printJobHealth = (db: Db) =>
  sql<[], { pending: number; failed: number; lastError: string | null }>(
    db,
    `SELECT (SELECT count(*) FROM print_jobs WHERE status = 'pending') AS pending,
            (SELECT count(*) FROM print_jobs WHERE status = 'failed') AS failed,
            (SELECT last_error FROM print_jobs WHERE status = 'failed' ORDER BY created_at DESC, rowid DESC LIMIT 1) AS lastError`,
  ).get()!;
