import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadWorker } from '../../src/utils/thread-worker.js';

const PRIORITY_OF_THREAD = "function handle() { return require('node:os').getPriority(); }";
const threads: ThreadWorker<null, number>[] = [];
const thread = (lowPriority: boolean) => {
  const worker = new ThreadWorker<null, number>(PRIORITY_OF_THREAD, null, (code) => new Error(`parou (${code})`), { lowPriority });
  threads.push(worker);
  return worker;
};

afterEach(async () => {
  await Promise.all(threads.splice(0).map((worker) => worker.close()));
});

describe('a thread worker', () => {
  it('at low priority yields to the main thread: on Linux its own nice value is raised by 10, the process keeps its own', async () => {
    const main = getPriority();
    const low = await thread(true).run(null);
    if (process.platform === 'linux') expect(low).toBe(Math.min(19, main + 10));
    else {
      console.log('Prioridade por thread só existe no Linux: aqui a thread fica na prioridade do processo.');
      expect(low).toBe(main);
    }
    expect(await thread(false).run(null)).toBe(main);
    expect(getPriority()).toBe(main);
  });
});
