import { sql } from '../../database/statements.js';
import { insertOnce } from '../../database/constraint.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { replaceItemUnits } from '../../database/queries/stock.js';
import { foldText } from '../../utils/text.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from './stock-guards.js';

export default defineScript('stock.saveItem', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    const existing = sql<[string], { minimum: number; category: string | null; barcode: string | null; active: number; base_unit: string }>(
      tx,
      'SELECT minimum, category, barcode, active, base_unit FROM stock_items WHERE id = ?',
    ).get(input.id);
    // The ledger counts in thousandths of the base unit: a new unit would turn 10 un into 10 g.
    if (existing && existing.base_unit !== input.baseUnit && sql(tx, 'SELECT 1 FROM stock_movements WHERE item_id = ? LIMIT 1').get(input.id)) {
      throw new BusinessError(
        'INVALID_STATE',
        `Este insumo já tem movimentações em ${existing.base_unit}: a unidade base não pode mudar. Cadastre um novo insumo na outra unidade.`,
        'baseUnit',
      );
    }
    const row = {
      id: input.id,
      name: input.name,
      searchKey: foldText(input.name),
      baseUnit: input.baseUnit,
      category: input.category === undefined ? (existing?.category ?? null) : input.category,
      minimum: input.minimum ?? existing?.minimum ?? 0,
      barcode: input.barcode === undefined ? (existing?.barcode ?? null) : input.barcode,
      active: Number(input.active ?? (existing ? existing.active === 1 : true)),
      now: ctx.now,
      hlc: ctx.stamp(),
    };
    insertOnce(
      () =>
        sql(
          tx,
          `INSERT INTO stock_items (id, name, search_key, base_unit, category, minimum, barcode, active, created_at, updated_at, hlc)
           VALUES (@id, @name, @searchKey, @baseUnit, @category, @minimum, @barcode, @active, @now, @now, @hlc)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, search_key = excluded.search_key, base_unit = excluded.base_unit,
             category = excluded.category, minimum = excluded.minimum, barcode = excluded.barcode, active = excluded.active,
             updated_at = excluded.updated_at, hlc = excluded.hlc`,
        ).run(row),
      'Este código de barras já é de outro insumo.',
      'barcode',
    );
    const units = input.units;
    if (units !== undefined) {
      const repeated = units.find((unit, i) => units.findIndex((other) => other.name === unit.name) < i);
      insertOnce(() => replaceItemUnits(tx, input.id, units), `Unidade repetida: ${repeated?.name}.`, 'units');
    }
    const { searchKey: _k, now, hlc, ...data } = row;
    ctx.recordChange('stock_item', input.id, existing ? 'update' : 'insert', { ...data, ...(existing ? {} : { createdAt: now }), updatedAt: now, ...(units ? { units } : {}) }, hlc);
    ctx.emit('stock.changed', { itemIds: [input.id] });
    return { id: input.id };
  },
});
