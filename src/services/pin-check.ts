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
import { isThisComputer } from './request-source.js';
import { afterWrongPin } from './session-policy.js';

export interface PinCheck {
  name: string;
  user: UserRecord | null;
  matches: boolean;
}

/**
 * The slow half of a PIN check (bcrypt), done before the transaction. Another device that keeps
 * guessing is made to wait before anything is compared; a locked user is not even compared. With
 * `roles`, a person of another role is taken for an unknown name, so the answer never tells whether
 * their PIN was right.
 */
export async function comparePin(ctx: PrepareContext, name: string, pin: string, roles?: readonly Role[]): Promise<PinCheck> {
  const fromCounter = typedAtTheCounter(ctx);
  if (!fromCounter) {
    const wait = ctx.pinThrottle.admit(ctx.source, ctx.now);
    if (wait > 0) throw throttledError(wait);
  }
  const check = await comparePinOf(ctx, name, pin, roles);
  if (check.matches && !fromCounter) ctx.pinThrottle.succeeded(ctx.source);
  return check;
}

async function comparePinOf(ctx: PrepareContext, name: string, pin: string, roles: readonly Role[] | undefined): Promise<PinCheck> {
  const found = findActiveUserByNameKey(ctx.db, foldText(name));
  const user = found && (!roles || roles.includes(found.role)) ? found : null;
  if (!user) return { name, user: null, matches: await spendPinCheck(pin) };
  const { lockedUntil } = readPinAttempts(ctx.db, user.id);
  if (lockedUntil !== null && lockedUntil > ctx.now) return { name, user, matches: false };
  return { name, user, matches: await pinMatches(pin, user.pinHash) };
}

/**
 * A PIN typed at the counter: on this computer, and not on a paired device (a device's call is the
 * device's wherever it comes from, even through this computer's own loopback).
 */
const typedAtTheCounter = (ctx: Pick<PrepareContext, 'source' | 'session'>): boolean => isThisComputer(ctx.source) && !ctx.session?.device;

export function throttledError(waitMs: number): BusinessError {
  const seconds = Math.ceil(waitMs / 1000);
  const when = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return new BusinessError('AUTH_THROTTLED', `Muitas tentativas de PIN errado deste aparelho. Tente de novo em ${when}.`, 'pin', { retryAfterMs: waitMs });
}

const lockedError = (lockedUntil: number, timeZone: string) =>
  reject(
    'AUTH_LOCKED',
    `Usuário bloqueado por PIN errado até ${formatDateTime(lockedUntil, timeZone)}. Peça a um gerente para desbloquear.`,
    'pin',
    { lockedUntil },
  );

/**
 * The transactional half: counts the wrong PIN toward the lockout, audits the attempt (with where it
 * came from) and gives back the user, or a Rejection whose traces commit with it. Only wrong PINs
 * typed at the counter count toward the user's lockout: another device is slowed per address
 * instead, so a tablet cannot lock the person at the counter out. `where` goes on every audit line
 * (the device a PIN was typed on).
 */
export function settlePinCheck(tx: Db, ctx: ScriptContext, check: PinCheck, action: string, where: Record<string, unknown> = {}): UserRecord | Rejection {
  const { user } = check;
  const source = ctx.source;
  if (!user) {
    ctx.audit({ action, result: 'failed', userId: null, userName: null, details: { name: check.name, reason: 'unknown_user', source, ...where } });
    return reject('AUTH_INVALID_PIN', 'Nome ou PIN incorreto.', 'pin');
  }
  const who = { userId: user.id, userName: user.name, recordType: 'user', recordId: user.id };
  const attempts = readPinAttempts(tx, user.id);
  if (attempts.lockedUntil !== null && attempts.lockedUntil > ctx.now) {
    ctx.audit({ action, result: 'denied', ...who, details: { reason: 'locked', lockedUntil: attempts.lockedUntil, source, ...where } });
    return lockedError(attempts.lockedUntil, ctx.settings.timezone);
  }
  if (!check.matches && !typedAtTheCounter(ctx)) {
    ctx.audit({ action, result: 'failed', ...who, details: { reason: 'wrong_pin', source, ...where } });
    return reject('AUTH_INVALID_PIN', 'Nome ou PIN incorreto.', 'pin');
  }
  if (!check.matches) {
    const next = afterWrongPin(attempts.failures, ctx.now, ctx.settings.pinMaxAttempts, ctx.settings.pinLockMinutes);
    writePinAttempts(tx, user.id, next);
    ctx.audit({ action, result: 'failed', ...who, details: { reason: 'wrong_pin', failures: next.failures, source, ...where } });
    if (next.lockedUntil !== null) {
      ctx.audit({ action: 'auth.lockout', result: 'ok', ...who, details: { lockedUntil: next.lockedUntil, source, ...where } });
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
