import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Db } from '../database/connection.js';
import { BusinessError, Rejection } from '../exceptions/business-error.js';
import type { Logger } from '../logs/logger.js';
import type { ErrorBody } from '../models/errors.js';
import { ThreadWorker } from '../utils/thread-worker.js';
import type { ReadContext, WorkerReadScript } from './script.js';

/** What the dispatcher asks of the pool: one worker read, answered or refused as the script would be in-thread. */
export interface ReadRunner {
  run(operation: string, input: unknown, ctx: ReadContext): Promise<unknown>;
}

export interface ReadRequest {
  operation: string;
  input: unknown;
  ctx: ReadContext;
}

/** The worker never throws to the pool: a refusal keeps its shape, a failure its message and stack. */
export type ReadReply = { ok: true; result: unknown } | { ok: false; business: ErrorBody } | { ok: false; internal: { message: string; stack?: string } };

export interface ReadWorkerData {
  file: string;
  nativeBinding: string | null;
}

/** A worker read's body in one deferred transaction (one snapshot), its refusal thrown: the same in the worker and in-thread. */
export function readInOneSnapshot(db: Db, script: WorkerReadScript, input: unknown, ctx: ReadContext): unknown {
  const output = db.transaction(() => script.run(db, input, ctx)).deferred();
  if (output instanceof Rejection) throw output.error;
  return output;
}

export interface ReadPoolOptions {
  /** The app's database file, opened read-only by the worker (WAL: it reads beside the writer). */
  file: string;
  nativeBinding?: string;
  logger: Logger;
  /** Called with every worker started (tests stop one mid-read). */
  onStart?: (worker: Worker) => void;
}

const WORKER = new URL(`./read-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

const closedError = () => new BusinessError('INVALID_STATE', 'Os relatórios estão indisponíveis enquanto o banco de dados é reaberto. Tente de novo em instantes.');
const diedError = () => new BusinessError('INTERNAL', 'A leitura parou no meio (a linha de leitura dos relatórios caiu e foi reiniciada). Tente de novo.');

/**
 * Where the long reads run (scripts marked `reads: 'worker'`), so a report or the dashboard never
 * holds the thread a sale runs on. One worker thread: on the shop's two-core computers a second would
 * take turns with the sales' thread, and a manager rarely asks for two reports at once (the next waits
 * its turn). It starts on the first read, runs at a lower priority than the sales (read-worker.ts), and a new one takes
 * over from one that died (its read refused with a clear error). `close()` stops it (the app's close;
 * a restore, before it swaps the file) and refuses reads until `reopen()`, after which the next read
 * opens the file as it is then.
 */
export class ReadPool implements ReadRunner {
  private readonly thread: ThreadWorker<ReadRequest, ReadReply>;
  private closed = false;

  constructor(private readonly options: ReadPoolOptions) {
    const data: ReadWorkerData = { file: options.file, nativeBinding: options.nativeBinding ?? null };
    this.thread = new ThreadWorker(WORKER, data, diedError, options.onStart ? { onStart: options.onStart } : {});
  }

  async run(operation: string, input: unknown, ctx: ReadContext): Promise<unknown> {
    if (this.closed) throw closedError();
    let reply: ReadReply;
    try {
      reply = await this.thread.run({ operation, input, ctx });
    } catch (error) {
      if (this.closed) throw closedError();
      this.options.logger.error('A linha de leitura dos relatórios parou no meio de uma leitura', { operation, error });
      throw error;
    }
    if (reply.ok) return reply.result;
    if ('business' in reply) {
      const { code, message, field, details } = reply.business;
      throw new BusinessError(code, message, field, details);
    }
    throw Object.assign(new Error(reply.internal.message), { stack: reply.internal.stack });
  }

  /** Stops the worker; reads running are refused, and so are new ones until `reopen()`. */
  async close(): Promise<void> {
    this.closed = true;
    await this.thread.close();
  }

  /** The next read starts a worker on the database file as it is now (after a restore put a new one in place). */
  async reopen(): Promise<void> {
    await this.close();
    this.closed = false;
  }
}
