import type { Db } from '../connection.js';

/** A numbered step of the schema. Runs once, inside its own transaction, with PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
