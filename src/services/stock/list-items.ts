import { listItems } from '../../database/queries/stock.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from './stock-guards.js';

export default defineScript('stock.items', {
  roles: STOCK_ROLES,
  readOnly: true,
  run: (tx, input) => listItems(tx, input.includeInactive ?? false).filter((item) => !input.lowOnly || item.low),
});
