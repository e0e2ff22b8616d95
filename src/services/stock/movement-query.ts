import type { Db } from '../../database/connection.js';
import type { z } from 'zod';
import type { MovementView } from '../../models/stock.js';

export interface MovementFilter {
  itemId?: string | undefined;
  kind?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  beforeAt?: number | undefined;
}

/** The ledger, newest first, with the names a person reads (item, supplier, order number). */
export function queryMovements(tx: Db, filter: MovementFilter, limit: number): z.infer<typeof MovementView>[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (filter.itemId) add('m.item_id = ?', filter.itemId);
  if (filter.kind) add('m.kind = ?', filter.kind);
  if (filter.from !== undefined) add('m.at >= ?', filter.from);
  if (filter.to !== undefined) add('m.at <= ?', filter.to);
  if (filter.beforeAt !== undefined) add('m.at < ?', filter.beforeAt);
  return tx
    .prepare<unknown[], z.infer<typeof MovementView>>(
      `SELECT m.id, m.item_id AS itemId, i.name AS itemName, i.base_unit AS baseUnit, m.kind, m.quantity, m.value,
              s.name AS supplierName, m.invoice, m.lot, m.expiry, m.reason, m.note, o.display_number AS orderNumber,
              m.reverses_id AS reversesId, (SELECT r.id FROM stock_movements r WHERE r.reverses_id = m.id) AS reversedBy,
              m.by_name AS byName, m.at
       FROM stock_movements m JOIN stock_items i ON i.id = m.item_id
       LEFT JOIN suppliers s ON s.id = m.supplier_id LEFT JOIN orders o ON o.id = m.order_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.at DESC, m.rowid DESC LIMIT ?`,
    )
    .all(...params, limit);
}
