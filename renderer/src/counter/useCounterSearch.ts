import { useMemo, useState } from 'react';
import type { ProductView } from '../../../src/models/catalog';
import { categoryProducts, searchProducts, splitQuantity } from './search';
import type { LoadedCatalog } from './useCatalog';

const RESULT_LIMIT = 40;
const CATEGORY_LIMIT = 60;

/** What is typed in the counter's search ("3*x-salada" is three of it) and the tiles or results it shows. */
export function useCounterSearch(catalog: LoadedCatalog | null) {
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const { quantity: typedQuantity, text: typedText } = splitQuantity(query);
  // With nothing typed, the tiles of a category are on screen for touch: the one tapped, else the first.
  const shownCategory = categoryId ?? catalog?.snapshot.categories[0]?.id ?? null;
  const searching = typedText.trim().length > 0;
  const search = useMemo(() => {
    if (!catalog) return { results: [] as ProductView[], total: 0 };
    if (searching) return searchProducts(catalog.index, typedText, { limit: RESULT_LIMIT });
    if (shownCategory) return categoryProducts(catalog.snapshot.products, shownCategory, CATEGORY_LIMIT);
    return { results: [] as ProductView[], total: 0 };
  }, [catalog, searching, typedText, shownCategory]);

  return { query, setQuery, highlight, setHighlight, categoryId, setCategoryId, typedQuantity, typedText, shownCategory, searching, search };
}
