import type { Db } from '../database/connection.js';
import {
  catalogSnapshot,
  comboSlots,
  findOption,
  findProduct,
  productGroups,
  type GroupRule,
  type OptionRecord,
  type ProductRecord,
  type SlotRecord,
} from '../database/queries/catalog.js';

/**
 * The catalog as the sale path reads it, remembered between sales: every sale asks for the same few
 * products. Forgotten whole whenever the catalog changes (the `catalog.changed` event).
 */
export class CatalogCache {
  private readonly products = new Map<string, ProductRecord | null>();
  private readonly groups = new Map<string, GroupRule[]>();
  private readonly options = new Map<string, OptionRecord | null>();
  private readonly slots = new Map<string, SlotRecord[]>();
  private readonly snapshots = new Map<boolean, ReturnType<typeof catalogSnapshot>>();

  /** The whole catalog for the screens: the same object until the catalog changes, so its JSON can be reused too. */
  snapshot(db: Db, includeInactive: boolean): ReturnType<typeof catalogSnapshot> {
    let snapshot = this.snapshots.get(includeInactive);
    if (!snapshot) {
      snapshot = Object.freeze(catalogSnapshot(db, includeInactive));
      this.snapshots.set(includeInactive, snapshot);
    }
    return snapshot;
  }

  product(db: Db, id: string): ProductRecord | undefined {
    return remember(this.products, id, () => findProduct(db, id) ?? null) ?? undefined;
  }

  groupsOf(db: Db, productId: string): GroupRule[] {
    return remember(this.groups, productId, () => productGroups(db, productId));
  }

  option(db: Db, id: string): OptionRecord | undefined {
    return remember(this.options, id, () => findOption(db, id) ?? null) ?? undefined;
  }

  slotsOf(db: Db, comboId: string): SlotRecord[] {
    return remember(this.slots, comboId, () => comboSlots(db, comboId));
  }

  clear(): void {
    this.snapshots.clear();
    this.products.clear();
    this.groups.clear();
    this.options.clear();
    this.slots.clear();
  }
}

function remember<V>(map: Map<string, V>, key: string, load: () => V): V {
  if (map.has(key)) return map.get(key)!;
  const value = load();
  map.set(key, value);
  return value;
}
