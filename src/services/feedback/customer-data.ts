import type { Db } from '../../database/connection.js';
import { defineScript } from '../script.js';

const digits = (text: string) => text.replace(/\D/g, '');

/** Contacts of one customer, matched by phone digits or e-mail, case folded. */
export function contactsOf(db: Db, who: { phone?: string | undefined; email?: string | undefined }) {
  return db
    .prepare<[], { feedbackId: string; orderNumber: string; createdAt: number; rating: number; comment: string | null; name: string | null; phone: string | null; email: string | null }>(
      `SELECT c.feedback_id AS feedbackId, o.display_number AS orderNumber, f.created_at AS createdAt, f.rating, f.comment, c.name, c.phone, c.email
       FROM feedback_contacts c JOIN feedback f ON f.id = c.feedback_id JOIN orders o ON o.id = f.order_id ORDER BY f.created_at`,
    )
    .all()
    .filter((c) => (who.phone && c.phone && digits(c.phone) === digits(who.phone)) || (who.email && c.email && c.email === who.email.toLowerCase()));
}

export default defineScript('feedback.customerData', {
  roles: ['admin'],
  readOnly: true,
  run: (tx, input) => contactsOf(tx, input),
});
