import type { Db } from '../../database/connection.js';
import {
  categoryExists,
  findProduct,
  findProductIdByBarcode,
  findProductIdByCode,
  replaceComboSlots,
  replaceProductGroups,
} from '../../database/queries/catalog.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { isValidEan13 } from '../../utils/ean13.js';
import { foldText } from '../../utils/text.js';
import type { ScriptContext } from '../script.js';
import { requireLinesAboveZero } from './lowest-price.js';

export interface ProductInput {
  id: string;
  name: string;
  code: string;
  barcode?: string | null | undefined;
  price: number;
  categoryId?: string | null | undefined;
  station?: string | null | undefined;
  active?: boolean | undefined;
  soldOut?: boolean | undefined;
  modifierGroupIds?: string[] | undefined;
  comboSlots?: { id: string; name: string; options: { productId: string; priceDelta: number }[] }[] | undefined;
}

/** Name, code and barcode folded together: what the counter's search looks in. */
export const productSearchKey = (name: string, code: string, barcode: string | null) =>
  foldText([name, code, barcode ?? ''].join(' '));

/**
 * Inserts or updates a product with its modifier groups and combo slots, checking every reference.
 * Field names in errors are prefixed (a CSV import reports them per line).
 */
export function writeProduct(
  tx: Db,
  ctx: ScriptContext,
  input: ProductInput,
  { field = (name: string) => name, audit = true }: { field?: (name: string) => string; audit?: boolean } = {},
): 'created' | 'updated' {
  const existing = findProduct(tx, input.id);
  const barcode = input.barcode === undefined ? (existing?.barcode ?? null) : input.barcode;
  if (barcode !== null && !isValidEan13(barcode)) {
    throw new BusinessError('VALIDATION', 'Código de barras com dígito verificador errado (EAN-13).', field('barcode'));
  }
  const codeHolder = findProductIdByCode(tx, input.code);
  if (codeHolder && codeHolder !== input.id) throw new BusinessError('CONFLICT', `O código ${input.code} já é de outro produto.`, field('code'));
  if (barcode !== null) {
    const holder = findProductIdByBarcode(tx, barcode);
    if (holder && holder !== input.id) throw new BusinessError('CONFLICT', 'Este código de barras já é de outro produto.', field('barcode'));
  }
  const categoryId = input.categoryId === undefined ? (existing?.categoryId ?? null) : input.categoryId;
  if (categoryId !== null && !categoryExists(tx, categoryId)) throw new BusinessError('NOT_FOUND', 'Categoria não encontrada.', field('categoryId'));
  for (const groupId of input.modifierGroupIds ?? []) {
    if (!sql(tx, 'SELECT 1 FROM modifier_groups WHERE id = ?').get(groupId)) {
      throw new BusinessError('NOT_FOUND', 'Grupo de adicionais não encontrado.', field('modifierGroupIds'));
    }
  }
  for (const [i, slot] of (input.comboSlots ?? []).entries()) {
    for (const option of slot.options) {
      const component = findProduct(tx, option.productId);
      if (!component) throw new BusinessError('NOT_FOUND', `Produto da escolha "${slot.name}" não encontrado.`, field(`comboSlots.${i}.options`));
      if (component.kind === 'combo' || option.productId === input.id) {
        throw new BusinessError('VALIDATION', 'Um combo não pode conter outro combo.', field(`comboSlots.${i}.options`));
      }
    }
  }

  const kind = input.comboSlots?.length ? 'combo' : input.comboSlots === undefined ? (existing?.kind ?? 'simple') : 'simple';
  const row = {
    name: input.name,
    code: input.code,
    barcode,
    price: input.price,
    categoryId,
    kind,
    station: input.station === undefined ? (existing?.station ?? null) : input.station,
    active: input.active ?? existing?.active ?? true,
    soldOut: input.soldOut ?? existing?.soldOut ?? false,
  };
  const hlc = ctx.stamp();
  sql(
    tx,
    `INSERT INTO products (id, name, search_key, code, barcode, price, category_id, kind, station, active, sold_out, created_at, updated_at, hlc)
     VALUES (@id, @name, @searchKey, @code, @barcode, @price, @categoryId, @kind, @station, @active, @soldOut, @now, @now, @hlc)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, search_key = excluded.search_key, code = excluded.code,
       barcode = excluded.barcode, price = excluded.price, category_id = excluded.category_id, kind = excluded.kind,
       station = excluded.station, active = excluded.active, sold_out = excluded.sold_out, updated_at = excluded.updated_at, hlc = excluded.hlc`,
  ).run({
    ...row,
    id: input.id,
    searchKey: productSearchKey(row.name, row.code, row.barcode),
    active: Number(row.active),
    soldOut: Number(row.soldOut),
    now: ctx.now,
    hlc,
  });

  if (input.modifierGroupIds !== undefined) replaceProductGroups(tx, input.id, input.modifierGroupIds);
  if (input.comboSlots !== undefined) replaceComboSlots(tx, input.id, input.comboSlots);

  requireLinesAboveZero(tx, [input.id], (cuts) => {
    const slot = (input.comboSlots ?? []).findIndex((s) => cuts.some((cut) => cut.id === s.id));
    if (slot >= 0) return field(`comboSlots.${slot}.options`);
    return field(existing && row.price < existing.price ? 'price' : 'modifierGroupIds');
  });
  ctx.recordChange('product', input.id, existing ? 'update' : 'insert', {
    id: input.id,
    ...row,
    ...(existing ? {} : { createdAt: ctx.now }),
    updatedAt: ctx.now,
    ...(input.modifierGroupIds === undefined ? {} : { modifierGroupIds: input.modifierGroupIds }),
    ...(input.comboSlots === undefined ? {} : { comboSlots: input.comboSlots }),
  }, hlc);
  if (audit && (!existing || existing.price !== row.price || existing.name !== row.name || existing.active !== row.active)) {
    ctx.audit({
      action: existing ? 'catalog.updateProduct' : 'catalog.createProduct',
      recordType: 'product',
      recordId: input.id,
      details: existing
        ? { name: row.name, ...(existing.price !== row.price ? { price: { from: existing.price, to: row.price } } : {}), ...(existing.active !== row.active ? { active: row.active } : {}) }
        : { name: row.name, price: row.price },
    });
  }
  return existing ? 'updated' : 'created';
}
