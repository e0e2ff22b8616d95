import type { Db } from '../database/connection.js';

/** Placeholder: the join code (the shop's key and where to find it) is built elsewhere and replaces this file. */
export function makeJoinCode(_db: Db): string {
  throw new Error('join code not built yet');
}
