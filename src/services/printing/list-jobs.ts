import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import type { PrintKind } from './print-queue.js';

export default defineScript('printing.jobs', {
  roles: ALL_ROLES,
  readOnly: true,
  run: (tx, input) =>
    tx
      .prepare<unknown[], { id: string; kind: PrintKind; refId: string; label: string; status: 'pending' | 'printed' | 'failed'; attempts: number; lastError: string | null; createdAt: number; updatedAt: number }>(
        `SELECT id, kind, ref_id AS refId, label, status, attempts, last_error AS lastError, created_at AS createdAt, updated_at AS updatedAt
         FROM print_jobs ${input.status ? 'WHERE status = ?' : ''} ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      )
      .all(...(input.status ? [input.status] : []), input.limit ?? 50),
});
