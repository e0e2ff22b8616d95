import { listBoardLinks } from '../../database/queries/board.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('board.listLinks', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run: (tx) => listBoardLinks(tx),
});
