import type { Role, SessionRole } from '../models/roles.js';

/** An admin manages everyone; a manager manages the floor staff but not other managers or admins. */
export function canManageRole(actorRole: SessionRole, targetRole: Role): boolean {
  if (actorRole === 'admin') return true;
  if (actorRole === 'manager') return targetRole === 'cashier' || targetRole === 'stockroom' || targetRole === 'kitchen';
  return false;
}

/** Only these roles may approve an override. */
export const canApproveOverride = (role: SessionRole): boolean => role === 'admin' || role === 'manager';

/** A sangria above the shop's limit takes a manager's approval, unless a manager takes it. */
export const sangriaNeedsManager = (role: SessionRole, amount: number, limit: number): boolean => amount > limit && !canApproveOverride(role);

/** Once the kitchen has an order, cancelling it throws food away: a cashier asks a manager (when the shop wants it). */
export const cancelNeedsManager = (role: SessionRole, kitchenHasIt: boolean, settingOn: boolean): boolean =>
  settingOn && kitchenHasIt && !canApproveOverride(role);
