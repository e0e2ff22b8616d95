import { findProduct } from '../../database/queries/catalog.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';

export default defineScript('catalog.setSoldOut', {
  roles: ['admin', 'manager', 'cashier', 'kitchen'],
  run(tx, input, ctx) {
    const product = findProduct(tx, input.id);
    if (!product) throw new BusinessError('NOT_FOUND', 'Produto não encontrado.', 'id');
    if (product.soldOut !== input.soldOut) {
      const hlc = ctx.stamp();
      sql(tx, 'UPDATE products SET sold_out = ?, updated_at = ?, hlc = ? WHERE id = ?').run(Number(input.soldOut), ctx.now, hlc, input.id);
      ctx.recordChange('product', input.id, 'update', { id: input.id, soldOut: input.soldOut, updatedAt: ctx.now }, hlc);
      ctx.emit('catalog.changed', { productId: input.id });
    }
    return { id: input.id, soldOut: input.soldOut };
  },
});
