import { listChainShops } from '../../../database/queries/chain.js';
import { defineScript } from '../../script.js';
import { CHAIN_ROLES } from './chain-link.js';

/** The other shops this terminal reads, without their connection strings. */
export default defineScript('reports.chainShops', {
  roles: CHAIN_ROLES,
  readOnly: true,
  run: (tx) => ({ shops: listChainShops(tx) }),
});
