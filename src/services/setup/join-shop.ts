import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { readJoinCode } from '../../sync/join-code.js';
import type { Db } from '../../database/connection.js';
import { countUsers } from '../../database/queries/users.js';
import { forgetShopKey, installShopKey, readShopKey } from '../../sync/shop-key.js';
import type { SyncConnection } from '../../sync/sync-worker.js';
import { defineScript, type SyncControl } from '../script.js';
import { alreadyInitialized, requireThisComputerOrCode } from './setup-code.js';

/**
 * A new terminal joins a shop that already exists: the join code gives it the shop key, the shop's
 * server gives it everything else (catalog, users, sales), and the server hands out its letter, so
 * two terminals joining at once never share one. Nothing of its own is made but its terminal row.
 * A join cut off half way (offline, closed) is simply run again.
 */
export default defineScript('setup.join', {
  roles: 'public',
  async prepare(input, ctx) {
    if (ctx.terminal.letter) throw alreadyInitialized();
    requireThisComputerOrCode(ctx.source, ctx.setupCode, input.setupCode);
    const { shopId, shopKey } = readJoinCode(input.joinCode);
    const sync = ctx.sync;
    if (!sync) throw new BusinessError('SYNC_UNAVAILABLE', 'Este terminal não tem sincronização.');
    const shopHere = sql<[], { id: string }>(ctx.db, 'SELECT id FROM shop LIMIT 1').get();
    if (shopHere && shopHere.id !== shopId) throw alreadyInitialized();
    const hadKey = readShopKey(ctx.db) !== undefined;
    installShopKey(ctx.db, shopKey);
    try {
      const joined = await joinThrough(sync, ctx.db, input.connection, shopId);
      // Kept where this terminal keeps its connection (sealed on the desktop); browser mode reads .env.
      if (input.connection) sync.connections?.write?.(input.connection);
      return joined;
    } catch (error) {
      // Nothing of the shop's users arrived: the key goes, and the right code can be typed next.
      if (!hadKey && countUsers(ctx.db) === 0) forgetShopKey(ctx.db);
      throw error;
    }
  },
  run(tx, input, ctx, { shopName, letter }) {
    const terminalId = ctx.terminal.id;
    const hlc = ctx.stamp();
    sql(tx, 'INSERT INTO terminals (id, letter, created_at, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET letter = excluded.letter, hlc = excluded.hlc').run(
      terminalId,
      letter,
      ctx.now,
      hlc,
    );
    ctx.recordChange('terminal', terminalId, 'insert', { id: terminalId, letter, createdAt: ctx.now }, hlc);
    ctx.audit({ action: 'setup.join', recordType: 'terminal', recordId: terminalId, details: { shopName, terminalLetter: letter, database: input.connection?.database ?? null } });
    ctx.configurationChanged();
    return { shopName, terminalLetter: letter };
  },
});

async function joinThrough(sync: SyncControl, db: Db, connection: SyncConnection | undefined, shopId: string) {
  if (connection) await sync.connect(connection);
  else if (!sync.connected) {
    throw new BusinessError('VALIDATION', 'Informe o endereço do banco da loja (ou configure BALCAO_SYNC_URI no .env).', 'connection.uri');
  }
  const status = await sync.syncNow();
  if (status.mode !== 'online') throw new BusinessError('SYNC_UNAVAILABLE', status.lastError ?? 'Sem conexão com o servidor da loja.', 'connection.uri');
  const shop = sql<[], { id: string; name: string }>(db, 'SELECT id, name FROM shop LIMIT 1').get();
  if (!shop) throw new BusinessError('NOT_FOUND', 'Nenhuma loja neste banco de dados: confira o nome do banco.', 'connection.database');
  if (shop.id !== shopId) throw new BusinessError('CONFLICT', 'O código de conexão é de outra loja: confira o banco de dados e o código.', 'joinCode');
  return { shopName: shop.name, letter: await sync.claimFreeLetter() };
}
