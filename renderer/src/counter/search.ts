/**
 * The counter's product search, done on the terminal over the catalog it loaded once: typing never
 * waits on the disk or the network. Pure TypeScript (no DOM, no React), so it is tested under Node.
 *
 * Built for big catalogs (50,000 products): every product's folded key (name, code and barcode without
 * accents, lower case) is computed once when the catalog arrives; a keystroke is one plain loop of
 * `indexOf` over those strings, and only the first `limit` results are kept for the screen.
 */

export interface SearchableProduct {
  id: string;
  name: string;
  code: string;
  barcode: string | null;
  categoryId: string | null;
}

/** Folds case and accents, like the core does: "Pão de Queijo" → "pao de queijo". */
export function foldText(text: string): string {
  // Most names are plain ASCII: skip the Unicode work for them (it dominates indexing 50,000 products).
  const folded = /[^\x20-\x7e]/.test(text) ? text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('pt-BR') : text.toLowerCase();
  return folded.replace(/\s+/g, ' ').trim();
}

export interface SearchIndex<P extends SearchableProduct> {
  readonly products: readonly P[];
  /** Folded "name code barcode", one per product, same order. */
  readonly keys: readonly string[];
  /** Folded name, one per product, for ranking names that start with the query first. */
  readonly names: readonly string[];
  readonly byCode: ReadonlyMap<string, P>;
  readonly byBarcode: ReadonlyMap<string, P>;
}

/** What folding needs of each product, one array per field (cheap to send to a worker). */
export interface FoldedColumns {
  names: readonly string[];
  codes: readonly string[];
  barcodes: readonly (string | null)[];
}

export interface FoldedKeys {
  /** Folded "name code barcode", one per product. */
  keys: string[];
  /** Folded names, one per product. */
  names: string[];
}

export const foldingColumns = (products: readonly SearchableProduct[]): FoldedColumns => ({
  names: products.map((p) => p.name),
  codes: products.map((p) => p.code),
  barcodes: products.map((p) => p.barcode),
});

/** The folded texts a search compares, one per product in the same order: nearly all of indexing's cost. */
export function foldedKeys({ names: rawNames, codes, barcodes }: FoldedColumns): FoldedKeys {
  const keys = new Array<string>(rawNames.length);
  const names = new Array<string>(rawNames.length);
  for (let i = 0; i < rawNames.length; i += 1) {
    const name = foldText(rawNames[i]!);
    const barcode = barcodes[i];
    names[i] = name;
    keys[i] = `${name} ${codes[i]!.toLowerCase()}${barcode ? ` ${barcode}` : ''}`;
  }
  return { keys, names };
}

/** The index over products whose folded texts were made already (by foldedKeys). */
export function indexWithKeys<P extends SearchableProduct>(products: readonly P[], { keys, names }: FoldedKeys): SearchIndex<P> {
  const byCode = new Map<string, P>();
  const byBarcode = new Map<string, P>();
  for (const product of products) {
    byCode.set(product.code.toUpperCase(), product);
    if (product.barcode) byBarcode.set(product.barcode, product);
  }
  return { products, keys, names, byCode, byBarcode };
}

export function buildSearchIndex<P extends SearchableProduct>(products: readonly P[]): SearchIndex<P> {
  return indexWithKeys(products, foldedKeys(foldingColumns(products)));
}

/** A category's products in catalog order (the tiles shown with nothing typed): needs no index. */
export function categoryProducts<P extends SearchableProduct>(products: readonly P[], categoryId: string, limit: number): SearchResult<P> {
  const results: P[] = [];
  let total = 0;
  for (const product of products) {
    if (product.categoryId !== categoryId) continue;
    total += 1;
    if (results.length < limit) results.push(product);
  }
  return { results, total };
}

/** "3*pao" or "3 * pao": a quantity typed before the product (as on most Brazilian POS); else 1. */
export function splitQuantity(query: string): { quantity: number; text: string } {
  const match = /^\s*(\d{1,3})\s*\*\s*(.*)$/.exec(query);
  if (!match) return { quantity: 1, text: query };
  const quantity = Number(match[1]);
  if (quantity < 1) return { quantity: 1, text: query };
  return { quantity, text: match[2] ?? '' };
}

/** The product whose code or barcode is exactly the text typed (what a barcode reader sends). */
export function exactMatch<P extends SearchableProduct>(index: SearchIndex<P>, text: string): P | null {
  const typed = text.trim();
  if (!typed) return null;
  if (/^\d{13}$/.test(typed)) {
    const byBarcode = index.byBarcode.get(typed);
    if (byBarcode) return byBarcode;
  }
  return index.byCode.get(typed.toUpperCase()) ?? null;
}

/** A 13-digit barcode that names a product: the counter adds it without waiting for Enter. */
export function barcodeMatch<P extends SearchableProduct>(index: SearchIndex<P>, text: string): P | null {
  const typed = text.trim();
  return /^\d{13}$/.test(typed) ? (index.byBarcode.get(typed) ?? null) : null;
}

/** The query starts one of the name's words ("queijo" in "pao de queijo", "burger" in "x-burger"). */
function startsAWord(name: string, query: string): boolean {
  let at = name.indexOf(query, 1);
  while (at > 0) {
    const before = name.charCodeAt(at - 1);
    // A space, a hyphen, a slash or an opening parenthesis ends the word before.
    if (before === 32 || before === 45 || before === 47 || before === 40) return true;
    at = name.indexOf(query, at + 1);
  }
  return false;
}

export interface SearchResult<P> {
  /** At most `limit` products, best first: exact code or barcode, names that start with the query, names with a word that starts with it, then the rest. */
  results: P[];
  /** How many products matched in all (more than results.length when capped). */
  total: number;
}

export interface SearchOptions {
  limit?: number;
  /** Only products of this category. */
  categoryId?: string | null;
}

/**
 * Every word typed must appear in the product's name, code or barcode (in any order, accents and
 * case ignored). An empty query matches nothing unless a category is chosen (then: that category).
 */
export function searchProducts<P extends SearchableProduct>(index: SearchIndex<P>, query: string, options: SearchOptions = {}): SearchResult<P> {
  const limit = options.limit ?? 40;
  const categoryId = options.categoryId ?? null;
  const folded = foldText(query);
  const words = folded ? folded.split(' ') : [];
  if (!words.length) return categoryId ? categoryProducts(index.products, categoryId, limit) : { results: [], total: 0 };

  const exact = folded ? exactMatch(index, query) : null;
  const first: P[] = [];
  const starts: P[] = [];
  const wordStarts: P[] = [];
  const rest: P[] = [];
  let total = 0;
  const { products, keys, names } = index;
  const count = products.length;
  outer: for (let i = 0; i < count; i += 1) {
    const product = products[i]!;
    if (categoryId && product.categoryId !== categoryId) continue;
    const key = keys[i]!;
    for (let w = 0; w < words.length; w += 1) {
      if (key.indexOf(words[w]!) === -1) continue outer;
    }
    total += 1;
    if (product === exact) first.push(product);
    else if (names[i]!.startsWith(folded)) {
      if (starts.length < limit) starts.push(product);
    } else if (startsAWord(names[i]!, folded)) {
      if (wordStarts.length < limit) wordStarts.push(product);
    } else if (rest.length < limit) rest.push(product);
  }
  const results = first.concat(starts, wordStarts, rest);
  if (results.length > limit) results.length = limit;
  return { results, total };
}
