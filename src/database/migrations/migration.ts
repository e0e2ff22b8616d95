import type { Db } from '../connection.js';

/** A numbered step of the schema. Runs once, inside its own transaction, with PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
  /** Work that cannot run inside a transaction (a WAL checkpoint), once `up` has committed. */
  afterCommit?(db: Db): void;
}
