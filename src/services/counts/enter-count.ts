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
    const entry = { countId: count.id, itemId: item.id, counted: input.counted, expected: readLevel(tx, item.id).quantity, enteredBy: ctx.actor!.id, enteredAt: ctx.now };
    sql(
      tx,
      `INSERT INTO count_lines (count_id, item_id, counted, expected, entered_by, entered_at) VALUES (@countId, @itemId, @counted, @expected, @enteredBy, @enteredAt)
       ON CONFLICT (count_id, item_id) DO UPDATE SET counted = excluded.counted, expected = excluded.expected,
         entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
    ).run(entry);
    ctx.recordChange('count_line', `${count.id}/${item.id}`, 'update', entry);
    return countView(tx, count);
  },
});
