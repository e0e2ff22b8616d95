import type { Db } from '../connection.js';
import { sql } from '../statements.js';

export interface PinAttempts {
  failures: number;
  lockedUntil: number | null;
}

export const readPinAttempts = (db: Db, userId: string): PinAttempts => {
  const row = sql<[string], { failures: number; locked_until: number | null }>(
    db,
    'SELECT failures, locked_until FROM pin_attempts WHERE user_id = ?',
  ).get(userId);
  return { failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
};

export const writePinAttempts = (db: Db, userId: string, attempts: PinAttempts): void => {
  sql(
    db,
    `INSERT INTO pin_attempts (user_id, failures, locked_until) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
  ).run(userId, attempts.failures, attempts.lockedUntil);
};

export const clearPinAttempts = (db: Db, userId: string): void => {
  sql(db, 'DELETE FROM pin_attempts WHERE user_id = ?').run(userId);
};
