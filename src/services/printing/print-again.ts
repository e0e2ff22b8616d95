import { findOrder } from '../../database/queries/orders.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { ticketIdsOf } from '../../printing/documents.js';
import { defineScript } from '../script.js';
import { enqueuePrint } from './print-queue.js';

export default defineScript('printing.print', {
  roles: ['admin', 'manager', 'cashier', 'kitchen'],
  run(tx, input, ctx) {
    const order = findOrder(tx, input.orderId);
    if (!order) throw new BusinessError('NOT_FOUND', 'Pedido não encontrado.', 'orderId');
    if (!ctx.settings.printerAddress) throw new BusinessError('INVALID_STATE', 'Nenhuma impressora configurada (Configurações → Impressora).', 'kind');
    if (input.kind === 'receipt') return { jobIds: [enqueuePrint(tx, ctx, 'receipt', order.id, `Cupom ${order.displayNumber} (2ª via)`, true)] };
    const tickets = ticketIdsOf(tx, order.id);
    if (!tickets.length) throw new BusinessError('NOT_FOUND', 'Este pedido não tem itens para a cozinha.', 'kind');
    return { jobIds: tickets.map((id) => enqueuePrint(tx, ctx, 'kitchen', id, `Cozinha ${order.displayNumber} (2ª via)`, true)) };
  },
});
