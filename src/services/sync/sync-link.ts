import { BusinessError } from '../../exceptions/business-error.js';
import type { SyncConnectionView } from '../../models/sync.js';
import { connectionHosts, isUsableConnectionString } from '../../sync/sync-connection.js';
import { INVALID_CONNECTION_STRING } from '../../sync/sync-errors.js';
import type { PrepareContext, SyncControl } from '../script.js';

/** The sync worker; every terminal has one, only hand-built cores in some tests lack it. */
export function requireSync(ctx: Pick<PrepareContext, 'sync'>): SyncControl {
  if (!ctx.sync) throw new BusinessError('INVALID_STATE', 'A sincronização não está disponível neste terminal.');
  return ctx.sync;
}

/** What the screens show of the connection: where it comes from, the servers and the database, never the URI. */
export function connectionView(sync: SyncControl): SyncConnectionView {
  const store = sync.connections;
  const connection = store?.read() ?? null;
  return {
    source: connection && store ? store.source : 'none',
    host: connection ? connectionHosts(connection.uri) : null,
    database: connection?.database ?? null,
    canChange: Boolean(store?.write),
  };
}

/** The form's URI passed its shape check; the driver must also take it (host, port, options, escaped password). */
export function requireUsableUri(uri: string): void {
  if (!isUsableConnectionString(uri)) throw new BusinessError('VALIDATION', INVALID_CONNECTION_STRING, 'uri');
}
