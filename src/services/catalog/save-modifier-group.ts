import { productIdsWithGroup } from '../../database/queries/catalog.js';
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
    // Options missing from the list are switched off, never deleted: past sales point at them.
    sql(tx, 'UPDATE modifier_options SET active = 0, hlc = ? WHERE group_id = ?').run(hlc, input.id);
    input.options.forEach((option, position) => {
      const owner = sql<[string], { group_id: string }>(tx, 'SELECT group_id FROM modifier_options WHERE id = ?').get(option.id);
      if (owner && owner.group_id !== input.id) throw new BusinessError('CONFLICT', 'Esta opção pertence a outro grupo.', `options.${position}.id`);
      sql(
        tx,
        `INSERT INTO modifier_options (id, group_id, name, price_delta, position, active, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, price_delta = excluded.price_delta, position = excluded.position,
           active = excluded.active, hlc = excluded.hlc`,
      ).run(option.id, input.id, option.name, option.priceDelta, position, Number(option.active ?? true), hlc);
    });
    requireLinesAboveZero(tx, productIdsWithGroup(tx, input.id), (cuts) => {
      const index = input.options.findIndex((option) => cuts.some((cut) => cut.id === option.id));
      return index >= 0 ? `options.${index}.priceDelta` : 'options';
    });
    ctx.recordChange('modifier_group', input.id, existed ? 'update' : 'insert', { ...input }, hlc);
    ctx.emit('catalog.changed', {});
    return { id: input.id };
  },
});
