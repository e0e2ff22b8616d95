import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { writeProduct } from './product-writer.js';

export default defineScript('catalog.saveProduct', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    writeProduct(tx, ctx, input);
    ctx.emit('catalog.changed', { productId: input.id });
    return { id: input.id };
  },
});
