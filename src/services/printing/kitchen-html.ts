import { BusinessError } from '../../exceptions/business-error.js';
import { ALL_ROLES } from '../../models/roles.js';
import { kitchenTicketDataFor, ticketIdsOf } from '../../printing/documents.js';
import { renderKitchenTicketHtml } from '../../printing/receipt-html.js';
import { defineScript } from '../script.js';

export default defineScript('printing.kitchenHtml', {
  roles: ALL_ROLES,
  readOnly: true,
  run(tx, input, ctx) {
    const tickets = ticketIdsOf(tx, input.orderId);
    if (!tickets.length) throw new BusinessError('NOT_FOUND', 'Este pedido não tem itens para a cozinha.', 'orderId');
    const paper = input.paper ?? ctx.settings.paperWidth;
    const data = tickets.map((id) => kitchenTicketDataFor(tx, id, ctx.settings));
    const merged = { ...data[0]!, station: data.length === 1 ? data[0]!.station : null, lines: data.flatMap((d) => d.lines) };
    return { html: renderKitchenTicketHtml(merged, paper) };
  },
});
