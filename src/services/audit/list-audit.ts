import { listAudit } from '../../database/queries/audit.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('audit.list', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run(tx, input) {
    const limit = input.limit ?? 100;
    const rows = listAudit(tx, { ...input, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return { rows: page, nextBeforeSeq: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
  },
});
