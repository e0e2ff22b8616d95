import type { Db } from '../database/connection.js';
import { appendAudit } from '../database/queries/audit.js';
import { readTerminalIdentity } from '../database/queries/meta.js';
import { readSettings } from '../database/queries/settings.js';
import { newId } from '../utils/ids.js';

/**
 * LGPD: customers' names and contacts given with feedback are erased once their time is up
 * (setting feedbackContactDays); the ratings stay, anonymous. Runs at start and every hour.
 */
export function eraseExpiredContacts(db: Db, now: number): number {
  const { feedbackContactDays } = readSettings(db);
  return db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM feedback_contacts WHERE consent_at < ?').run(now - feedbackContactDays * 86_400_000);
    if (changes > 0) {
      appendAudit(db, {
        id: newId(),
        at: now,
        terminalId: readTerminalIdentity(db).id,
        userId: null,
        userName: null,
        action: 'feedback.contactsExpired',
        recordType: 'feedback_contact',
        recordId: null,
        result: 'ok',
        approverId: null,
        approverName: null,
        details: { erased: changes, afterDays: feedbackContactDays },
      });
    }
    return changes;
  }).immediate();
}
