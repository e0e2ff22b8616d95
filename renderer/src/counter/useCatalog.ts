import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogChanges, ProductView } from '../../../src/models/catalog';
import { api } from '../api';
import { useLiveRefresh } from '../hooks/useLive';
import { catalogMaps, type CatalogMaps, type Snapshot } from './cart';
import { APP_BUILD, dropKeptCatalog, hasKeptCatalog, readKeptCatalog, writeKeptCatalog } from './catalogStore';
import { applyChanges, changesAsked, keepChanges, keptSnapshot, type KeptCatalog } from './compactCatalog';
import { buildSearchIndex, indexWithKeys, type SearchIndex } from './search';
import { foldInWorker } from './searchKeys';

export interface LoadedCatalog {
  snapshot: Snapshot;
  maps: CatalogMaps;
  index: SearchIndex<ProductView>;
}

/**
 * Builds the maps once per catalog (not per keystroke), and the search index off the main thread: the
 * counter shows its tiles meanwhile, and a search typed before the worker answers builds it here.
 */
export function prepareCatalog(snapshot: Snapshot): LoadedCatalog {
  let index: SearchIndex<ProductView> | null = null;
  afterPaint(() =>
    void foldInWorker(snapshot.products).then((keys) => {
      if (keys && !index) index = indexWithKeys(snapshot.products, keys);
      performance.mark('balcao.catalog.indexed');
    }),
  );
  return {
    snapshot,
    maps: catalogMaps(snapshot),
    get index() {
      return (index ??= buildSearchIndex(snapshot.products));
    },
  };
}

/** Work the screen can wait for (copying the catalog to a worker or to IndexedDB): after the next frame is painted. */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

interface Held {
  kept: KeptCatalog;
  snapshot: Snapshot;
}

/** The kept catalog, if this build can trust it; an unusable one is forgotten. */
async function readHeld(): Promise<Held | null> {
  const stored = await readKeptCatalog();
  const held = keptSnapshot(stored, APP_BUILD);
  if (stored && !held) void dropKeptCatalog();
  performance.mark('balcao.catalog.kept-read');
  return held;
}

/**
 * Where a counter kept a catalog, reading it starts with the app, while the session is checked: by
 * the time the counter asks for changes the kept catalog is ready. Only the first counter takes it.
 */
let readAtStart: Promise<Held | null> | null = hasKeptCatalog() ? readHeld() : null;

/** The catalog after a reply of `catalog.changes` over the one held (changes only apply to the same store). */
function afterReply(held: Held | null, changes: CatalogChanges): Held {
  const base = held && !changes.whole && changes.store === held.kept.store ? held : null;
  const products = applyChanges(base?.snapshot.products ?? [], changes);
  return {
    kept: keepChanges(base?.kept ?? null, changes, APP_BUILD),
    snapshot: { categories: changes.categories, modifierGroups: changes.modifierGroups, products },
  };
}

/**
 * The counter's catalog: kept in the browser between loads, brought up to date with only what changed
 * since (on load and on `catalog.changed`), and shown only once the core has answered, so a price changed
 * meanwhile (here or on another terminal) is never shown old. The catalog screens (`includeInactive`)
 * load the whole snapshot, inactive products included.
 */
export function useCatalog(includeInactive = false) {
  const [catalog, setCatalog] = useState<LoadedCatalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const held = useRef<Held | null | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const shown = useRef(false);

  const loadSnapshot = useCallback(async () => {
    const outcome = await api.call('catalog.snapshot', { includeInactive: true });
    if (outcome.ok) {
      setCatalog(prepareCatalog(outcome.result));
      setError(null);
    } else setError(outcome.error.message);
  }, []);

  const loadChanges = useCallback(async () => {
    if (held.current === undefined) {
      held.current = await (readAtStart ?? readHeld());
      readAtStart = null;
    }
    const before = held.current;
    let outcome = await api.call('catalog.changes', changesAsked(before?.kept ?? null));
    // Changes for a catalog not held here (another store) cannot be applied: take it whole.
    if (outcome.ok && !outcome.result.whole && before?.kept.store !== outcome.result.store) outcome = await api.call('catalog.changes', {});
    performance.mark('balcao.catalog.received');
    if (!outcome.ok) return setError(outcome.error.message);
    const after = afterReply(before, outcome.result);
    held.current = after;
    setError(null);
    if (before && after.kept.version === before.kept.version && shown.current) return;
    setCatalog(prepareCatalog(after.snapshot));
    shown.current = true;
    performance.mark('balcao.catalog.prepared');
    if (after.kept.version !== before?.kept.version || after.kept.changes.length === 0) afterPaint(() => void writeKeptCatalog(after.kept));
  }, []);

  // One load at a time: a change arriving during a load is applied over its result, never beside it.
  const load = useCallback(() => {
    queue.current = queue.current.then(includeInactive ? loadSnapshot : loadChanges);
    return queue.current;
  }, [includeInactive, loadSnapshot, loadChanges]);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['catalog.changed'], () => void load(), 250);

  return { catalog, error, reload: load };
}
