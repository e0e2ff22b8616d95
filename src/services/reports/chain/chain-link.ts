import type { Db } from '../../../database/connection.js';
import { findChainShop, type ChainShopRow } from '../../../database/queries/chain.js';
import { secretsOf } from '../../../database/secret-store.js';
import { BusinessError } from '../../../exceptions/business-error.js';
import type { SessionRole } from '../../../models/roles.js';
import { ChainShopReader } from '../../../sync/chain-reader.js';
import { connectionHosts } from '../../../sync/sync-connection.js';
import { describeSyncError } from '../../../sync/sync-errors.js';

/** Other shops' takings, and the passwords to read them: the owner's alone. */
export const CHAIN_ROLES: readonly SessionRole[] = ['admin'];

/** Where a chain shop's connection string is kept in this terminal's secret store. */
export const chainSecretName = (shopId: string): string => `chain-shop-uri:${shopId}`;

/** A shop of the chain answers within seconds, or shows as unreachable beside the others. */
export const CHAIN_TIMEOUT_MS = 4000;

/** Shown where a "shop of the chain" is this very shop, whose sales already fill the first column. */
export const THIS_SHOP = 'É esta mesma loja (o mesmo servidor e banco da sincronização deste terminal): as vendas dela já estão na primeira coluna.';

const hostSet = (hosts: string): string => hosts.toLowerCase().split(',').map((host) => host.trim()).filter(Boolean).sort().join(',');

/**
 * Whether a shop of the chain is the shop this terminal syncs to: the same servers (in any order,
 * any case) and the same database. Counting it again would double the chain's total.
 */
export function isThisShop(shop: { host: string; database: string }, own: { uri: string; database: string } | null): boolean {
  return own !== null && shop.database === own.database && hostSet(shop.host) === hostSet(connectionHosts(own.uri));
}

export function requireChainShop(db: Db, id: string): ChainShopRow {
  const shop = findChainShop(db, id);
  if (!shop) throw new BusinessError('NOT_FOUND', 'Loja da rede não encontrada: ela pode ter sido removida.', 'id');
  return shop;
}

/** A reader on the shop's database, or why there is none: its connection string is not in this terminal's secret store. */
export function openChainReader(db: Db, shopId: string): ChainShopReader | { error: string } {
  const uri = secretsOf(db).get(chainSecretName(shopId));
  if (!uri) return { error: 'A senha desta loja não está neste terminal (o cofre de segredos mudou): remova a loja e acrescente de novo.' };
  return new ChainShopReader({ uri, dbName: findChainShop(db, shopId)!.database, serverSelectionTimeoutMS: CHAIN_TIMEOUT_MS });
}

/** Why a shop could not be read, in words for the staff, never the connection string. */
export function describeChainError(error: unknown): string {
  const message = describeSyncError(error);
  return message.startsWith('Servidor da loja inacessível') ? 'Loja fora do alcance: sem internet, endereço errado ou este IP não liberado no Atlas dela.' : message;
}
