import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { appendMovement, mulDivRound } from '../stock-ledger.js';
import { requireItem, requirePlausible, STOCK_ROLES } from './stock-guards.js';

/**
 * Receives an invoice: each line's quantity is converted from its purchase unit to thousandths of
 * the base unit, and its cost raises the stock's value, which moves the weighted average.
 */
export default defineScript('stock.receive', {
  roles: STOCK_ROLES,
  retry: { key: (input) => `stock_receipt:${input.id}`, conflict: { message: 'Esta entrada já foi registrada com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    if (input.supplierId && !sql(tx, 'SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) {
      throw new BusinessError('NOT_FOUND', 'Fornecedor não encontrado.', 'supplierId');
    }
    const ids = input.lines.map((line, i) => {
      const item = requireItem(tx, line.itemId, `lines.${i}.itemId`);
      const factor = line.unit ? item.units.find((u) => u.name === line.unit)?.factor : 1000;
      if (factor === undefined) throw new BusinessError('VALIDATION', `${item.name} não tem a unidade "${line.unit}".`, `lines.${i}.unit`);
      const quantity = mulDivRound(line.quantity, factor, 1000);
      if (quantity <= 0) throw new BusinessError('VALIDATION', 'Quantidade pequena demais para a unidade base.', `lines.${i}.quantity`);
      requirePlausible(tx, item, quantity, input.confirmed, 'entrada', `lines.${i}.quantity`);
      return appendMovement(tx, ctx, {
        id: line.id,
        itemId: item.id,
        kind: 'entrada',
        quantity,
        cost: mulDivRound(line.quantity, line.unitCost, 1000),
        supplierId: input.supplierId ?? null,
        invoice: input.invoice ?? null,
        receiptId: input.id,
        unitName: line.unit ?? null,
        unitCost: line.unitCost,
        lot: line.lot ?? null,
        expiry: line.expiry ?? null,
        field: `lines.${i}.quantity`,
      }).id;
    });
    ctx.audit({ action: 'stock.receive', recordType: 'receipt', recordId: input.id, details: { invoice: input.invoice ?? null, lines: ids.length } });
    ctx.emit('stock.changed', { itemIds: input.lines.map((l) => l.itemId) });
    ctx.webhook('stock.received', { receiptId: input.id, supplierId: input.supplierId ?? null, invoice: input.invoice ?? null, lines: input.lines.map((l) => ({ itemId: l.itemId, unit: l.unit ?? null, quantity: l.quantity, unitCost: l.unitCost, lot: l.lot ?? null, expiry: l.expiry ?? null })) });
    return { movementIds: ids };
  },
});
