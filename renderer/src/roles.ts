import type { Role as ContractRole } from '../../src/models/roles';

export type Role = ContractRole;

/** The contract's roles, in the order screens list them (type-checked against the core's list). */
export const ROLE_ORDER = ['admin', 'manager', 'cashier', 'stockroom', 'kitchen'] as const satisfies readonly Role[];

export const isManagerRole = (role: Role): role is 'admin' | 'manager' => role === 'admin' || role === 'manager';

/** Mirrors the core's rule for what the screen offers; the core enforces it anyway. */
export function canManageRole(actor: Role, target: Role): boolean {
  if (actor === 'admin') return true;
  if (actor === 'manager') return target === 'cashier' || target === 'stockroom' || target === 'kitchen';
  return false;
}

/** Managers and admins approve overrides, so their PINs are longer. */
export const minPinLength = (role: Role): number => (isManagerRole(role) ? 6 : 4);

/** The kitchen screen stays up all day; every other screen locks itself when left alone. */
export const idleLockApplies = (role: Role): boolean => role !== 'kitchen';
