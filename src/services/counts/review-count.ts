import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';
import { countVariances, requireOpenCount } from './count-store.js';

export default defineScript('counts.review', {
  roles: STOCK_ROLES,
  readOnly: true,
  run(tx, input) {
    requireOpenCount(tx, input.countId);
    return { countId: input.countId, ...countVariances(tx, input.countId) };
  },
});
