import { BusinessError } from '../../exceptions/business-error.js';
import { readJoinCode } from '../../sync/join-code.js';
import { installShopKey } from '../../sync/shop-key.js';
import { defineScript } from '../script.js';

/**
 * The shop key stays with the computer, not in the database: a database restored on (or brought
 * to) another computer has none. The join code shown on another of the shop's terminals carries it
 * back; a code of another shop, or a key other than the one this database had, is refused.
 */
export default defineScript('sync.restoreShopKey', {
  roles: ['admin'],
  run(tx, input, ctx) {
    const { shopId, shopKey } = readJoinCode(input.joinCode);
    if (ctx.terminal.shopId !== shopId) throw new BusinessError('CONFLICT', 'O código de conexão é de outra loja: use o de um terminal desta loja.', 'joinCode');
    installShopKey(tx, shopKey);
    ctx.audit({ action: 'sync.restoreShopKey', recordType: 'sync' });
    return { restored: true as const };
  },
});
