import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { readLevel } from '../stock-ledger.js';
import { requireItem, STOCK_ROLES } from '../stock/stock-guards.js';
import { countView, requireOpenCount } from './count-store.js';

export default defineScript('counts.enter', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    const count = requireOpenCount(tx, input.countId);
    const item = requireItem(tx, input.itemId);
    // What the ledger holds at this moment is kept with the entry, out of the counter's sight.
    sql(
      tx,
      `INSERT INTO count_lines (count_id, item_id, counted, expected, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (count_id, item_id) DO UPDATE SET counted = excluded.counted, expected = excluded.expected,
         entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
    ).run(count.id, item.id, input.counted, readLevel(tx, item.id).quantity, ctx.actor!.id, ctx.now);
    return countView(tx, count);
  },
});
