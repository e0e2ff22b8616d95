// The .js extensions let Node's tests (tsconfig.json, NodeNext) type-check this pure module too.
import type { CatalogChanges, CompactProducts, ProductView } from '../../../src/models/catalog.js';
import { compareNames } from '../format.js';
import type { Snapshot } from './cart.js';

/**
 * The counter's catalog as kept between loads: the last whole catalog from the core and the changes
 * that came after it, applied in order on load. Pure TypeScript (no DOM): tested under Node.
 */
export interface KeptCatalog {
  /** The kept form: a catalog kept in an older form is thrown away. */
  form: number;
  /** The app build that kept it: another build fetches the catalog whole again. */
  build: string;
  store: string;
  version: number;
  whole: CatalogChanges;
  changes: CatalogChanges[];
}

/** Moves forward whenever KeptCatalog or CompactProducts change shape. */
export const KEPT_FORM = 1;
/** Past this many kept changes, the next load asks for the whole catalog (one read instead of many merges). */
export const MAX_KEPT_CHANGES = 30;

const NONE: string[] = [];
const NO_SLOTS: ProductView['comboSlots'] = [];

/** The products of the compact form, in its order, as the screens use them. */
export function decodeProducts(compact: CompactProducts): ProductView[] {
  const combos = new Set(compact.combos);
  const soldOut = new Set(compact.soldOut);
  const { id, name, code, barcode, price, category, categoryIds, station, stations } = compact;
  const products = new Array<ProductView>(id.length);
  for (let at = 0; at < id.length; at += 1) {
    const categoryAt = category[at]!;
    const stationAt = station[at]!;
    products[at] = {
      id: id[at]!,
      name: name[at]!,
      code: code[at]!,
      barcode: barcode[at] ?? null,
      price: price[at]!,
      categoryId: categoryAt >= 0 ? categoryIds[categoryAt]! : null,
      kind: combos.has(at) ? 'combo' : 'simple',
      station: stationAt >= 0 ? stations[stationAt]! : null,
      active: true,
      soldOut: soldOut.has(at),
      modifierGroupIds: NONE,
      comboSlots: NO_SLOTS,
    };
  }
  for (const extra of compact.extras) {
    const product = products[extra.at];
    if (product) Object.assign(product, { modifierGroupIds: extra.modifierGroupIds, comboSlots: extra.comboSlots });
  }
  return products;
}

/** The core's product order (src/database/queries/catalog.ts): pt-BR name, then id for equal names. */
const productOrder = (a: ProductView, b: ProductView): number => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The products after a reply of `catalog.changes`: the changed ones take their place in name order, the removed ones leave. */
export function applyChanges(products: readonly ProductView[], changes: CatalogChanges): ProductView[] {
  const changed = decodeProducts(changes.products);
  if (changes.whole) return changed;
  if (!changed.length && !changes.removed.length) return products as ProductView[];
  const leaving = new Set(changes.removed);
  for (const product of changed) leaving.add(product.id);
  const merged: ProductView[] = [];
  let next = 0;
  for (const product of products) {
    if (leaving.has(product.id)) continue;
    while (next < changed.length && productOrder(changed[next]!, product) < 0) merged.push(changed[next++]!);
    merged.push(product);
  }
  while (next < changed.length) merged.push(changed[next++]!);
  return merged;
}

/** What is kept after a reply: a whole catalog starts over, changes are added to what was kept. */
export function keepChanges(kept: KeptCatalog | null, changes: CatalogChanges, build: string): KeptCatalog {
  if (changes.whole || !kept) return { form: KEPT_FORM, build, store: changes.store, version: changes.version, whole: changes, changes: [] };
  return { ...kept, version: changes.version, changes: [...kept.changes, changes] };
}

/** The catalog a kept one holds, or null when it cannot be trusted: another form or build, or not the shape kept. */
export function keptSnapshot(kept: unknown, build: string): { kept: KeptCatalog; snapshot: Snapshot } | null {
  if (!isKeptCatalog(kept) || kept.form !== KEPT_FORM || kept.build !== build) return null;
  let products = decodeProducts(kept.whole.products);
  for (const changes of kept.changes) products = applyChanges(products, changes);
  const last = kept.changes.at(-1) ?? kept.whole;
  return { kept, snapshot: { categories: last.categories, modifierGroups: last.modifierGroups, products } };
}

/** The arguments of the next `catalog.changes`: since the version kept, unless only the whole catalog will do. */
export const changesAsked = (kept: KeptCatalog | null): { store?: string; since?: number } =>
  kept && kept.changes.length < MAX_KEPT_CHANGES ? { store: kept.store, since: kept.version } : {};

function isKeptCatalog(value: unknown): value is KeptCatalog {
  if (typeof value !== 'object' || value === null) return false;
  const kept = value as Partial<KeptCatalog>;
  return (
    typeof kept.store === 'string' &&
    typeof kept.version === 'number' &&
    Array.isArray(kept.changes) &&
    [kept.whole, ...kept.changes].every((changes) => isChanges(changes) && changes.store === kept.store)
  );
}

/** Every field array as long as the ids: a half-written or damaged entry never reaches the screen. */
function isChanges(value: unknown): value is CatalogChanges {
  if (typeof value !== 'object' || value === null) return false;
  const changes = value as Partial<CatalogChanges>;
  const products = changes.products;
  if (!Array.isArray(changes.categories) || !Array.isArray(changes.modifierGroups) || !Array.isArray(changes.removed) || !products) return false;
  const count = Array.isArray(products.id) ? products.id.length : -1;
  return (
    count >= 0 &&
    [products.name, products.code, products.barcode, products.price, products.category, products.station].every((field) => Array.isArray(field) && field.length === count) &&
    [products.categoryIds, products.stations, products.combos, products.soldOut, products.extras].every(Array.isArray)
  );
}
