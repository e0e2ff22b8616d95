import Papa from 'papaparse';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { foldText, requireReadableText } from '../../utils/text.js';
import { ACCEPTED_SHOWN } from '../catalog/import-products.js';
import { defineScript } from '../script.js';
import { STOCK_ROLES } from './stock-guards.js';

const COLUMNS = ['nome', 'unidade', 'categoria', 'minimo', 'codigo_barras'] as const;

/** "1,5" → 1500 thousandths; null when it is not a quantity. */
const parseQuantity = (text: string): number | null => {
  if (!text.trim()) return 0;
  const match = /^(\d+)(?:[,.](\d{1,3}))?$/.exec(text.trim());
  return match ? Number(match[1]) * 1000 + Number((match[2] ?? '0').padEnd(3, '0')) : null;
};

export default defineScript('stock.importItems', {
  roles: STOCK_ROLES,
  run(tx, input, ctx) {
    requireReadableText(input.csv);
    const parsed = Papa.parse<string[]>(input.csv.replace(/^\uFEFF/, ''), { delimiter: '', skipEmptyLines: 'greedy' });
    const [header = [], ...body] = parsed.data;
    const columns = header.map((h) => h.trim().toLowerCase());
    if (!columns.includes('nome') || !columns.includes('unidade')) throw new BusinessError('VALIDATION', 'Cabeçalho sem as colunas: nome, unidade.', 'csv');
    const rejected: { line: number; field: string; message: string }[] = [];
    const accepted: { line: number; name: string }[] = [];
    let created = 0;
    let updated = 0;
    const seen = new Set<string>();
    tx.exec('SAVEPOINT import_items');
    body.forEach((cells, index) => {
      const line = index + 2;
      const cell = (name: (typeof COLUMNS)[number]) => (cells[columns.indexOf(name)] ?? '').trim();
      const name = cell('nome');
      const unit = cell('unidade').toLowerCase();
      const minimum = parseQuantity(cell('minimo'));
      const barcode = cell('codigo_barras') || null;
      const key = foldText(name);
      if (name.length < 2) return rejected.push({ line, field: 'nome', message: 'Informe o nome do insumo.' });
      if (seen.has(key)) return rejected.push({ line, field: 'nome', message: `O insumo ${name} aparece mais de uma vez no arquivo.` });
      if (!['un', 'g', 'ml'].includes(unit)) return rejected.push({ line, field: 'unidade', message: 'Use un, g ou ml na coluna unidade.' });
      if (minimum === null) return rejected.push({ line, field: 'minimo', message: `Mínimo inválido: "${cell('minimo')}" (use 1,5).` });
      if (barcode && !/^\d{8,14}$/.test(barcode)) return rejected.push({ line, field: 'codigo_barras', message: 'Código de barras com 8 a 14 dígitos.' });
      if (barcode && sql(tx, 'SELECT 1 FROM stock_items WHERE barcode = ? AND search_key != ?').get(barcode, key)) {
        return rejected.push({ line, field: 'codigo_barras', message: 'Este código de barras já é de outro insumo.' });
      }
      seen.add(key);
      const existing = sql<[string], { id: string }>(tx, 'SELECT id FROM stock_items WHERE search_key = ?').get(key);
      const id = existing?.id ?? ctx.newId();
      const hlc = ctx.stamp();
      sql(
        tx,
        `INSERT INTO stock_items (id, name, search_key, base_unit, category, minimum, barcode, active, created_at, updated_at, hlc)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, base_unit = excluded.base_unit, category = excluded.category,
           minimum = excluded.minimum, barcode = excluded.barcode, updated_at = excluded.updated_at, hlc = excluded.hlc`,
      ).run(id, name, key, unit, cell('categoria') || null, minimum, barcode, ctx.now, ctx.now, hlc);
      ctx.recordChange('stock_item', id, existing ? 'update' : 'insert', {
        id,
        name,
        baseUnit: unit,
        category: cell('categoria') || null,
        minimum,
        barcode,
        ...(existing ? {} : { active: true, createdAt: ctx.now }),
        updatedAt: ctx.now,
      }, hlc);
      if (accepted.length < ACCEPTED_SHOWN) accepted.push({ line, name });
      if (existing) updated += 1;
      else created += 1;
      return undefined;
    });
    const dryRun = input.dryRun ?? false;
    if (dryRun) tx.exec('ROLLBACK TO import_items');
    tx.exec('RELEASE import_items');
    if (!dryRun && created + updated) ctx.audit({ action: 'stock.importItems', recordType: 'stock_item', details: { created, updated, rejected: rejected.length } });
    return { created, updated, rejected, accepted, dryRun };
  },
});
