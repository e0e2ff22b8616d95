import { findProduct } from '../../database/queries/catalog.js';
import { replaceRecipe } from '../../database/queries/stock.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { requireItem, STOCK_ROLES } from '../stock/stock-guards.js';

export default defineScript('recipes.save', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    if (!findProduct(tx, input.productId)) throw new BusinessError('NOT_FOUND', 'Produto não encontrado.', 'productId');
    input.items.forEach((item, i) => requireItem(tx, item.itemId, `items.${i}.itemId`));
    const hlc = ctx.stamp();
    replaceRecipe(tx, input.productId, input.items, hlc);
    ctx.recordChange('recipe', input.productId, 'update', { productId: input.productId, items: input.items }, hlc);
    ctx.emit('recipes.changed', { productId: input.productId });
    ctx.audit({ action: 'recipes.save', recordType: 'product', recordId: input.productId, details: { items: input.items.length } });
    return { productId: input.productId };
  },
});
