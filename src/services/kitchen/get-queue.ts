import { kitchenQueue } from '../../database/queries/kitchen.js';
import { defineScript } from '../script.js';

export default defineScript('kitchen.queue', {
  roles: ['admin', 'manager', 'kitchen', 'kitchenScreen'],
  readOnly: true,
  run: (tx) => kitchenQueue(tx),
});
