import { formatOrderNumber, insertDiscount, insertOrder, orderStateFrom, orderView, type OrderEventKind, type PaymentRow } from '../../database/queries/orders.js';
import { discountAmount } from '../../utils/money.js';
import { takeOrderNumber } from '../../database/queries/orders.js';
import { defineScript } from '../script.js';
import { orderPayload } from '../webhook-payloads.js';
import { autoPrintSale } from '../printing/print-queue.js';
import { terminalBusinessDay } from './sale-day.js';
import { approveDiscounts, priceLines, recordEvent, refreshOrderState, requireOpenCaixa, sendToKitchen, storeLines, takePayments } from './order-writer.js';

/**
 * A sale in one transaction: number, lines with their prices of this moment, discounts, payments,
 * kitchen ticket, change log and audit commit together or not at all.
 */
export default defineScript('orders.create', {
  roles: ['admin', 'manager', 'cashier'],
  // A retry (double click, timeout, reconnect) gets the stored sale back instead of a second one.
  retry: { key: (input) => `order:${input.id}`, conflict: { message: 'Este pedido já foi registrado com outro conteúdo.', field: 'id' } },
  run(tx, input, ctx) {
    const session = requireOpenCaixa(tx, ctx);
    const priced = priceLines(tx, ctx, input.lines);
    const gross = priced.reduce((sum, line) => sum + line.gross, 0);
    const lineDiscounts = priced.reduce((sum, line) => sum + line.discount, 0);
    const subtotal = gross - lineDiscounts;
    const orderDiscount = discountAmount(subtotal, input.discount);
    const discount = lineDiscounts + orderDiscount;
    const approval = approveDiscounts(tx, ctx, { after: { discount, gross }, given: discount }, {
      operation: 'orders.create',
      orderId: input.id,
      token: input.overrideToken,
    });

    const day = terminalBusinessDay(tx, ctx);
    const number = takeOrderNumber(tx, ctx.terminal.id, day);
    const hlc = ctx.stamp();
    const order = {
      id: input.id,
      terminalId: ctx.terminal.id,
      businessDay: day,
      number,
      displayNumber: formatOrderNumber(ctx.terminal.letter ?? 'A', number),
      type: input.type,
      customerName: input.customerName || null,
      pager: input.pager || null,
      createdBy: ctx.actor!.id,
      createdByName: ctx.actor!.name,
      createdAt: ctx.now,
      cashSessionId: session.id,
      hlc,
    };
    insertOrder(tx, order);
    ctx.recordChange('order', order.id, 'insert', { ...order, hlc: undefined }, hlc);
    const lines = storeLines(tx, ctx, order, priced, 0, approval);
    // The rule is stored (a % keeps applying to what a comanda gets later); the amount is what it took now.
    if (input.discount && input.discount.value > 0) {
      const discount = {
        id: ctx.newId(),
        orderId: order.id,
        lineId: null,
        kind: input.discount.kind,
        value: input.discount.value,
        amount: orderDiscount,
        reason: input.discount.reason ?? null,
        givenBy: ctx.actor!.id,
        approvedBy: approval?.approverId ?? null,
        approvedByName: approval?.approverName ?? null,
        at: ctx.now,
        hlc,
      };
      insertDiscount(tx, discount);
      ctx.recordChange('order_discount', discount.id, 'insert', { ...discount, hlc: undefined }, hlc);
    }
    recordEvent(tx, ctx, order.id, 'opened');
    if (approval) {
      ctx.audit({
        action: 'orders.discount',
        recordType: 'order',
        recordId: order.id,
        approverId: approval.approverId,
        approverName: approval.approverName,
        details: { number: order.displayNumber, orderDiscount, lineDiscounts: priced.map((l) => l.discount).filter(Boolean) },
      });
    }

    const total = subtotal - orderDiscount;
    let payments: PaymentRow[] = [];
    let paid = false;
    if (input.payments) {
      payments = takePayments(tx, ctx, order, input.payments, total, session);
      paid = true;
    } else if (total === 0 && input.type !== 'comanda') {
      recordEvent(tx, ctx, order.id, 'paid');
      paid = true;
    }
    // A comanda's items go to the kitchen when confirmed; other orders when paid.
    const ticket = paid || input.type === 'comanda' ? sendToKitchen(tx, ctx, order.id, lines) : null;
    // Every fact of this order was written just now, so its state follows from them without a re-read.
    const events = new Map<OrderEventKind, number>([['opened', ctx.now]]);
    if (paid) events.set('paid', ctx.now);
    const state = orderStateFrom({
      gross,
      lineDiscounts,
      orderDiscount,
      paid: payments.reduce((sum, p) => sum + p.amount, 0),
      events,
      tickets: ticket ? ['queued'] : [],
    });
    refreshOrderState(tx, ctx, order, state);
    autoPrintSale(tx, ctx, order, paid, ticket);
    const view = orderView(order, state, lines, payments, [], null);
    ctx.webhook('order.created', orderPayload(view));
    if (paid) {
      ctx.webhook('order.paid', orderPayload(view));
      ctx.emit('feedback.prompt', { orderId: view.id, number: view.number });
    }
    return view;
  },
});
