// The .js extensions let Node's tests (tsconfig.json, NodeNext) type-check this pure module too.
import type { CategoryView, ModifierGroupView, ProductView } from '../../../src/models/catalog.js';
import type { Discount } from '../../../src/models/money.js';
import type { OrderLineInput, OrderType } from '../../../src/models/orders.js';

/**
 * The cart and its prices, mirrored from the core (src/utils/money.ts, src/services/orders/pricing.ts)
 * so the total on screen is the total the core will charge. The core prices the order again and
 * is the one that counts; this module only keeps the screen honest. Pure TypeScript.
 */

export interface ComboChoice {
  slotId: string;
  productId: string;
  /** The chosen product's own modifiers ("Ponto da carne" of the burger inside the combo). */
  modifierOptionIds: string[];
}

export interface CartLine {
  /** Made on the terminal when the line is added, resent as is on a retry. */
  id: string;
  productId: string;
  quantity: number;
  modifierOptionIds: string[];
  comboChoices: ComboChoice[];
  notes: string;
  discount: Discount | null;
}

export interface Cart {
  /** The id the order will have: made when the cart starts, so a retried sale is stored once. */
  orderId: string;
  type: OrderType;
  customerName: string;
  pager: string;
  lines: CartLine[];
  discount: Discount | null;
}

export interface Snapshot {
  categories: CategoryView[];
  products: ProductView[];
  modifierGroups: ModifierGroupView[];
}

export interface CatalogMaps {
  products: Map<string, ProductView>;
  groups: Map<string, ModifierGroupView>;
  options: Map<string, { groupId: string; name: string; priceDelta: number }>;
  categories: Map<string, CategoryView>;
}

export function catalogMaps(snapshot: Snapshot): CatalogMaps {
  const options = new Map<string, { groupId: string; name: string; priceDelta: number }>();
  for (const group of snapshot.modifierGroups) {
    for (const option of group.options) if (option.active) options.set(option.id, { groupId: group.id, name: option.name, priceDelta: option.priceDelta });
  }
  let products: Map<string, ProductView> | undefined;
  return {
    // Tens of thousands of products: the map is made when a line first needs it, not before the counter shows.
    get products() {
      return (products ??= new Map(snapshot.products.map((p) => [p.id, p])));
    },
    groups: new Map(snapshot.modifierGroups.map((g) => [g.id, g])),
    options,
    categories: new Map(snapshot.categories.map((c) => [c.id, c])),
  };
}

// ---------- The core's money rules (src/utils/money.ts), repeated ----------

/** A percentage (basis points) of centavos, rounded half up. */
export const percentOf = (centavos: number, basisPoints: number): number => Math.floor((centavos * basisPoints + 5000) / 10_000);

/** The centavos a discount takes off a base, never more than the base. */
export function discountAmount(base: number, discount: Discount | null | undefined): number {
  if (!discount) return 0;
  const amount = discount.kind === 'percent' ? percentOf(base, discount.value) : discount.value;
  return Math.min(amount, base);
}

// ---------- Lines ----------

/** The groups a product asks for, in the product's order, leaving out inactive ones (as the core does). */
export function productGroups(catalog: CatalogMaps, product: ProductView): ModifierGroupView[] {
  return product.modifierGroupIds.map((id) => catalog.groups.get(id)).filter((g): g is ModifierGroupView => Boolean(g?.active));
}

/** A product that opens the options dialog: it has modifier groups or combo slots. */
export const hasOptions = (catalog: CatalogMaps, product: ProductView): boolean =>
  product.comboSlots.length > 0 || productGroups(catalog, product).length > 0;

export interface PricedLine {
  line: CartLine;
  name: string;
  unitPrice: number;
  gross: number;
  discount: number;
  total: number;
  modifiers: { name: string; priceDelta: number }[];
  /** Each chosen product; its price difference includes its own modifiers. */
  combo: { slotName: string; productName: string; priceDelta: number; modifiers: string[] }[];
}

const modifiersOf = (catalog: CatalogMaps, optionIds: readonly string[]) =>
  optionIds.flatMap((id) => {
    const option = catalog.options.get(id);
    return option ? [{ name: option.name, priceDelta: option.priceDelta }] : [];
  });

export function priceLine(catalog: CatalogMaps, line: CartLine): PricedLine {
  const product = catalog.products.get(line.productId);
  const modifiers = modifiersOf(catalog, line.modifierOptionIds);
  const combo = (product?.comboSlots ?? []).flatMap((slot) => {
    const choice = line.comboChoices.find((c) => c.slotId === slot.id);
    const option = choice && slot.options.find((o) => o.productId === choice.productId);
    if (!choice || !option) return [];
    const own = modifiersOf(catalog, choice.modifierOptionIds);
    return [
      {
        slotName: slot.name,
        productName: catalog.products.get(option.productId)?.name ?? '?',
        priceDelta: option.priceDelta + own.reduce((s, m) => s + m.priceDelta, 0),
        modifiers: own.map((m) => m.name),
      },
    ];
  });
  const unitPrice = (product?.price ?? 0) + modifiers.reduce((s, m) => s + m.priceDelta, 0) + combo.reduce((s, c) => s + c.priceDelta, 0);
  const gross = unitPrice * line.quantity;
  const discount = discountAmount(gross, line.discount);
  return { line, name: product?.name ?? '?', unitPrice, gross, discount, total: gross - discount, modifiers, combo };
}

export interface CartPricing {
  lines: PricedLine[];
  /** Sum of the lines after their own discounts. */
  subtotal: number;
  orderDiscount: number;
  /** Line discounts plus the order's discount. */
  discounts: number;
  total: number;
}

export function priceCart(catalog: CatalogMaps, cart: Pick<Cart, 'lines' | 'discount'>): CartPricing {
  const lines = cart.lines.map((line) => priceLine(catalog, line));
  const subtotal = lines.reduce((sum, l) => sum + l.total, 0);
  const orderDiscount = discountAmount(subtotal, cart.discount);
  const discounts = lines.reduce((sum, l) => sum + l.discount, 0) + orderDiscount;
  return { lines, subtotal, orderDiscount, discounts, total: subtotal - orderDiscount };
}

// ---------- Options (modifiers and combo slots) ----------

/** A group's problem names the chosen product of a combo it belongs to, if any. */
export type OptionProblem =
  | { kind: 'slot'; name: string }
  | { kind: 'min'; name: string; min: number; product?: string }
  | { kind: 'max'; name: string; max: number; product?: string }
  | { kind: 'belowZero'; name: string; price: number; cuts: { name: string; priceDelta: number }[] };

function groupProblems(catalog: CatalogMaps, product: ProductView, modifierOptionIds: readonly string[], inCombo: boolean): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const of = inCombo ? { product: product.name } : {};
  for (const group of productGroups(catalog, product)) {
    const picked = modifierOptionIds.filter((id) => catalog.options.get(id)?.groupId === group.id).length;
    if (picked < group.minChoices) problems.push({ kind: 'min', name: group.name, min: group.minChoices, ...of });
    if (picked > group.maxChoices) problems.push({ kind: 'max', name: group.name, max: group.maxChoices, ...of });
  }
  return problems;
}

/**
 * What still stops the line from being sold: a combo slot not chosen, a group below its minimum or
 * above its maximum, the product's own or a chosen product's inside the combo (as the core checks).
 */
export function optionProblems(catalog: CatalogMaps, product: ProductView, modifierOptionIds: readonly string[], comboChoices: readonly ComboChoice[]): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const slot of product.comboSlots) {
    const choice = comboChoices.find((c) => c.slotId === slot.id);
    const chosen = choice && slot.options.some((o) => o.productId === choice.productId) ? catalog.products.get(choice.productId) : undefined;
    if (!choice || !chosen) problems.push({ kind: 'slot', name: slot.name });
    else problems.push(...groupProblems(catalog, chosen, choice.modifierOptionIds, true));
  }
  problems.push(...groupProblems(catalog, product, modifierOptionIds, false));
  const priced = priceLine(catalog, { id: '', productId: product.id, quantity: 1, modifierOptionIds: [...modifierOptionIds], comboChoices: [...comboChoices], notes: '', discount: null });
  if (priced.unitPrice < 0) {
    const cuts = [...priced.modifiers, ...priced.combo.map((c) => ({ name: c.productName, priceDelta: c.priceDelta }))].filter((cut) => cut.priceDelta < 0);
    problems.push({ kind: 'belowZero', name: product.name, price: priced.unitPrice, cuts });
  }
  return problems;
}

/**
 * Toggles an option in its group: a group of one choice works like radio buttons (the new choice
 * replaces the old one); a group of many never goes above its maximum.
 */
export function toggleOption(catalog: CatalogMaps, group: ModifierGroupView, chosen: readonly string[], optionId: string): string[] {
  if (chosen.includes(optionId)) return chosen.filter((id) => id !== optionId);
  const inGroup = chosen.filter((id) => catalog.options.get(id)?.groupId === group.id);
  if (group.maxChoices === 1) return [...chosen.filter((id) => !inGroup.includes(id)), optionId];
  if (inGroup.length >= group.maxChoices) return [...chosen];
  return [...chosen, optionId];
}

// ---------- To the core ----------

/** The cart's lines as `orders.create` and `orders.addLines` take them (empty fields left out). */
export function toOrderLines(lines: readonly CartLine[]): OrderLineInput[] {
  return lines.map((line) => ({
    id: line.id,
    productId: line.productId,
    quantity: line.quantity,
    ...(line.modifierOptionIds.length ? { modifierOptionIds: line.modifierOptionIds } : {}),
    ...(line.comboChoices.length
      ? { comboChoices: line.comboChoices.map(({ slotId, productId, modifierOptionIds }) => ({ slotId, productId, ...(modifierOptionIds.length ? { modifierOptionIds } : {}) })) }
      : {}),
    ...(line.notes.trim() ? { notes: line.notes.trim() } : {}),
    ...(line.discount && line.discount.value > 0 ? { discount: line.discount } : {}),
  }));
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Two lines that would be the same on the ticket: the counter adds quantity instead of a new line. */
export const sameItem = (a: Omit<CartLine, 'id' | 'quantity'>, b: Omit<CartLine, 'id' | 'quantity'>): boolean =>
  a.productId === b.productId &&
  a.notes.trim() === b.notes.trim() &&
  !a.discount &&
  !b.discount &&
  sameIds(a.modifierOptionIds, b.modifierOptionIds) &&
  a.comboChoices.length === b.comboChoices.length &&
  a.comboChoices.every((c) => b.comboChoices.some((d) => d.slotId === c.slotId && d.productId === c.productId && sameIds(c.modifierOptionIds, d.modifierOptionIds)));

const isString = (value: unknown): value is string => typeof value === 'string';
const isDiscount = (value: unknown): value is Discount =>
  typeof value === 'object' &&
  value !== null &&
  ((value as Discount).kind === 'percent' || (value as Discount).kind === 'amount') &&
  Number.isInteger((value as Discount).value);

/**
 * The cart without one line. The last line gone means the customer left: their name, pager,
 * discount and order type go too, so none of it lands on the next customer's order.
 */
export function withoutLine(cart: Cart, lineId: string): Cart {
  const lines = cart.lines.filter((line) => line.id !== lineId);
  if (lines.length > 0) return { ...cart, lines };
  return { ...cart, lines, type: 'balcao', customerName: '', pager: '', discount: null };
}

/** A cart read back from storage or from `orders.recall`: checked field by field, never trusted. */
export function readCart(value: unknown): Cart | null {
  if (typeof value !== 'object' || value === null) return null;
  const cart = value as Record<string, unknown>;
  if (!isString(cart.orderId) || !Array.isArray(cart.lines)) return null;
  const type = cart.type === 'viagem' || cart.type === 'comanda' ? cart.type : 'balcao';
  const lines: CartLine[] = [];
  for (const raw of cart.lines as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return null;
    const line = raw as Record<string, unknown>;
    if (!isString(line.id) || !isString(line.productId) || !Number.isInteger(line.quantity)) return null;
    lines.push({
      id: line.id,
      productId: line.productId,
      quantity: Math.min(999, Math.max(1, line.quantity as number)),
      modifierOptionIds: Array.isArray(line.modifierOptionIds) ? line.modifierOptionIds.filter(isString) : [],
      comboChoices: Array.isArray(line.comboChoices)
        ? (line.comboChoices as unknown[])
            .filter((c): c is ComboChoice => typeof c === 'object' && c !== null && isString((c as ComboChoice).slotId) && isString((c as ComboChoice).productId))
            .map(({ slotId, productId, modifierOptionIds }) => ({
              slotId,
              productId,
              modifierOptionIds: Array.isArray(modifierOptionIds) ? modifierOptionIds.filter(isString) : [],
            }))
        : [],
      notes: isString(line.notes) ? line.notes : '',
      discount: isDiscount(line.discount) ? line.discount : null,
    });
  }
  return {
    orderId: cart.orderId,
    type,
    customerName: isString(cart.customerName) ? cart.customerName : '',
    pager: isString(cart.pager) ? cart.pager : '',
    lines,
    discount: isDiscount(cart.discount) ? cart.discount : null,
  };
}
