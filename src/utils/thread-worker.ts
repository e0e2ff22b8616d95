import { Worker } from 'node:worker_threads';

interface Running {
  worker: Worker;
  waiting: Map<number, { resolve(reply: unknown): void; reject(error: unknown): void }>;
  next: number;
}

/**
 * One worker thread for work that must not hold the main thread (a sale waits on nothing else).
 * `body` is JavaScript run in the thread (its compiled text, so it runs the same from the sources,
 * tests and the build); it defines `handle(request)`, which returns the reply or throws, and it may
 * read `workerData`. The thread starts on first use and is kept (starting one costs more than the
 * work); idle, it never keeps the process alive. If it dies, what waits fails with `stopped(code)`
 * and the next request starts a new thread.
 */
export class ThreadWorker<Request, Reply> {
  private running: Running | null = null;
  private readonly source: string;

  constructor(
    body: string,
    private readonly workerData: unknown,
    private readonly stopped: (code: number) => Error,
  ) {
    this.source = `
const { parentPort, workerData } = require('node:worker_threads');
${body}
parentPort.on('message', ({ id, request }) => {
  try {
    parentPort.postMessage({ id, ok: true, reply: handle(request) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String((error && error.message) || error) });
  }
});
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
    const worker = new Worker(this.source, { eval: true, workerData: this.workerData });
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
    return started;
  }
}
