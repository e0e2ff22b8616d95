import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { contactsOf } from './customer-data.js';

export default defineScript('feedback.eraseCustomer', {
  roles: ['admin'],
  run(tx, input, ctx) {
    const found = contactsOf(tx, input);
    for (const contact of found) sql(tx, 'DELETE FROM feedback_contacts WHERE feedback_id = ?').run(contact.feedbackId);
    // The audit keeps that it was done, never the data itself.
    ctx.audit({ action: 'feedback.eraseCustomer', recordType: 'feedback_contact', details: { erased: found.length } });
    return { erased: found.length };
  },
});
