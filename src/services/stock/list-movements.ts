import { defineScript } from '../script.js';
import { queryMovements } from './movement-query.js';
import { STOCK_ROLES } from './stock-guards.js';

export default defineScript('stock.movements', {
  roles: STOCK_ROLES,
  readOnly: true,
  run: (tx, input) => queryMovements(tx, input, input.limit ?? 200),
});
