import { chainShopNamed, insertChainShop } from '../../../database/queries/chain.js';
import { secretsOf } from '../../../database/secret-store.js';
import { BusinessError } from '../../../exceptions/business-error.js';
import { connectionHosts } from '../../../sync/sync-connection.js';
import { foldText } from '../../../utils/text.js';
import { defineScript } from '../../script.js';
import { requireUsableUri } from '../../sync/sync-link.js';
import { CHAIN_ROLES, chainSecretName, isThisShop, THIS_SHOP } from './chain-link.js';

/**
 * Adds another shop of the chain. The database keeps its name, servers and database; the connection
 * string, which holds the password, goes to this terminal's secret store only. A retry is told from
 * another request without the URI: the reply kept for it holds none either.
 */
export default defineScript('reports.chainAdd', {
  roles: CHAIN_ROLES,
  retry: {
    key: (input) => `chain-shop:${input.id}`,
    content: (input) => ({ name: input.name, host: connectionHosts(input.uri), database: input.database }),
    conflict: { message: 'Esta loja já foi acrescentada com outros dados.', field: 'id' },
  },
  run(tx, input, ctx) {
    requireUsableUri(input.uri);
    const nameKey = foldText(input.name);
    if (chainShopNamed(tx, nameKey)) throw new BusinessError('CONFLICT', `Já existe uma loja da rede chamada "${input.name}".`, 'name');
    const shop = { id: input.id, name: input.name, host: connectionHosts(input.uri), database: input.database, createdAt: ctx.now };
    if (isThisShop(shop, ctx.sync?.connections?.read() ?? null)) throw new BusinessError('VALIDATION', THIS_SHOP, 'uri');
    insertChainShop(tx, { ...shop, nameKey });
    ctx.audit({ action: 'reports.chainAdd', recordType: 'chain_shop', recordId: shop.id, details: { name: shop.name, host: shop.host, database: shop.database } });
    // Last, so a failed write to the secret store undoes the shop too.
    secretsOf(tx).set(chainSecretName(shop.id), input.uri);
    return shop;
  },
});
