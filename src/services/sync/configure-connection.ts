import { BusinessError } from '../../exceptions/business-error.js';
import { connectionHosts } from '../../sync/sync-connection.js';
import { describeSyncError } from '../../sync/sync-errors.js';
import { defineScript } from '../script.js';
import { connectionView, requireSync, requireUsableUri } from './sync-link.js';

/**
 * Saves this terminal's connection to the shop's server (or clears it: the terminal then runs on
 * its own) and syncs with it once committed. The audit names the servers and the database, never
 * the URI: it holds the database user's password.
 */
export default defineScript('sync.configure', {
  roles: ['admin'],
  run(_tx, connection, ctx) {
    const sync = requireSync(ctx);
    const store = sync.connections;
    if (!store?.write) {
      throw new BusinessError(
        'INVALID_STATE',
        'A conexão deste terminal vem do arquivo .env (BALCAO_SYNC_URI e BALCAO_SYNC_DB): mude lá e reinicie o Balcão.',
        'uri',
      );
    }
    if (connection) requireUsableUri(connection.uri);
    store.write(connection);
    ctx.audit({
      action: 'sync.configure',
      recordType: 'sync',
      details: connection ? { host: connectionHosts(connection.uri), database: connection.database } : { cleared: true },
    });
    ctx.afterCommit(() => {
      sync.connect(connection).catch((error: unknown) => ctx.logger.error('Não foi possível trocar a conexão da sincronização', { error: describeSyncError(error) }));
    });
    return connectionView(sync);
  },
});
