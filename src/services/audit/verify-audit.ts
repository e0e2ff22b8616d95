import { verifyAuditChain } from '../../database/queries/audit.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('audit.verify', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run: (tx) => verifyAuditChain(tx),
});
