import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../database/connection.js';
import { BusinessError, Rejection } from '../exceptions/business-error.js';
import type { Logger } from '../logs/logger.js';
import type { ErrorBody } from '../models/errors.js';
import type { ReadContext, WorkerReadScript } from './script.js';

/** What the dispatcher asks of the pool: one worker read, answered or refused as the script would be in-thread. */
export interface ReadRunner {
  run(operation: string, input: unknown, ctx: ReadContext): Promise<unknown>;
}

export interface ReadRequest {
  id: number;
  operation: string;
  input: unknown;
  ctx: ReadContext;
}

export type ReadReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; business: ErrorBody }
  | { id: number; ok: false; internal: { message: string; stack?: string } };

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
  /** The app's database file, opened read-only by each worker (WAL: they read beside the writer). */
  file: string;
  nativeBinding?: string;
  logger: Logger;
  /**
   * Worker threads. One: on the shop's two-core computers a second would take turns with the
   * sales' thread, and a manager rarely asks for two reports at once (the next waits its turn).
   */
  size?: number;
  /** Called with every worker started (tests stop one mid-read). */
  onStart?: (worker: Worker) => void;
}

interface Job {
  request: ReadRequest;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
}

const HERE = import.meta.url;
const FROM_SOURCES = extname(fileURLToPath(HERE)) === '.ts';

function startWorker(workerData: ReadWorkerData): Worker {
  const entry = new URL(`./read-worker${FROM_SOURCES ? '.ts' : '.js'}`, HERE);
  if (!FROM_SOURCES) return new Worker(entry, { workerData });
  return new Worker(new URL('./ts-worker-loader.mjs', HERE), { workerData: { ...workerData, entry: entry.href } });
}

const closedError = () => new BusinessError('INVALID_STATE', 'Os relatórios estão indisponíveis enquanto o banco de dados é reaberto. Tente de novo em instantes.');
const diedError = () => new BusinessError('INTERNAL', 'A leitura parou no meio (a linha de leitura dos relatórios caiu e foi reiniciada). Tente de novo.');

function settle(job: Job, reply: ReadReply): void {
  if (reply.ok) return job.resolve(reply.result);
  if ('business' in reply) {
    const { code, message, field, details } = reply.business;
    return job.reject(new BusinessError(code, message, field, details));
  }
  job.reject(Object.assign(new Error(reply.internal.message), { stack: reply.internal.stack }));
}

/**
 * The worker threads that run the long reads (scripts marked `reads: 'worker'`), so a report or the
 * dashboard never holds the thread a sale runs on. Workers start on the first read and idle without
 * keeping the process alive; one that dies refuses its read with a clear error and a new one takes
 * the next. `close()` stops them (the app's close; a restore before it swaps the file), `reopen()`
 * lets reads start them again on the file as it is then.
 */
export class ReadPool implements ReadRunner {
  private readonly threads = new Set<Thread>();
  private readonly queue: Job[] = [];
  private readonly size: number;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ReadPoolOptions) {
    this.size = Math.max(1, options.size ?? 1);
  }

  run(operation: string, input: unknown, ctx: ReadContext): Promise<unknown> {
    if (this.closed) return Promise.reject(closedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, operation, input, ctx }, resolve, reject });
      this.handOut();
    });
  }

  /** Stops every worker; reads running or waiting are refused, and so are new ones until `reopen()`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(closedError());
    await Promise.all([...this.threads].map(({ worker }) => worker.terminate()));
  }

  /** Workers open the database again on the next read (after a restore has put a new file in place). */
  async reopen(): Promise<void> {
    await this.close();
    this.closed = false;
  }

  private handOut(): void {
    while (this.queue.length > 0) {
      const thread = [...this.threads].find((t) => t.job === null) ?? (this.threads.size < this.size ? this.start() : null);
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      thread.worker.postMessage(job.request);
    }
  }

  private start(): Thread {
    const { file, nativeBinding = null, logger } = this.options;
    const worker = startWorker({ file, nativeBinding });
    const thread: Thread = { worker, job: null };
    this.threads.add(thread);
    worker.on('message', (reply: ReadReply) => {
      const job = thread.job;
      thread.job = null;
      if (job?.request.id === reply.id) settle(job, reply);
      // Idle, it never keeps the process alive.
      worker.unref();
      this.handOut();
    });
    worker.on('error', (error) => logger.error('A linha de leitura dos relatórios falhou', { error }));
    worker.on('exit', (code) => {
      this.threads.delete(thread);
      const job = thread.job;
      thread.job = null;
      if (job) {
        if (!this.closed) logger.error('A linha de leitura dos relatórios parou no meio de uma leitura', { operation: job.request.operation, code });
        job.reject(this.closed ? closedError() : diedError());
      }
      if (!this.closed) this.handOut();
    });
    this.options.onStart?.(worker);
    return thread;
  }
}
