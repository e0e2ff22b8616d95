import { sql } from '../../database/statements.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';

const group = <K extends string>(rows: ({ [k in K]: string } & { itemId: string; quantity: number })[], key: K) => {
  const map = new Map<string, { itemId: string; quantity: number }[]>();
  for (const row of rows) {
    let list = map.get(row[key]);
    if (!list) map.set(row[key], (list = []));
    list.push({ itemId: row.itemId, quantity: row.quantity });
  }
  return [...map];
};

export default defineScript('recipes.list', {
  roles: STOCK_ROLES,
  readOnly: true,
  run: (tx) => ({
    products: group(sql<[], { productId: string; itemId: string; quantity: number }>(tx, 'SELECT product_id AS productId, item_id AS itemId, quantity FROM recipes ORDER BY product_id').all(), 'productId').map(
      ([productId, items]) => ({ productId, items }),
    ),
    modifiers: group(sql<[], { optionId: string; itemId: string; quantity: number }>(tx, 'SELECT option_id AS optionId, item_id AS itemId, quantity FROM modifier_recipes ORDER BY option_id').all(), 'optionId').map(
      ([optionId, items]) => ({ optionId, items }),
    ),
  }),
});
