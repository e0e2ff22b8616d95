import type { Db } from '../../database/connection.js';
import type { z } from 'zod';
import type { FeedbackView } from '../../models/feedback.js';

export interface FeedbackFilter {
  rating?: number | undefined;
  maxRating?: number | undefined;
  tag?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  productId?: string | undefined;
  cashierId?: string | undefined;
  handled?: boolean | undefined;
}

/** Feedback with its order's number, day and cashier, newest first. Days are business days. */
export function queryFeedback(db: Db, filter: FeedbackFilter, limit: number): z.infer<typeof FeedbackView>[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.rating !== undefined) add('f.rating = ?', filter.rating);
  if (filter.maxRating !== undefined) add('f.rating <= ?', filter.maxRating);
  if (filter.tag) add('EXISTS (SELECT 1 FROM json_each(f.tags) WHERE value = ?)', filter.tag);
  if (filter.from) add('o.business_day >= ?', filter.from);
  if (filter.to) add('o.business_day <= ?', filter.to);
  if (filter.productId) add('EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = ?)', filter.productId);
  if (filter.cashierId) add('o.created_by = ?', filter.cashierId);
  if (filter.handled !== undefined) add(filter.handled ? 'h.feedback_id IS NOT NULL' : 'h.feedback_id IS NULL');
  return db
    .prepare<unknown[], { id: string; orderId: string; orderNumber: string; businessDay: string; rating: number; tags: string; comment: string | null; cashierName: string; createdAt: number; hasContact: number; handledAt: number | null; handledByName: string | null; handledNote: string | null }>(
      `SELECT f.id, f.order_id AS orderId, o.display_number AS orderNumber, o.business_day AS businessDay, f.rating, f.tags, f.comment,
              o.created_by_name AS cashierName, f.created_at AS createdAt, (c.feedback_id IS NOT NULL) AS hasContact,
              h.handled_at AS handledAt, h.handled_by_name AS handledByName, h.note AS handledNote
       FROM feedback f JOIN orders o ON o.id = f.order_id
       LEFT JOIN feedback_contacts c ON c.feedback_id = f.id LEFT JOIN feedback_handling h ON h.feedback_id = f.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.created_at DESC, f.rowid DESC LIMIT ?`,
    )
    .all(...params, limit)
    .map((row) => ({ ...row, tags: JSON.parse(row.tags) as string[], hasContact: row.hasContact === 1 }));
}
