import Database from 'better-sqlite3';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { BusinessError } from '../exceptions/business-error.js';
import { readInOneSnapshot, type ReadReply, type ReadRequest, type ReadWorkerData } from './read-pool.js';
import { loadRegistry } from './registry.js';

/**
 * A read pool's worker (read-pool.ts): its own read-only connection to the app's database, and the
 * scripts marked `reads: 'worker'`. The main thread has already checked the session, the role and
 * the input; here only the body runs.
 */
const { file, nativeBinding } = workerData as ReadWorkerData;
// On Linux a nice value is per thread: this one yields the processor to the sales' thread.
if (process.platform === 'linux') setPriority(10);
const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
db.pragma('query_only = ON');
// A writer checkpointing the WAL can hold readers back for a moment.
db.pragma('busy_timeout = 5000');
const registry = await loadRegistry();

function answer({ id, operation, input, ctx }: ReadRequest): ReadReply {
  try {
    const script = registry.get(operation);
    if (script?.reads !== 'worker') throw new BusinessError('UNKNOWN_OPERATION', `A operação ${operation} não é lida na linha de leitura.`, 'operation');
    return { id, ok: true, result: readInOneSnapshot(db, script, input, ctx) };
  } catch (error) {
    if (error instanceof BusinessError) return { id, ok: false, business: error.toBody() };
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    return { id, ok: false, internal: { message, ...(stack === undefined ? {} : { stack }) } };
  }
}

parentPort!.on('message', (request: ReadRequest) => parentPort!.postMessage(answer(request)));
