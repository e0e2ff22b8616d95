import { loadOrderView } from '../../database/queries/orders.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { DisplayScreen } from '../../models/display.js';
import { feedbackCode } from '../../utils/feedback-code.js';
import { pixChargeFor } from '../orders/pix-charge-payload.js';
import { defineScript } from '../script.js';
import { IDLE_DISPLAY, type DisplayContent } from './display-board.js';
import { DISPLAY_STAFF_ROLES } from './display-rules.js';

/**
 * The counter tells its customer's display what the customer sees now. Nothing is written: the screen
 * is a mirror kept in memory, and the counter sends it without waiting (a display that is off or slow
 * never holds a sale). The PIX and the paid order are taken from the order itself, so the display shows
 * the BR Code and the change the core stands behind.
 */
export default defineScript('display.push', {
  roles: DISPLAY_STAFF_ROLES,
  readOnly: true,
  run(tx, input, ctx) {
    const content = contentOf(input.screen, (orderId, amount) => pixChargeFor(tx, ctx.settings, orderId, amount, 'screen.amount'), (orderId) => {
      const order = loadOrderView(tx, orderId);
      if (!order) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado.', 'screen.orderId');
      if (order.paidAt === null) throw new BusinessError('INVALID_STATE', `O pedido ${order.number} ainda não foi pago.`, 'screen.orderId');
      return { number: order.number, total: order.total, change: order.change, feedbackCode: feedbackCode(order.number, order.businessDay) };
    });
    const version = ctx.display.set(ctx.terminal.id, { ...content, updatedAt: ctx.now });
    ctx.emit('display.changed', { terminalId: ctx.terminal.id, version });
    return { version };
  },
});

function contentOf(
  screen: DisplayScreen,
  pix: (orderId: string, amount: number) => NonNullable<DisplayContent['pix']>,
  paid: (orderId: string) => NonNullable<DisplayContent['paid']>,
): DisplayContent {
  switch (screen.phase) {
    case 'idle':
      return IDLE_DISPLAY;
    case 'cart':
      return { ...IDLE_DISPLAY, phase: 'cart', lines: screen.lines, subtotal: screen.subtotal, discount: screen.discount, total: screen.total };
    case 'pix': {
      const { payload, svg, amount, txid } = pix(screen.orderId, screen.amount);
      return { ...IDLE_DISPLAY, phase: 'pix', lines: screen.lines, subtotal: screen.subtotal, discount: screen.discount, total: screen.total, pix: { payload, svg, amount, txid } };
    }
    case 'paid':
      return { ...IDLE_DISPLAY, phase: 'paid', paid: paid(screen.orderId) };
  }
}
