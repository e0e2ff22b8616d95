import type { Db } from '../database/connection.js';
import { findOverrideByTokenHash, markOverrideUsed } from '../database/queries/overrides.js';
import { findUserById } from '../database/queries/users.js';
import { BusinessError } from '../exceptions/business-error.js';
import { sha256Hex } from '../hashing/audit-chain.js';
import type { ScriptContext } from './script.js';

export interface Approval {
  approverId: string;
  approverName: string;
}

/** Why an override token cannot be used for this operation and record now, or null when it can. */
export function overrideProblem(
  record: { operation: string; recordId: string; expiresAt: number; usedAt: number | null } | undefined,
  wanted: { operation: string; recordId: string },
  now: number,
): string | null {
  if (!record) return 'Autorização de gerente não encontrada.';
  if (record.usedAt !== null) return 'Esta autorização de gerente já foi usada.';
  if (record.expiresAt <= now) return 'A autorização de gerente expirou. Peça de novo.';
  if (record.operation !== wanted.operation || record.recordId !== wanted.recordId) {
    return 'Esta autorização de gerente foi dada para outra operação ou outro registro.';
  }
  return null;
}

/**
 * Spends a manager's single-use approval for one operation on one record, inside the transaction
 * that uses it. The caller's audit row names the approver this returns.
 */
export function consumeOverride(
  tx: Db,
  ctx: ScriptContext,
  token: string | undefined,
  wanted: { operation: string; recordId: string },
  field = 'overrideToken',
): Approval {
  if (!token) throw new BusinessError('OVERRIDE_REQUIRED', 'Esta operação precisa da autorização de um gerente.', field);
  const record = findOverrideByTokenHash(tx, sha256Hex(token));
  const problem = overrideProblem(record, wanted, ctx.now);
  if (problem || !record) throw new BusinessError('OVERRIDE_INVALID', problem ?? 'Autorização inválida.', field);
  markOverrideUsed(tx, record.id, ctx.now);
  const approver = findUserById(tx, record.approverId);
  return { approverId: record.approverId, approverName: approver?.name ?? '' };
}
