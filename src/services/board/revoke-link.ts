import { findBoardLink, revokeBoardLink } from '../../database/queries/board.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

/** Revokes a board link; the TV using it loses its board and its live channel at once. */
export default defineScript('board.revokeLink', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const link = findBoardLink(tx, input.id);
    if (!link) throw new BusinessError('NOT_FOUND', 'Link do painel não encontrado.', 'id');
    if (link.revokedAt === null) {
      revokeBoardLink(tx, link.id, ctx.now);
      ctx.audit({ action: 'board.revokeLink', recordType: 'board_link', recordId: link.id, details: { label: link.label } });
      ctx.afterCommit(() => ctx.sessions.closeBoardLink(link.id));
    }
    return { id: link.id };
  },
});
