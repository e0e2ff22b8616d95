import type { Db } from '../../database/connection.js';
import { activeProductsChangedSince, catalogCategories, catalogFloor, catalogModifierGroups, catalogSnapshot, catalogVersion, productIdsChangedSince } from '../../database/queries/catalog.js';
import type { CatalogChanges, CompactProducts, ProductView } from '../../models/catalog.js';

/** Past this many products changed, the whole catalog costs the counter less than merging them. */
const MAX_CHANGED_PRODUCTS = 5_000;

/** Products, in their order, as one array per field (see CompactProducts). */
export function compactProducts(products: readonly ProductView[]): CompactProducts {
  const compact: CompactProducts = { id: [], name: [], code: [], barcode: [], price: [], combos: [], soldOut: [], categoryIds: [], category: [], stations: [], station: [], extras: [] };
  const categoryAt = new Map<string, number>();
  const stationAt = new Map<string, number>();
  const positionIn = (positions: Map<string, number>, list: string[], value: string | null) => {
    if (value === null) return -1;
    let at = positions.get(value);
    if (at === undefined) positions.set(value, (at = list.push(value) - 1));
    return at;
  };
  products.forEach((product, at) => {
    compact.id.push(product.id);
    compact.name.push(product.name);
    compact.code.push(product.code);
    compact.barcode.push(product.barcode);
    compact.price.push(product.price);
    if (product.kind === 'combo') compact.combos.push(at);
    if (product.soldOut) compact.soldOut.push(at);
    compact.category.push(positionIn(categoryAt, compact.categoryIds, product.categoryId));
    compact.station.push(positionIn(stationAt, compact.stations, product.station));
    if (product.modifierGroupIds.length || product.comboSlots.length) compact.extras.push({ at, modifierGroupIds: product.modifierGroupIds, comboSlots: product.comboSlots });
  });
  return compact;
}

/** The whole active catalog at its version, read together so the version always matches the products. */
export function wholeCatalog(db: Db, store: string): CatalogChanges {
  const version = catalogVersion(db);
  const { categories, modifierGroups, products } = catalogSnapshot(db, false);
  return { store, version, whole: true, categories, modifierGroups, products: compactProducts(products), removed: [] };
}

/** What changed since a version the counter kept; null when only the whole catalog will do. */
export function catalogChangesSince(db: Db, store: string, since: number): CatalogChanges | null {
  const version = catalogVersion(db);
  // A version from the future belongs to a copy of the database this one is not; one from before the
  // floor, to a time before a restore (or before versions were kept).
  if (since > version || since < catalogFloor(db)) return null;
  const changed = productIdsChangedSince(db, since);
  if (changed.length > MAX_CHANGED_PRODUCTS) return null;
  const products = activeProductsChangedSince(db, since);
  const active = new Set(products.map((product) => product.id));
  const categories = catalogCategories(db, false);
  const modifierGroups = catalogModifierGroups(db, false);
  return { store, version, whole: false, categories, modifierGroups, products: compactProducts(products), removed: changed.filter((id) => !active.has(id)) };
}
