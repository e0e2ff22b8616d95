import { defineScript } from '../script.js';
import { stockAlerts } from './stock-alerts.js';
import { STOCK_ROLES } from './stock-guards.js';

export default defineScript('stock.alerts', {
  roles: STOCK_ROLES,
  readOnly: true,
  run: (tx, _input, ctx) => stockAlerts(tx, ctx),
});
