import { insertBoardLink } from '../../database/queries/board.js';
import { sha256Hex } from '../../hashing/audit-chain.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { newSecretToken } from '../../utils/ids.js';
import { defineScript } from '../script.js';

/** A read-only link for the call board's TV; only its hash is kept, so it is shown this once. */
export default defineScript('board.createLink', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const id = ctx.newId();
    const token = newSecretToken();
    insertBoardLink(tx, { id, label: input.label, tokenHash: sha256Hex(token), createdBy: ctx.actor!.id, createdAt: ctx.now });
    ctx.audit({ action: 'board.createLink', recordType: 'board_link', recordId: id, details: { label: input.label } });
    return { id, token };
  },
});
