import type { Db } from '../../database/connection.js';
import { activeGroupOptions, comboSlots, findProduct, productGroups } from '../../database/queries/catalog.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { formatBRL } from '../../utils/format.js';

export interface PriceCut {
  /** A modifier option's id, or a combo slot's. */
  id: string;
  name: string;
  priceDelta: number;
}

export interface PriceChoices {
  price: number;
  groups: { maxChoices: number; options: PriceCut[] }[];
  /** Each combo slot takes exactly one of its options. */
  slots: PriceCut[][];
}

/**
 * The cheapest a line of a product can be made: its price with the largest discounts the counter lets
 * a cashier pick together (up to each group's maximum of its most negative options, and the cheapest
 * option of every combo slot), and those choices.
 */
export function lowestPrice({ price, groups, slots }: PriceChoices): { price: number; cuts: PriceCut[] } {
  const cuts: PriceCut[] = [];
  for (const group of groups) {
    const negative = group.options.filter((o) => o.priceDelta < 0).sort((a, b) => a.priceDelta - b.priceDelta);
    cuts.push(...negative.slice(0, group.maxChoices));
  }
  for (const slot of slots) {
    const cheapest = slot.reduce<PriceCut | undefined>((low, option) => (!low || option.priceDelta < low.priceDelta ? option : low), undefined);
    if (cheapest && cheapest.priceDelta < 0) cuts.push(cheapest);
  }
  return { price: cuts.reduce((sum, cut) => sum + cut.priceDelta, price), cuts };
}

/** "Aveia (-R$ 20,00)", the way a person checks a modifier and what it takes off. */
export const describeCut = (cut: { name: string; priceDelta: number }) => `${cut.name} (${formatBRL(cut.priceDelta)})`;

/** A product's choices as the catalog holds them now, inside the caller's transaction. */
function choicesOf(tx: Db, productId: string, price: number): PriceChoices {
  return {
    price,
    groups: productGroups(tx, productId).map((group) => ({ maxChoices: group.maxChoices, options: activeGroupOptions(tx, group.id) })),
    slots: comboSlots(tx, productId).map((slot) => [...slot.options].map(([id, priceDelta]) => ({ id: slot.id, name: `${slot.name}: ${findProduct(tx, id)?.name ?? ''}`, priceDelta }))),
  };
}

/**
 * Refuses a catalog where some line of an active product could cost less than zero (a R$ 20,00
 * discount on a R$ 11,00 coffee), naming the product and the choices that take it there. `fieldFor`
 * says which input field the cuts point to.
 */
export function requireLinesAboveZero(tx: Db, productIds: Iterable<string>, fieldFor: (cuts: PriceCut[]) => string): void {
  for (const productId of productIds) {
    const product = findProduct(tx, productId);
    if (!product?.active) continue;
    const lowest = lowestPrice(choicesOf(tx, product.id, product.price));
    if (lowest.price >= 0) continue;
    throw new BusinessError(
      'VALIDATION',
      `${product.name} (${formatBRL(product.price)}) ficaria em ${formatBRL(lowest.price)} com ${lowest.cuts.map(describeCut).join(' e ')}: o desconto dos adicionais e das escolhas não pode passar do preço do produto.`,
      fieldFor(lowest.cuts),
    );
  }
}
