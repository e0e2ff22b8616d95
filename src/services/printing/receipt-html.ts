import { ALL_ROLES } from '../../models/roles.js';
import { receiptDataFor } from '../../printing/documents.js';
import { renderReceiptHtml } from '../../printing/receipt-html.js';
import { defineScript } from '../script.js';

export default defineScript('printing.receiptHtml', {
  roles: ALL_ROLES,
  readOnly: true,
  // Rendering the QR code is async, so the whole (read-only) work happens before the transaction.
  prepare: async (input, ctx) => ({ html: await renderReceiptHtml(receiptDataFor(ctx.db, input.orderId, ctx.settings), input.paper ?? ctx.settings.paperWidth) }),
  run: (_tx, _input, _ctx, prepared) => prepared,
});
