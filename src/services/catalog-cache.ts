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
import { sql } from '../database/statements.js';
import type { CatalogChanges } from '../models/catalog.js';
import { wholeCatalog } from './catalog/compact-catalog.js';

export interface RecipeItem {
  itemId: string;
  quantity: number;
}

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
  private readonly wholeCatalogs = new Map<string, Readonly<CatalogChanges>>();
  private readonly recipes = new Map<string, readonly RecipeItem[]>();
  private readonly modifierRecipes = new Map<string, readonly RecipeItem[]>();

  /** What one unit of a product takes from stock (empty when it has no recipe). */
  recipeOf(db: Db, productId: string): readonly RecipeItem[] {
    return remember(this.recipes, productId, () =>
      sql<[string], RecipeItem>(db, 'SELECT item_id AS itemId, quantity FROM recipes WHERE product_id = ?').all(productId),
    );
  }

  /** What a modifier adds (+) or removes (−). */
  modifierRecipeOf(db: Db, optionId: string): readonly RecipeItem[] {
    return remember(this.modifierRecipes, optionId, () =>
      sql<[string], RecipeItem>(db, 'SELECT item_id AS itemId, quantity FROM modifier_recipes WHERE option_id = ?').all(optionId),
    );
  }

  /** Recipes changed (recipes.save / saveModifier): the rest of the catalog stays. */
  forgetRecipes(): void {
    this.recipes.clear();
    this.modifierRecipes.clear();
  }

  /** The whole catalog for the screens: the same object until the catalog changes, so its JSON can be reused too. */
  snapshot(db: Db, includeInactive: boolean): ReturnType<typeof catalogSnapshot> {
    let snapshot = this.snapshots.get(includeInactive);
    if (!snapshot) {
      snapshot = Object.freeze(catalogSnapshot(db, includeInactive));
      this.snapshots.set(includeInactive, snapshot);
    }
    return snapshot;
  }

  /** The counter's whole compact catalog, frozen like the snapshot so its JSON is made once per catalog. */
  whole(db: Db, store: string): Readonly<CatalogChanges> {
    let whole = this.wholeCatalogs.get(store);
    if (!whole) {
      whole = Object.freeze(wholeCatalog(db, store));
      this.wholeCatalogs.set(store, whole);
    }
    return whole;
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
    this.forgetRecipes();
    this.snapshots.clear();
    this.wholeCatalogs.clear();
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
