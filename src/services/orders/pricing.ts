import type { Db } from '../../database/connection.js';
import type { CatalogCache } from '../catalog-cache.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { OrderLineInput } from '../../models/orders.js';
import { formatBRL } from '../../utils/format.js';
import { discountAmount } from '../../utils/money.js';
import { describeCut } from '../catalog/lowest-price.js';

export interface PricedLine {
  input: OrderLineInput;
  name: string;
  station: string | null;
  unitPrice: number;
  gross: number;
  discount: number;
  total: number;
  modifiers: { optionId: string; name: string; priceDelta: number }[];
  combo: { slotName: string; productId: string; productName: string; priceDelta: number }[];
}

/**
 * Prices one line from the catalog as it is now, checking it can be sold: the product is active and
 * not sold out, every modifier belongs to it within each group's min and max, every combo slot is
 * filled by one of its options. The name and price captured here never change afterwards.
 */
export function priceLine(tx: Db, catalog: CatalogCache, input: OrderLineInput, field: string): PricedLine {
  const product = catalog.product(tx, input.productId);
  if (!product || !product.active) throw new BusinessError('NOT_FOUND', 'Produto não encontrado ou inativo.', `${field}.productId`);
  if (product.soldOut) throw new BusinessError('CONFLICT', `${product.name} está esgotado.`, `${field}.productId`);

  const groups = catalog.groupsOf(tx, product.id);
  const chosen = new Map<string, { optionId: string; name: string; priceDelta: number }[]>();
  for (const optionId of input.modifierOptionIds ?? []) {
    const option = catalog.option(tx, optionId);
    if (!option || !option.active || !groups.some((g) => g.id === option.groupId)) {
      throw new BusinessError('VALIDATION', `Adicional inválido para ${product.name}.`, `${field}.modifierOptionIds`);
    }
    const list = chosen.get(option.groupId) ?? [];
    if (list.some((o) => o.optionId === optionId)) {
      throw new BusinessError('VALIDATION', `Adicional repetido: ${option.name}.`, `${field}.modifierOptionIds`);
    }
    list.push({ optionId, name: option.name, priceDelta: option.priceDelta });
    chosen.set(option.groupId, list);
  }
  const modifiers: PricedLine['modifiers'] = [];
  for (const group of groups) {
    const picked = chosen.get(group.id) ?? [];
    if (picked.length < group.minChoices) {
      throw new BusinessError(
        'VALIDATION',
        group.minChoices === 1 ? `Escolha "${group.name}" para ${product.name}.` : `Escolha pelo menos ${group.minChoices} em "${group.name}".`,
        `${field}.modifierOptionIds`,
      );
    }
    if (picked.length > group.maxChoices) {
      throw new BusinessError('VALIDATION', `No máximo ${group.maxChoices} em "${group.name}".`, `${field}.modifierOptionIds`);
    }
    modifiers.push(...picked);
  }

  const combo: PricedLine['combo'] = [];
  const choices = input.comboChoices ?? [];
  if (product.kind === 'combo') {
    for (const slot of catalog.slotsOf(tx, product.id)) {
      const choice = choices.filter((c) => c.slotId === slot.id);
      if (choice.length !== 1 || !slot.options.has(choice[0]!.productId)) {
        throw new BusinessError('VALIDATION', `Escolha uma opção de "${slot.name}" no combo.`, `${field}.comboChoices`);
      }
      const component = catalog.product(tx, choice[0]!.productId);
      if (!component?.active || component.soldOut) {
        throw new BusinessError('CONFLICT', `${component?.name ?? 'Item do combo'} está esgotado.`, `${field}.comboChoices`);
      }
      combo.push({ slotName: slot.name, productId: component.id, productName: component.name, priceDelta: slot.options.get(component.id)! });
    }
  } else if (choices.length) {
    throw new BusinessError('VALIDATION', `${product.name} não é um combo.`, `${field}.comboChoices`);
  }

  const unitPrice =
    product.price + modifiers.reduce((sum, m) => sum + m.priceDelta, 0) + combo.reduce((sum, c) => sum + c.priceDelta, 0);
  if (unitPrice < 0) {
    const cuts = [...modifiers, ...combo.map((c) => ({ name: c.productName, priceDelta: c.priceDelta }))].filter((cut) => cut.priceDelta < 0);
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
    station: product.station ?? combo.map((c) => catalog.product(tx, c.productId)?.station).find(Boolean) ?? null,
    unitPrice,
    gross,
    discount,
    total: gross - discount,
    modifiers,
    combo,
  };
}
