import { loadOrderView } from '../../database/queries/orders.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';

export default defineScript('orders.get', {
  roles: ['admin', 'manager', 'cashier', 'kitchen'],
  readOnly: true,
  run(tx, input) {
    const view = loadOrderView(tx, input.id);
    if (!view) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado.', 'id');
    return view;
  },
});
