import { lineCount, loadOrderView, orderMoney } from '../../database/queries/orders.js';
import { orderDiscountOf } from '../../utils/money.js';
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
    // The limit is on the order's whole discount once these lines are in, its own % discount included.
    const money = orderMoney(tx, order.id);
    const given = priced.reduce((sum, line) => sum + line.discount, 0);
    const gross = money.gross + priced.reduce((sum, line) => sum + line.gross, 0);
    const lineDiscounts = money.lineDiscounts + given;
    const after = { gross, discount: lineDiscounts + orderDiscountOf(gross - lineDiscounts, money.discountRules) };
    const before = { gross: money.gross, discount: money.lineDiscounts + money.orderDiscount };
    const approval = approveDiscounts(tx, ctx, { before, after, given }, {
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
