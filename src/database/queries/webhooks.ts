import type { Db } from '../connection.js';
import { sql } from '../statements.js';

/** Whether an event of this type about this order was ever queued here (its receivers heard of the order), delivered yet or not. */
export function orderEventQueued(db: Db, type: string, orderId: string): boolean {
  return (
    sql<[string, string, string, string], { found: number }>(
      db,
      `SELECT 1 AS found FROM webhook_queue WHERE type = ? AND json_extract(body, '$.data.orderId') = ?
       UNION ALL SELECT 1 FROM webhook_events WHERE type = ? AND json_extract(body, '$.data.orderId') = ? LIMIT 1`,
    ).get(type, orderId, type, orderId) !== undefined
  );
}
