import Database from 'better-sqlite3';
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { BusinessError } from '../exceptions/business-error.js';
import { lowerThreadPriority, serveRequests } from '../utils/thread-worker.js';
import { readInOneSnapshot, type ReadReply, type ReadRequest, type ReadWorkerData } from './read-pool.js';
import { loadRegistry } from './registry.js';

/**
 * The read pool's worker (read-pool.ts): its own read-only connection to the app's database, and the
 * scripts marked `reads: 'worker'`. The main thread has already checked the session, the role and
 * the input; here only the body runs.
 */
// A long read yields the processor to the sales' thread.
lowerThreadPriority(os);
const { file, nativeBinding } = workerData as ReadWorkerData;
const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
db.pragma('query_only = ON');
// A writer checkpointing the WAL can hold readers back for a moment.
db.pragma('busy_timeout = 5000');
const registry = await loadRegistry();

function answer({ operation, input, ctx }: ReadRequest): ReadReply {
  try {
    const script = registry.get(operation);
    if (script?.reads !== 'worker') throw new BusinessError('UNKNOWN_OPERATION', `A operação ${operation} não é lida na linha de leitura.`, 'operation');
    return { ok: true, result: readInOneSnapshot(db, script, input, ctx) };
  } catch (error) {
    if (error instanceof BusinessError) return { ok: false, business: error.toBody() };
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    return { ok: false, internal: { message, ...(stack === undefined ? {} : { stack }) } };
  }
}

serveRequests(parentPort!, answer);
