import { boardEntries } from '../../database/queries/kitchen.js';
import { ALL_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('kitchen.board', {
  roles: [...ALL_ROLES, 'board'],
  readOnly: true,
  run: (tx) => boardEntries(tx),
});
