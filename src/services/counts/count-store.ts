import type { Db } from '../../database/connection.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { compareNames } from '../../utils/text.js';
import { valueAtAverage, readLevel } from '../stock-ledger.js';

export interface CountRow {
  id: string;
  startedAt: number;
  startedByName: string;
  closedAt: number | null;
}

export const findCount = (tx: Db, id: string): CountRow | undefined =>
  sql<[string], CountRow>(
    tx,
    `SELECT c.id, c.started_at AS startedAt, c.started_by_name AS startedByName, k.closed_at AS closedAt
     FROM counts c LEFT JOIN count_closings k ON k.count_id = c.id WHERE c.id = ?`,
  ).get(id);

export function requireOpenCount(tx: Db, id: string): CountRow {
  const count = findCount(tx, id);
  if (!count) throw new BusinessError('NOT_FOUND', 'Inventário não encontrado.', 'countId');
  if (count.closedAt !== null) throw new BusinessError('INVALID_STATE', 'Este inventário já foi fechado.', 'countId');
  return count;
}

/** The counter sees what was entered, never what the ledger expects (a blind count). */
export function countView(tx: Db, count: CountRow) {
  return {
    id: count.id,
    status: count.closedAt === null ? ('open' as const) : ('closed' as const),
    startedAt: count.startedAt,
    startedByName: count.startedByName,
    closedAt: count.closedAt,
    entered: sql<[string], { itemId: string; itemName: string; counted: number; enteredAt: number }>(
      tx,
      `SELECT l.item_id AS itemId, i.name AS itemName, l.counted, l.entered_at AS enteredAt
       FROM count_lines l JOIN stock_items i ON i.id = l.item_id WHERE l.count_id = ?`,
    )
      .all(count.id)
      .sort((a, b) => compareNames(a.itemName, b.itemName)),
  };
}

/**
 * Variances of a count. Each line compares the counted quantity with what the ledger held when it
 * was entered, so sales made during the count are neither lost nor counted twice.
 */
export function countVariances(tx: Db, countId: string) {
  const lines = sql<[string], { itemId: string; itemName: string; baseUnit: 'un' | 'g' | 'ml'; counted: number; expected: number }>(
    tx,
    `SELECT l.item_id AS itemId, i.name AS itemName, i.base_unit AS baseUnit, l.counted, l.expected
     FROM count_lines l JOIN stock_items i ON i.id = l.item_id WHERE l.count_id = ?`,
  )
    .all(countId)
    .sort((a, b) => compareNames(a.itemName, b.itemName))
    .map((line) => {
      const variance = line.counted - line.expected;
      return { ...line, variance, varianceValue: valueAtAverage(readLevel(tx, line.itemId), variance) };
    });
  return { lines, totalVarianceValue: lines.reduce((sum, l) => sum + l.varianceValue, 0) };
}
