import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';
import { countView, findCount } from './count-store.js';

export default defineScript('counts.get', {
  roles: STOCK_ROLES,
  readOnly: true,
  run(tx, input) {
    const count = findCount(tx, input.countId);
    if (!count) throw new BusinessError('NOT_FOUND', 'Inventário não encontrado.', 'countId');
    return countView(tx, count);
  },
});
