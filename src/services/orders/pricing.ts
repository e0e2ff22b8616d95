import type { Db } from '../../database/connection.js';
import type { CatalogCache } from '../catalog-cache.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { OrderLineInput } from '../../models/orders.js';
import { formatBRL } from '../../utils/format.js';
import { discountAmount } from '../../utils/money.js';
import { describeCut } from '../catalog/lowest-price.js';

type ChosenModifier = { optionId: string; name: string; priceDelta: number };

export interface PricedLine {
  input: OrderLineInput;
  name: string;
  station: string | null;
  unitPrice: number;
  gross: number;
  discount: number;
  total: number;
  modifiers: ChosenModifier[];
  /** Each chosen product of a combo, made at its own station with its own modifiers. */
  combo: { slotName: string; productId: string; productName: string; priceDelta: number; station: string | null; modifiers: ChosenModifier[] }[];
}

/**
 * The modifiers chosen for one product, wherever it is sold (alone or inside a combo): each option
 * belongs to one of the product's groups, none twice, within each group's min and max.
 */
function chooseModifiers(tx: Db, catalog: CatalogCache, product: { id: string; name: string }, optionIds: readonly string[], field: string): ChosenModifier[] {
  const groups = catalog.groupsOf(tx, product.id);
  const chosen = new Map<string, ChosenModifier[]>();
  for (const optionId of optionIds) {
    const option = catalog.option(tx, optionId);
    if (!option || !option.active || !groups.some((g) => g.id === option.groupId)) {
      throw new BusinessError('VALIDATION', `Adicional inválido para ${product.name}.`, field);
    }
    const list = chosen.get(option.groupId) ?? [];
    if (list.some((o) => o.optionId === optionId)) {
      throw new BusinessError('VALIDATION', `Adicional repetido: ${option.name}.`, field);
    }
    list.push({ optionId, name: option.name, priceDelta: option.priceDelta });
    chosen.set(option.groupId, list);
  }
  const modifiers: ChosenModifier[] = [];
  for (const group of groups) {
    const picked = chosen.get(group.id) ?? [];
    if (picked.length < group.minChoices) {
      throw new BusinessError(
        'VALIDATION',
        group.minChoices === 1 ? `Escolha "${group.name}" para ${product.name}.` : `Escolha pelo menos ${group.minChoices} em "${group.name}".`,
        field,
      );
    }
    if (picked.length > group.maxChoices) {
      throw new BusinessError('VALIDATION', `No máximo ${group.maxChoices} em "${group.name}".`, field);
    }
    modifiers.push(...picked);
  }
  return modifiers;
}

const deltas = (modifiers: readonly ChosenModifier[]) => modifiers.reduce((sum, m) => sum + m.priceDelta, 0);

/**
 * Prices one line from the catalog as it is now, checking it can be sold: the product is active and
 * not sold out, every modifier belongs to it within each group's min and max, every combo slot is
 * filled by one of its options, each with its own product's modifiers. The name and price captured
 * here never change afterwards.
 */
export function priceLine(tx: Db, catalog: CatalogCache, input: OrderLineInput, field: string): PricedLine {
  const product = catalog.product(tx, input.productId);
  if (!product || !product.active) throw new BusinessError('NOT_FOUND', 'Produto não encontrado ou inativo.', `${field}.productId`);
  if (product.soldOut) throw new BusinessError('CONFLICT', `${product.name} está esgotado.`, `${field}.productId`);

  const modifiers = chooseModifiers(tx, catalog, product, input.modifierOptionIds ?? [], `${field}.modifierOptionIds`);

  const combo: PricedLine['combo'] = [];
  const choices = input.comboChoices ?? [];
  if (product.kind === 'combo') {
    // Every slot chosen first, then each chosen product's own modifiers.
    const filled = catalog.slotsOf(tx, product.id).map((slot) => {
      const choice = choices.filter((c) => c.slotId === slot.id);
      if (choice.length !== 1 || !slot.options.has(choice[0]!.productId)) {
        throw new BusinessError('VALIDATION', `Escolha uma opção de "${slot.name}" no combo.`, `${field}.comboChoices`);
      }
      const component = catalog.product(tx, choice[0]!.productId);
      if (!component?.active || component.soldOut) {
        throw new BusinessError('CONFLICT', `${component?.name ?? 'Item do combo'} está esgotado.`, `${field}.comboChoices`);
      }
      return { slot, choice: choice[0]!, component };
    });
    for (const { slot, choice, component } of filled) {
      combo.push({
        slotName: slot.name,
        productId: component.id,
        productName: component.name,
        priceDelta: slot.options.get(component.id)!,
        station: component.station ?? null,
        modifiers: chooseModifiers(tx, catalog, component, choice.modifierOptionIds ?? [], `${field}.comboChoices.${choices.indexOf(choice)}.modifierOptionIds`),
      });
    }
  } else if (choices.length) {
    throw new BusinessError('VALIDATION', `${product.name} não é um combo.`, `${field}.comboChoices`);
  }

  const unitPrice = product.price + deltas(modifiers) + combo.reduce((sum, c) => sum + c.priceDelta + deltas(c.modifiers), 0);
  if (unitPrice < 0) {
    const cuts = [...modifiers, ...combo.flatMap((c) => [{ name: c.productName, priceDelta: c.priceDelta }, ...c.modifiers])].filter((cut) => cut.priceDelta < 0);
    throw new BusinessError(
      'VALIDATION',
      `${product.name} com ${cuts.map(describeCut).join(' e ')} ficaria em ${formatBRL(unitPrice)}: um item não pode custar menos que zero. Tire o adicional ou corrija o cadastro.`,
      `${field}.modifierOptionIds`,
    );
  }
  const gross = unitPrice * input.quantity;
  const discount = discountAmount(gross, input.discount);
  return {
    input,
    name: product.name,
    station: product.station ?? combo.map((c) => c.station).find(Boolean) ?? null,
    unitPrice,
    gross,
    discount,
    total: gross - discount,
    modifiers,
    combo,
  };
}
