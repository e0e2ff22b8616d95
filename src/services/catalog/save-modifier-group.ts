import { productIdsWithGroup, replaceModifierOptions } from '../../database/queries/catalog.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { requireLinesAboveZero } from './lowest-price.js';

export default defineScript('catalog.saveModifierGroup', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const existed = sql(tx, 'SELECT 1 FROM modifier_groups WHERE id = ?').get(input.id) !== undefined;
    const activeOptions = input.options.filter((o) => o.active !== false).length;
    if (input.minChoices > activeOptions) {
      throw new BusinessError('VALIDATION', 'O mínimo de escolhas é maior que o número de opções ativas.', 'minChoices');
    }
    const hlc = ctx.stamp();
    sql(
      tx,
      `INSERT INTO modifier_groups (id, name, min_choices, max_choices, active, created_at, updated_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, min_choices = excluded.min_choices, max_choices = excluded.max_choices,
         active = excluded.active, updated_at = excluded.updated_at, hlc = excluded.hlc`,
    ).run(input.id, input.name, input.minChoices, input.maxChoices, Number(input.active ?? true), ctx.now, ctx.now, hlc);
    input.options.forEach((option, position) => {
      const owner = sql<[string], { group_id: string }>(tx, 'SELECT group_id FROM modifier_options WHERE id = ?').get(option.id);
      if (owner && owner.group_id !== input.id) throw new BusinessError('CONFLICT', 'Esta opção pertence a outro grupo.', `options.${position}.id`);
    });
    const options = input.options.map((option) => ({ id: option.id, name: option.name, priceDelta: option.priceDelta, active: option.active ?? true }));
    replaceModifierOptions(tx, input.id, options, hlc);
    requireLinesAboveZero(tx, productIdsWithGroup(tx, input.id), (cuts) => {
      const index = input.options.findIndex((option) => cuts.some((cut) => cut.id === option.id));
      return index >= 0 ? `options.${index}.priceDelta` : 'options';
    });
    const group = { id: input.id, name: input.name, minChoices: input.minChoices, maxChoices: input.maxChoices, active: input.active ?? true };
    ctx.recordChange('modifier_group', input.id, existed ? 'update' : 'insert', { ...group, ...(existed ? {} : { createdAt: ctx.now }), updatedAt: ctx.now, options }, hlc);
    ctx.emit('catalog.changed', {});
    return { id: input.id };
  },
});
