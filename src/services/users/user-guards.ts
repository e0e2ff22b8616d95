import type { Db } from '../../database/connection.js';
import { findUserById, findActiveUserByNameKey, type UserRecord } from '../../database/queries/users.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { Role } from '../../models/roles.js';
import { ROLE_LABELS } from '../../models/roles.js';
import type { Actor } from '../script.js';
import { canManageRole } from '../user-policy.js';

export function requireUser(db: Db, id: string): UserRecord {
  const user = findUserById(db, id);
  if (!user) throw new BusinessError('NOT_FOUND', 'Usuário não encontrado.', 'id');
  return user;
}

export function requireManageable(actor: Actor, role: Role, field: string): void {
  if (!canManageRole(actor.role, role)) {
    throw new BusinessError('FORBIDDEN', `Seu papel não permite gerenciar usuários com o papel ${ROLE_LABELS[role]}.`, field);
  }
}

export function requireFreeName(db: Db, nameKey: string, exceptId?: string): void {
  const holder = findActiveUserByNameKey(db, nameKey);
  if (holder && holder.id !== exceptId) throw new BusinessError('CONFLICT', 'Já existe um usuário ativo com este nome.', 'name');
}
