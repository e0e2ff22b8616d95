import { insertOnce } from '../../database/constraint.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { normalizeCnpj } from '../../utils/tax-id.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';

export default defineScript('suppliers.save', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    const cnpj = input.cnpj ? normalizeCnpj(input.cnpj) : null;
    if (input.cnpj && !cnpj) throw new BusinessError('VALIDATION', 'CNPJ inválido: confira os dígitos verificadores.', 'cnpj');
    const existed = sql(tx, 'SELECT 1 FROM suppliers WHERE id = ?').get(input.id) !== undefined;
    const row = { id: input.id, name: input.name, cnpj, contact: input.contact ?? null, phone: input.phone ?? null, email: input.email ?? null, active: Number(input.active ?? true) };
    const hlc = ctx.stamp();
    insertOnce(
      () =>
        sql(
          tx,
          `INSERT INTO suppliers (id, name, cnpj, contact, phone, email, active, created_at, updated_at, hlc)
           VALUES (@id, @name, @cnpj, @contact, @phone, @email, @active, @now, @now, @hlc)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, cnpj = excluded.cnpj, contact = excluded.contact, phone = excluded.phone,
             email = excluded.email, active = excluded.active, updated_at = excluded.updated_at, hlc = excluded.hlc`,
        ).run({ ...row, now: ctx.now, hlc }),
      'Já existe um fornecedor com este CNPJ.',
      'cnpj',
    );
    ctx.recordChange('supplier', input.id, existed ? 'update' : 'insert', { ...row, ...(existed ? {} : { createdAt: ctx.now }), updatedAt: ctx.now }, hlc);
    return { id: input.id };
  },
});
