import { lineCount, loadOrderView } from '../../database/queries/orders.js';
import { defineScript } from '../script.js';
import { autoPrintSale } from '../printing/print-queue.js';
import { requireOrder, requireUnpaid } from './order-guards.js';
import { approveDiscounts, priceLines, recordEvent, refreshOrderState, requireOpenCaixa, sendToKitchen, storeLines } from './order-writer.js';

export default defineScript('orders.addLines', {
  roles: ['admin', 'manager', 'cashier'],
  // An addition is named by its first line; a line sent again under another addition clashes on its id.
  retry: { key: (input) => `order-lines:${input.lines[0]!.id}`, conflict: { message: 'Estes itens já foram lançados com outro conteúdo.', field: 'lines' } },
  run(tx, input, ctx) {
    const { order, state } = requireOrder(tx, input.orderId);
    requireUnpaid(order, state);
    requireOpenCaixa(tx, ctx);
    const priced = priceLines(tx, ctx, input.lines);
    const approval = approveDiscounts(tx, ctx, priced.map((l) => l.discountShare), {
      operation: 'orders.addLines',
      orderId: order.id,
      token: input.overrideToken,
    });
    storeLines(tx, ctx, order, priced, lineCount(tx, order.id), approval);
    recordEvent(tx, ctx, order.id, 'lines_added');
    if (approval) {
      ctx.audit({ action: 'orders.discount', recordType: 'order', recordId: order.id, approverId: approval.approverId, approverName: approval.approverName, details: { number: order.displayNumber } });
    }
    const ticket = order.type === 'comanda' ? sendToKitchen(tx, ctx, order.id) : null;
    refreshOrderState(tx, ctx, order);
    autoPrintSale(tx, ctx, order, false, ticket);
    return loadOrderView(tx, order.id)!;
  },
});
