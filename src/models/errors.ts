import { z } from 'zod';

/** Stable error codes that cross the bridge. The UI and integrators may rely on them. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_OPERATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SESSION_LOCKED',
  'AUTH_INVALID_PIN',
  'AUTH_LOCKED',
  'AUTH_THROTTLED',
  'RATE_LIMITED',
  'AUTH_INACTIVE',
  'PIN_WEAK',
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'NOT_FOUND',
  'CONFLICT',
  'OVERRIDE_REQUIRED',
  'OVERRIDE_INVALID',
  'LAST_ADMIN',
  'CASH_CLOSED',
  'PAYMENT_SHORT',
  'CASH_INSUFFICIENT',
  'INVALID_STATE',
  /** The figure is possible but far from usual: the screen asks the person and sends again with `confirmed: true`. */
  'CONFIRMATION_REQUIRED',
  /** The shop's server could not be reached or refused us: the message says why, in words for the staff. */
  'SYNC_UNAVAILABLE',
  /** A backup is being restored: the core is closed to new calls until it opens again; the screen waits and goes to the login. */
  'RESTARTING',
  /** The database is damaged: the core started in recovery mode, whose only screen restores a backup (on this computer). */
  'DATABASE_DAMAGED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
