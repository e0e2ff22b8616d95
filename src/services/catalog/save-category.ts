import { sql } from '../../database/statements.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('catalog.saveCategory', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const existing = sql<[string], { color: string; sort_order: number; active: number }>(tx, 'SELECT color, sort_order, active FROM categories WHERE id = ?').get(input.id);
    const row = {
      id: input.id,
      name: input.name,
      color: input.color ?? existing?.color ?? '#64748b',
      sortOrder: input.sortOrder ?? existing?.sort_order ?? 0,
      active: input.active ?? (existing ? existing.active === 1 : true),
    };
    const hlc = ctx.stamp();
    sql(
      tx,
      `INSERT INTO categories (id, name, color, sort_order, active, created_at, updated_at, hlc) VALUES (@id, @name, @color, @sortOrder, @active, @now, @now, @hlc)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color, sort_order = excluded.sort_order,
         active = excluded.active, updated_at = excluded.updated_at, hlc = excluded.hlc`,
    ).run({ ...row, active: Number(row.active), now: ctx.now, hlc });
    ctx.recordChange('category', input.id, existing ? 'update' : 'insert', { ...row, ...(existing ? {} : { createdAt: ctx.now }), updatedAt: ctx.now }, hlc);
    ctx.emit('catalog.changed', {});
    return { id: input.id };
  },
});
