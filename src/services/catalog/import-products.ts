import { findCategoryIdByName, findProductIdByCode } from '../../database/queries/catalog.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { ProductCode, Station } from '../../models/catalog.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { requireReadableText } from '../../utils/text.js';
import { defineScript } from '../script.js';
import { writeProduct } from './product-writer.js';
import { parseActive, parsePrice, parseProductsCsv } from './products-csv.js';

/** How many accepted names the report carries back: enough to check the file was read right. */
export const ACCEPTED_SHOWN = 500;

const COLUMN_OF: Record<string, string> = { name: 'nome', code: 'codigo', barcode: 'codigo_barras', categoryId: 'categoria', station: 'estacao' };

export default defineScript('catalog.importProducts', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    requireReadableText(input.csv);
    const { rows, headerError } = parseProductsCsv(input.csv);
    if (headerError) throw new BusinessError('VALIDATION', headerError, 'csv');
    const rejected: { line: number; field: string; message: string }[] = [];
    const accepted: { line: number; name: string }[] = [];
    const seenCodes = new Set<string>();
    let created = 0;
    let updated = 0;
    tx.exec('SAVEPOINT import_products');
    for (const { line, row } of rows) {
      const fail = (field: string, message: string) => rejected.push({ line, field, message });
      const code = ProductCode.safeParse(row.codigo);
      const price = parsePrice(row.preco);
      const active = parseActive(row.ativo);
      const station = row.estacao ? Station.safeParse(row.estacao) : null;
      if (!row.nome) fail('nome', 'Informe o nome do produto.');
      else if (row.nome.length > 80) fail('nome', 'O nome pode ter no máximo 80 caracteres.');
      else if (!code.success) fail('codigo', code.error.issues[0]?.message ?? 'Código inválido.');
      else if (seenCodes.has(code.data)) fail('codigo', `O código ${code.data} aparece mais de uma vez no arquivo.`);
      else if (price === null) fail('preco', `Preço inválido: "${row.preco}" (use 12,50).`);
      else if (row.codigo_barras && !/^\d{13}$/.test(row.codigo_barras)) fail('codigo_barras', 'O código de barras deve ter 13 dígitos (EAN-13).');
      else if (active === null) fail('ativo', 'Use sim ou não na coluna ativo.');
      else if (station && !station.success) fail('estacao', 'Estação com caracteres inválidos.');
      else {
        seenCodes.add(code.data);
        let categoryId: string | null = null;
        if (row.categoria) {
          categoryId = findCategoryIdByName(tx, row.categoria) ?? null;
          if (!categoryId) {
            categoryId = ctx.newId();
            const hlc = ctx.stamp();
            sql(tx, 'INSERT INTO categories (id, name, color, sort_order, active, created_at, updated_at, hlc) VALUES (?, ?, ?, 0, 1, ?, ?, ?)').run(
              categoryId, row.categoria, '#64748b', ctx.now, ctx.now, hlc,
            );
            ctx.recordChange('category', categoryId, 'insert', { id: categoryId, name: row.categoria, color: '#64748b', sortOrder: 0, active: true, createdAt: ctx.now, updatedAt: ctx.now }, hlc);
          }
        }
        tx.exec('SAVEPOINT import_row');
        try {
          const outcome = writeProduct(
            tx,
            ctx,
            {
              id: findProductIdByCode(tx, code.data) ?? ctx.newId(),
              name: row.nome,
              code: code.data,
              barcode: row.codigo_barras || null,
              price,
              categoryId,
              station: station?.success ? station.data : null,
              active,
            },
            { audit: false, field: (name) => COLUMN_OF[name] ?? name },
          );
          tx.exec('RELEASE import_row');
          if (accepted.length < ACCEPTED_SHOWN) accepted.push({ line, name: row.nome });
          if (outcome === 'created') created += 1;
          else updated += 1;
        } catch (error) {
          tx.exec('ROLLBACK TO import_row');
          tx.exec('RELEASE import_row');
          if (!(error instanceof BusinessError)) throw error;
          fail(error.field ?? 'linha', error.message);
        }
      }
    }
    const dryRun = input.dryRun ?? false;
    if (dryRun) tx.exec('ROLLBACK TO import_products');
    tx.exec('RELEASE import_products');
    if (!dryRun && created + updated > 0) {
      ctx.audit({ action: 'catalog.importProducts', recordType: 'product', details: { created, updated, rejected: rejected.length } });
      ctx.emit('catalog.changed', {});
    }
    return { created, updated, rejected, accepted, dryRun };
  },
});
