import Papa from 'papaparse';
import { defineScript } from '../script.js';
import { queryMovements } from './movement-query.js';
import { STOCK_ROLES } from './stock-guards.js';

const KIND_LABEL: Record<string, string> = { entrada: 'Entrada', saida: 'Saída', perda: 'Perda', ajuste: 'Ajuste', venda: 'Venda', estorno: 'Estorno' };
const decimal = (thousandths: number) => (thousandths / 1000).toLocaleString('pt-BR', { maximumFractionDigits: 3, useGrouping: false });
const money = (centavos: number) => (centavos / 100).toLocaleString('pt-BR', { minimumFractionDigits: 2, useGrouping: false });

export default defineScript('stock.exportMovements', {
  roles: STOCK_ROLES,
  reads: 'worker',
  run(tx, input, ctx) {
    const rows = queryMovements(tx, input, 1_000_000);
    const when = new Intl.DateTimeFormat('pt-BR', { timeZone: ctx.settings.timezone, dateStyle: 'short', timeStyle: 'short' });
    const csv = Papa.unparse(
      {
        fields: ['data', 'insumo', 'tipo', 'quantidade', 'unidade', 'valor', 'fornecedor', 'nota', 'lote', 'validade', 'motivo', 'pedido', 'usuario'],
        data: rows.map((m) => [when.format(m.at), m.itemName, KIND_LABEL[m.kind], decimal(m.quantity), m.baseUnit, money(m.value), m.supplierName ?? '', m.invoice ?? '', m.lot ?? '', m.expiry ?? '', m.reason ?? '', m.orderNumber ?? '', m.byName]),
      },
      { delimiter: ';', newline: '\r\n' },
    );
    return { csv: `\uFEFF${csv}\r\n`, rows: rows.length };
  },
});
