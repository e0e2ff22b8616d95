import { foldedKeys, type FoldedColumns } from './search';

/** Folds the products' names off the main thread, so a big catalog shows at once (see searchKeys.ts). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<{ id: number; columns: FoldedColumns }>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage({ id: event.data.id, keys: foldedKeys(event.data.columns) });
