import { findOption } from '../../database/queries/catalog.js';
import { replaceModifierRecipe } from '../../database/queries/stock.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { requireItem, STOCK_ROLES } from '../stock/stock-guards.js';

export default defineScript('recipes.saveModifier', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    if (!findOption(tx, input.optionId)) throw new BusinessError('NOT_FOUND', 'Adicional não encontrado.', 'optionId');
    if (new Set(input.items.map((i) => i.itemId)).size !== input.items.length) throw new BusinessError('VALIDATION', 'Um insumo aparece duas vezes.', 'items');
    input.items.forEach((item, i) => requireItem(tx, item.itemId, `items.${i}.itemId`));
    const hlc = ctx.stamp();
    replaceModifierRecipe(tx, input.optionId, input.items, hlc);
    ctx.recordChange('modifier_recipe', input.optionId, 'update', { optionId: input.optionId, items: input.items }, hlc);
    ctx.emit('recipes.changed', { optionId: input.optionId });
    return { optionId: input.optionId };
  },
});
