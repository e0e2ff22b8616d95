import type { FoldedKeys, SearchableProduct } from './search';
import { foldingColumns } from './search';

/**
 * Folding 50,000 names takes the main thread a few hundred milliseconds on a modest terminal: a worker
 * does it while the counter is already on screen. Where no worker can start, the counter folds them
 * itself when first searched (null here).
 */
let worker: Worker | null | undefined;
let lastId = 0;
const waiting = new Map<number, (keys: FoldedKeys | null) => void>();

function startWorker(): Worker | null {
  try {
    const started = new Worker(new URL('./searchKeys.worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<{ id: number; keys: FoldedKeys }>) => {
      waiting.get(event.data.id)?.(event.data.keys);
      waiting.delete(event.data.id);
    };
    started.onerror = () => {
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
      worker = null;
    };
    return started;
  } catch {
    return null;
  }
}

export function foldInWorker(products: readonly SearchableProduct[]): Promise<FoldedKeys | null> {
  if (worker === undefined) worker = startWorker();
  if (!worker) return Promise.resolve(null);
  const id = (lastId += 1);
  const sent = worker;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    sent.postMessage({ id, columns: foldingColumns(products) });
  });
}
