import type { Db } from '../connection.js';
import { sql } from '../statements.js';

export interface ChainShopRow {
  id: string;
  name: string;
  host: string;
  database: string;
  createdAt: number;
}

const COLUMNS = 'id, name, hosts AS host, database, created_at AS createdAt';

export const listChainShops = (db: Db): ChainShopRow[] =>
  sql<[], ChainShopRow>(db, `SELECT ${COLUMNS} FROM chain_shops ORDER BY name_key, id`).all();

export const findChainShop = (db: Db, id: string): ChainShopRow | undefined => sql<[string], ChainShopRow>(db, `SELECT ${COLUMNS} FROM chain_shops WHERE id = ?`).get(id);

export const chainShopNamed = (db: Db, nameKey: string): string | undefined =>
  sql<[string], { id: string }>(db, 'SELECT id FROM chain_shops WHERE name_key = ?').get(nameKey)?.id;

export function insertChainShop(db: Db, shop: ChainShopRow & { nameKey: string }): void {
  sql(db, 'INSERT INTO chain_shops (id, name, name_key, hosts, database, created_at) VALUES (@id, @name, @nameKey, @host, @database, @createdAt)').run(shop);
}

export const deleteChainShop = (db: Db, id: string): boolean => sql<[string]>(db, 'DELETE FROM chain_shops WHERE id = ?').run(id).changes > 0;
