import { useCallback, useEffect, useState } from 'react';
import type { ProductView } from '../../../src/models/catalog';
import { api } from '../api';
import { useLiveRefresh } from '../hooks/useLive';
import { catalogMaps, type CatalogMaps, type Snapshot } from './cart';
import { buildSearchIndex, type SearchIndex } from './search';

export interface LoadedCatalog {
  snapshot: Snapshot;
  maps: CatalogMaps;
  index: SearchIndex<ProductView>;
}

/** Builds the maps and the search index once per catalog (not per keystroke). */
export function prepareCatalog(snapshot: Snapshot): LoadedCatalog {
  return { snapshot, maps: catalogMaps(snapshot), index: buildSearchIndex(snapshot.products) };
}

/**
 * The catalog, loaded once and loaded again when another screen or terminal changes it
 * (`catalog.changed`). The counter searches it on the terminal.
 */
export function useCatalog(includeInactive = false) {
  const [catalog, setCatalog] = useState<LoadedCatalog | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await api.call('catalog.snapshot', includeInactive ? { includeInactive: true } : {});
    if (outcome.ok) {
      setCatalog(prepareCatalog(outcome.result));
      setError(null);
    } else setError(outcome.error.message);
  }, [includeInactive]);

  useEffect(() => {
    void load();
  }, [load]);
  useLiveRefresh(['catalog.changed'], () => void load(), 250);

  return { catalog, error, reload: load };
}
