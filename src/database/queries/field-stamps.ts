import type { Db } from '../connection.js';
import { sql } from '../statements.js';

/** The stamp of the last write of each field of one reference row, as this terminal knows it. */
export const readFieldStamps = (db: Db, entity: string, entityId: string): Map<string, string> =>
  new Map(
    sql<[string, string], { field: string; hlc: string }>(db, 'SELECT field, hlc FROM change_field_stamps WHERE entity = ? AND entity_id = ?')
      .all(entity, entityId)
      .map((row) => [row.field, row.hlc]),
  );

/** Remembers that these fields were last written at `hlc`. Call in the write's transaction. */
export function keepFieldStamps(db: Db, entity: string, entityId: string, fields: readonly string[], hlc: string): void {
  const upsert = sql(
    db,
    `INSERT INTO change_field_stamps (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc`,
  );
  for (const field of fields) upsert.run(entity, entityId, field, hlc);
}
