import { sql } from '../../database/statements.js';
import { compareNames } from '../../utils/text.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from '../stock/stock-guards.js';

export default defineScript('suppliers.list', {
  roles: STOCK_ROLES,
  readOnly: true,
  run: (tx, input) =>
    sql<[number], { id: string; name: string; cnpj: string | null; contact: string | null; phone: string | null; email: string | null; active: number }>(
      tx,
      'SELECT id, name, cnpj, contact, phone, email, active FROM suppliers WHERE active >= ?',
    )
      .all(input.includeInactive ? 0 : 1)
      .sort((a, b) => compareNames(a.name, b.name))
      .map((row) => ({ ...row, active: row.active === 1 })),
});
