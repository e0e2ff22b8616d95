import Database from 'better-sqlite3';
import { BusinessError } from '../exceptions/business-error.js';

/**
 * Runs an insert whose id came from the screen; a primary-key clash becomes a CONFLICT naming the
 * field instead of an internal error. The key itself is the check, so no lookup comes first.
 */
export function insertOnce(insert: () => void, message: string, field: string): void {
  try {
    insert();
  } catch (error) {
    if (error instanceof Database.SqliteError && (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === 'SQLITE_CONSTRAINT_UNIQUE')) {
      throw new BusinessError('CONFLICT', message, field);
    }
    throw error;
  }
}
