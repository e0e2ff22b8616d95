import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';

interface Running {
  worker: Worker;
  waiting: Map<number, { resolve(reply: unknown): void; reject(error: unknown): void }>;
  next: number;
}

export interface ThreadWorkerOptions {
  /**
   * An eval'd body's thread yields the processor to the main thread (where sales run) when both want
   * it (`lowerThreadPriority`; a module worker calls it itself).
   */
  lowPriority?: boolean;
  /** Called with every thread started (tests stop one mid-request). */
  onStart?: (worker: Worker) => void;
}

/**
 * The thread's side: answers each request with `handle`'s reply, or with the message it threw. The
 * eval'd bodies run it from its text; a module worker calls it.
 */
export function serveRequests(port: MessagePort, handle: (request: never) => unknown): void {
  port.on('message', ({ id, request }: { id: number; request: never }) => {
    try {
      port.postMessage({ id, ok: true, reply: handle(request) });
    } catch (error) {
      port.postMessage({ id, ok: false, message: String((error as Error | null)?.message ?? error) });
    }
  });
}

/**
 * In a thread: raises its nice value by 10 (on Linux a nice value is per thread; elsewhere it would
 * lower the whole process, so it is left alone there). Never fails the thread over it.
 */
export function lowerThreadPriority(os: { getPriority(): number; setPriority(priority: number): void }): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(Math.min(19, os.getPriority() + 10));
  } catch {
    // Left where it was: the thread only yields less.
  }
}

/** A module worker from the sources (tests) registers tsx first; built, the compiled .js starts as it is. */
function startModule(entry: URL, workerData: unknown): Worker {
  if (extname(fileURLToPath(entry)) !== '.ts') return new Worker(entry, { workerData });
  return new Worker(new URL('./ts-worker-loader.mjs', import.meta.url), { workerData, argv: [entry.href] });
}

/**
 * One worker thread for work that must not hold the main thread (a sale waits on nothing else).
 * `body` is either JavaScript run in the thread (its compiled text, so it runs the same from the
 * sources, tests and the build), which defines `handle(request)` returning the reply or throwing and
 * may read `workerData`; or the URL of a module (.ts under tests, .js built) that calls
 * `serveRequests` itself, for work that needs imports. The thread starts on first use and is kept
 * (starting one costs more than the work); idle, it never keeps the process alive. If it dies, what
 * waits fails with `stopped(code)` and the next request starts a new thread.
 */
export class ThreadWorker<Request, Reply> {
  private running: Running | null = null;
  private readonly source: string | URL;

  constructor(
    body: string | URL,
    private readonly workerData: unknown,
    private readonly stopped: (code: number) => Error,
    private readonly options: ThreadWorkerOptions = {},
  ) {
    this.source =
      body instanceof URL
        ? body
        : `
const { parentPort, workerData } = require('node:worker_threads');
${options.lowPriority ? `(${lowerThreadPriority.toString()})(require('node:os'));` : ''}
${body}
(${serveRequests.toString()})(parentPort, handle);
`;
  }

  run(request: Request): Promise<Reply> {
    this.running ??= this.start();
    const { worker, waiting } = this.running;
    const id = this.running.next++;
    return new Promise<Reply>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (reply: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, request });
    });
  }

  /** Stops the thread; what still waits fails. */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.worker.terminate();
  }

  private start(): Running {
    const worker =
      this.source instanceof URL ? startModule(this.source, this.workerData) : new Worker(this.source, { eval: true, workerData: this.workerData });
    const started: Running = { worker, waiting: new Map(), next: 1 };
    worker.on('message', (answer: { id: number; ok: true; reply: unknown } | { id: number; ok: false; message: string }) => {
      const waiter = started.waiting.get(answer.id);
      started.waiting.delete(answer.id);
      if (answer.ok) waiter?.resolve(answer.reply);
      else waiter?.reject(new Error(answer.message));
      if (started.waiting.size === 0) worker.unref();
    });
    const fail = (error: unknown) => {
      if (this.running === started) this.running = null;
      for (const { reject } of started.waiting.values()) reject(error);
      started.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(this.stopped(code)));
    this.options.onStart?.(worker);
    return started;
  }
}
