import type { Db } from '../database/connection.js';
import { clearPinAttempts, readPinAttempts, writePinAttempts } from '../database/queries/pin-attempts.js';
import { findActiveUserByNameKey, type UserRecord } from '../database/queries/users.js';
import { BusinessError, reject, type Rejection } from '../exceptions/business-error.js';
import { pinWeakness } from '../hashing/pin-rules.js';
import { pinMatches, spendPinCheck } from '../hashing/pin-hash.js';
import type { Role } from '../models/roles.js';
import { formatDateTime } from '../utils/format.js';
import { foldText } from '../utils/text.js';
import type { PrepareContext, ScriptContext } from './script.js';
import { afterWrongPin } from './session-policy.js';

export interface PinCheck {
  name: string;
  user: UserRecord | null;
  matches: boolean;
}

/** The slow half of a PIN check (bcrypt), done before the transaction. A locked user is not even compared. */
export async function comparePin(ctx: PrepareContext, name: string, pin: string): Promise<PinCheck> {
  const user = findActiveUserByNameKey(ctx.db, foldText(name)) ?? null;
  if (!user) return { name, user: null, matches: await spendPinCheck(pin) };
  const { lockedUntil } = readPinAttempts(ctx.db, user.id);
  if (lockedUntil !== null && lockedUntil > ctx.now) return { name, user, matches: false };
  return { name, user, matches: await pinMatches(pin, user.pinHash) };
}

const lockedError = (lockedUntil: number, timeZone: string) =>
  reject(
    'AUTH_LOCKED',
    `Usuário bloqueado por PIN errado até ${formatDateTime(lockedUntil, timeZone)}. Peça a um gerente para desbloquear.`,
    'pin',
    { lockedUntil },
  );

/**
 * The transactional half: counts the wrong PIN toward the lockout, audits the attempt and gives back
 * the user, or a Rejection whose traces commit with it.
 */
export function settlePinCheck(tx: Db, ctx: ScriptContext, check: PinCheck, action: string): UserRecord | Rejection {
  const { user } = check;
  if (!user) {
    ctx.audit({ action, result: 'failed', userId: null, userName: null, details: { name: check.name, reason: 'unknown_user' } });
    return reject('AUTH_INVALID_PIN', 'Nome ou PIN incorreto.', 'pin');
  }
  const who = { userId: user.id, userName: user.name, recordType: 'user', recordId: user.id };
  const attempts = readPinAttempts(tx, user.id);
  if (attempts.lockedUntil !== null && attempts.lockedUntil > ctx.now) {
    ctx.audit({ action, result: 'denied', ...who, details: { reason: 'locked', lockedUntil: attempts.lockedUntil } });
    return lockedError(attempts.lockedUntil, ctx.settings.timezone);
  }
  if (!check.matches) {
    const next = afterWrongPin(attempts.failures, ctx.now, ctx.settings.pinMaxAttempts, ctx.settings.pinLockMinutes);
    writePinAttempts(tx, user.id, next);
    ctx.audit({ action, result: 'failed', ...who, details: { reason: 'wrong_pin', failures: next.failures } });
    if (next.lockedUntil !== null) {
      ctx.audit({ action: 'auth.lockout', result: 'ok', ...who, details: { lockedUntil: next.lockedUntil } });
      return lockedError(next.lockedUntil, ctx.settings.timezone);
    }
    const left = ctx.settings.pinMaxAttempts - next.failures;
    return reject('AUTH_INVALID_PIN', `Nome ou PIN incorreto. ${left === 1 ? 'Resta 1 tentativa' : `Restam ${left} tentativas`} antes do bloqueio.`, 'pin', {
      attemptsLeft: left,
    });
  }
  if (attempts.failures > 0 || attempts.lockedUntil !== null) clearPinAttempts(tx, user.id);
  return user;
}

/** Refuses a PIN too short for the role or too easy to guess, before anything is hashed or written. */
export function assertStrongPin(pin: string, role: Role, field: string): void {
  const weakness = pinWeakness(pin, role);
  if (weakness) throw new BusinessError('PIN_WEAK', weakness, field);
}
