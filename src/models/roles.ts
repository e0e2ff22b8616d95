import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'cashier', 'stockroom', 'kitchen'] as const;
export const Role = z.enum(ROLES, { error: 'Papel inválido (admin, manager, cashier, stockroom ou kitchen).' });
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrador',
  manager: 'Gerente',
  cashier: 'Operador de caixa',
  stockroom: 'Almoxarife',
  kitchen: 'Cozinha',
};

/** Roles that approve overrides and manage the shop. */
export const MANAGER_ROLES = ['admin', 'manager'] as const satisfies readonly Role[];
export const ALL_ROLES = ROLES;

/**
 * A session is a user's, or a restricted one: the customers' feedback screen's ('kiosk'), that can
 * submit feedback and read nothing else, or the call board's TV ('board', from a board link), that can
 * read the board and nothing else. A paired shop device carries one too (see devices/device-rules.ts): the
 * kitchen's ('kitchenScreen'), the customer's display ('customerDisplay'), or the board's and kiosk's;
 * a kitchen device that asks for its cook's PIN carries 'kitchenLogin' until a cook has typed it.
 * Only scripts that name the restricted role accept it.
 */
export type SessionRole = Role | 'kiosk' | 'board' | 'kitchenScreen' | 'customerDisplay' | 'kitchenLogin';
