import { deleteChainShop } from '../../../database/queries/chain.js';
import { secretsOf } from '../../../database/secret-store.js';
import { defineScript } from '../../script.js';
import { CHAIN_ROLES, chainSecretName, requireChainShop } from './chain-link.js';

/** Stops reading a shop of the chain and forgets its password. Nothing changes in that shop. */
export default defineScript('reports.chainRemove', {
  roles: CHAIN_ROLES,
  run(tx, input, ctx) {
    const shop = requireChainShop(tx, input.id);
    deleteChainShop(tx, shop.id);
    ctx.audit({ action: 'reports.chainRemove', recordType: 'chain_shop', recordId: shop.id, details: { name: shop.name, host: shop.host, database: shop.database } });
    secretsOf(tx).delete(chainSecretName(shop.id));
    return { removed: true as const };
  },
});
