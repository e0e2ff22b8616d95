import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection: the sale's hot path never re-parses SQL. */
export function sql<Params extends unknown[] = unknown[], Row = unknown>(db: Db, text: string): Statement<Params, Row> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement as unknown as Statement<Params, Row>;
}
