import type { Role, SessionRole } from '../models/roles.js';

/** An admin manages everyone; a manager manages the floor staff but not other managers or admins. */
export function canManageRole(actorRole: SessionRole, targetRole: Role): boolean {
  if (actorRole === 'admin') return true;
  if (actorRole === 'manager') return targetRole === 'cashier' || targetRole === 'stockroom' || targetRole === 'kitchen';
  return false;
}

/** Only these roles may approve an override. */
export const canApproveOverride = (role: SessionRole): boolean => role === 'admin' || role === 'manager';
