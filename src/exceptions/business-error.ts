import type { ErrorBody, ErrorCode } from '../models/errors.js';

/** A rule of the business was not met. Crosses the bridge as is: code, pt-BR message, field. */
export class BusinessError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BusinessError';
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/**
 * A refusal whose traces must still be kept: a wrong PIN counts toward the lockout and is audited,
 * so the transaction commits and the caller then gets the error.
 */
export class Rejection {
  constructor(readonly error: BusinessError) {}
}

export const reject = (...args: ConstructorParameters<typeof BusinessError>): Rejection =>
  new Rejection(new BusinessError(...args));

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  PIN_WEAK: 400,
  UNAUTHENTICATED: 401,
  AUTH_INVALID_PIN: 401,
  FORBIDDEN: 403,
  AUTH_INACTIVE: 403,
  OVERRIDE_REQUIRED: 403,
  OVERRIDE_INVALID: 403,
  UNKNOWN_OPERATION: 404,
  NOT_FOUND: 404,
  ALREADY_INITIALIZED: 409,
  CONFLICT: 409,
  NOT_INITIALIZED: 409,
  LAST_ADMIN: 409,
  CASH_CLOSED: 409,
  INVALID_STATE: 409,
  CONFIRMATION_REQUIRED: 409,
  PAYMENT_SHORT: 422,
  SESSION_LOCKED: 423,
  AUTH_LOCKED: 423,
  AUTH_THROTTLED: 429,
  RATE_LIMITED: 429,
  SYNC_UNAVAILABLE: 503,
  RESTARTING: 503,
  DATABASE_DAMAGED: 503,
  INTERNAL: 500,
};

export const httpStatusFor = (code: ErrorCode): number => STATUS[code] ?? 422;
