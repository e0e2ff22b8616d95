import type { Db } from '../../../database/connection.js';
import { findChainShop, type ChainShopRow } from '../../../database/queries/chain.js';
import { secretsOf } from '../../../database/secret-store.js';
import { BusinessError } from '../../../exceptions/business-error.js';
import type { SessionRole } from '../../../models/roles.js';
import { ChainShopReader } from '../../../sync/chain-reader.js';
import { describeSyncError } from '../../../sync/sync-errors.js';

/** Other shops' takings, and the passwords to read them: the owner's alone. */
export const CHAIN_ROLES: readonly SessionRole[] = ['admin'];

/** Where a chain shop's connection string is kept in this terminal's secret store. */
export const chainSecretName = (shopId: string): string => `chain-shop-uri:${shopId}`;

/** A shop of the chain answers within seconds, or shows as unreachable beside the others. */
export const CHAIN_TIMEOUT_MS = 4000;

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
