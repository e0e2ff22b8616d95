import { sql } from '../../database/statements.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { compareNames } from '../../utils/text.js';
import { defineScript } from '../script.js';
import { formatPrice, productsToCsv } from './products-csv.js';

export default defineScript('catalog.exportProducts', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run(tx) {
    const rows = sql<[], { name: string; code: string; price: number; category: string | null; barcode: string | null; station: string | null; active: number }>(
      tx,
      `SELECT p.name, p.code, p.price, c.name AS category, p.barcode, p.station, p.active
       FROM products p LEFT JOIN categories c ON c.id = p.category_id`,
    )
      .all()
      .sort((a, b) => compareNames(a.name, b.name));
    const csv = productsToCsv(
      rows.map((p) => ({
        nome: p.name,
        codigo: p.code,
        preco: formatPrice(p.price),
        categoria: p.category ?? '',
        codigo_barras: p.barcode ?? '',
        estacao: p.station ?? '',
        ativo: p.active ? 'sim' : 'não',
      })),
    );
    return { csv, rows: rows.length };
  },
});
