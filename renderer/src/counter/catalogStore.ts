import type { KeptCatalog } from './compactCatalog';

/**
 * The counter's catalog kept in the browser (IndexedDB) between loads, one entry per store (shop and
 * terminal), so a reload shows the counter without fetching tens of thousands of products again. Anything
 * wrong with the browser's storage (blocked, damaged, full, private mode) only means a fetch of the whole
 * catalog: reads give null, writes are dropped.
 */

const DATABASE = 'balcao-catalog';
const ENTRIES = 'catalogs';
/** The store last kept at this address: read before the core is asked, to know which entry to read. */
const LAST_STORE_KEY = 'balcao.catalogStore';
/** Past this, a storage that does not answer (another tab upgrading it, a stuck disk) is given up on. */
const OPEN_TIMEOUT_MS = 1_500;

/** The app build: this script's own address, whose name changes with every build of it. */
export const APP_BUILD = new URL(import.meta.url).pathname;

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB não respondeu')), OPEN_TIMEOUT_MS);
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve(request.result);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('IndexedDB indisponível'));
    };
    request.onblocked = () => {
      clearTimeout(timer);
      reject(new Error('IndexedDB bloqueado'));
    };
  });
}

function inEntries<T>(mode: IDBTransactionMode, work: (entries: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDatabase().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(ENTRIES, mode);
        const request = work(transaction.objectStore(ENTRIES));
        transaction.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          reject(transaction.error ?? new Error('IndexedDB falhou'));
        };
      }),
  );
}

function lastStore(): string | null {
  try {
    return localStorage.getItem(LAST_STORE_KEY);
  } catch {
    return null;
  }
}

/** Whether a counter kept a catalog at this address (without opening IndexedDB). */
export const hasKeptCatalog = (): boolean => lastStore() !== null;

/** The catalog kept for the store used last at this address, as stored (checked by keptSnapshot), or null. */
export async function readKeptCatalog(): Promise<unknown> {
  const store = lastStore();
  if (!store) return null;
  try {
    return (await inEntries('readonly', (entries) => entries.get(store))) ?? null;
  } catch {
    return null;
  }
}

/** Keeps the catalog for its store, which becomes the one read next time. */
export async function writeKeptCatalog(kept: KeptCatalog): Promise<void> {
  try {
    await inEntries('readwrite', (entries) => entries.put(kept, kept.store));
    localStorage.setItem(LAST_STORE_KEY, kept.store);
  } catch {
    // Kept or not, the counter already shows the catalog it was sent; the next load just fetches it whole.
  }
}

/** Forgets a kept catalog that could not be used (another build, damaged). */
export async function dropKeptCatalog(): Promise<void> {
  const store = lastStore();
  if (!store) return;
  try {
    await inEntries('readwrite', (entries) => entries.delete(store));
  } catch {
    // Nothing kept to forget.
  }
}
