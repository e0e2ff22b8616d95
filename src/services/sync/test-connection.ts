import { MongoSyncStore } from '../../sync/mongo-sync-store.js';
import { describeSyncError } from '../../sync/sync-errors.js';
import { defineScript } from '../script.js';
import { requireUsableUri } from './sync-link.js';

/** "Testar conexão" answers within seconds even when the server is unreachable. */
const TEST_TIMEOUT_MS = 3000;

/**
 * "Testar conexão": opens the shop's database with the address typed, prepares its collections and
 * reads its terminals, then closes it. Nothing is saved here; the network work is all before the
 * (empty) transaction.
 */
export default defineScript('sync.test', {
  roles: ['admin'],
  readOnly: true,
  async prepare(input) {
    requireUsableUri(input.uri);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const store = new MongoSyncStore({ uri: input.uri, dbName: input.database, serverSelectionTimeoutMS: TEST_TIMEOUT_MS });
    try {
      await store.ensureIndexes();
      const terminals = await store.terminals();
      const message =
        terminals.length === 0
          ? `Conexão funcionando: o banco "${input.database}" está pronto e ainda não tem terminais.`
          : `Conexão funcionando: ${terminals.length} ${terminals.length === 1 ? 'terminal já sincroniza' : 'terminais já sincronizam'} com o banco "${input.database}".`;
      return { ok: true, message, ms: elapsed() };
    } catch (error) {
      return { ok: false, message: describeSyncError(error), ms: elapsed() };
    } finally {
      await store.close().catch(() => {});
    }
  },
  run: (_tx, _input, _ctx, result) => result,
});
