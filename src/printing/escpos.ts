import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import {
  formatCentavosPlain as money,
  formatDateTime,
  formatDelta,
  formatQuantity,
  isVoided,
  NOT_FISCAL,
  orderTypeLabel,
  PAID_WITH_PIX,
  paidWithPix,
  paymentMethodLabel,
  REPRINT,
  showsUnitPrice,
} from './format.js';
import type { KitchenTicketData, PaperWidth, ReceiptData, ReceiptLine } from './receipt-data.js';

export type Encoder = ReceiptPrinterEncoder;

/** Font A columns: 48 on 80 mm rolls, 32 on 58 mm. */
export const columnsFor = (paper: PaperWidth): number => (paper === 80 ? 48 : 32);

/** The upper half of IBM code page 860 (0x80–0xFF), the characters the printer can draw besides ASCII. */
const CP860_HIGH =
  'ÇüéâãàÁçêÊèÍÔìÃÂÉÀÈôõòÚùÌÕÜ¢£Ù₧ÓáíóúñÑªº¿Ò¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■';

const TYPOGRAPHY: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '“': '"', '”': '"', '„': '"', '–': '-', '—': '-', '−': '-',
  '…': '...', '×': 'x', '•': '·', '€': 'EUR', '\u00a0': ' ', '\u202f': ' ',
};

const fits = (ch: string): boolean => (ch >= ' ' && ch <= '~') || CP860_HIGH.includes(ch);

const printableChar = (ch: string): string => {
  if (fits(ch)) return ch;
  if (ch in TYPOGRAPHY) return TYPOGRAPHY[ch] ?? '?';
  // Control bytes typed into a name or note must never reach the printer as commands.
  if (/[\p{Cc}\p{Cf}]/u.test(ch)) return ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : '';
  const folded = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return folded && [...folded].every(fits) ? folded : '?';
};

/** Text the printer can draw in cp860: typographic marks simplified, other accents folded, controls dropped. */
export const printable = (text: string): string => [...text].map(printableChar).join('');

/** A fresh encoder for one document: reset the printer, select the Portuguese code page. */
export const newEncoder = (paper: PaperWidth): Encoder =>
  new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: columnsFor(paper),
    codepageMapping: 'epson',
    newline: '\n', // the library's default is "\n\r", LF then CR, the wrong way round
    feedBeforeCut: 4, // the cutter sits above the head: without a feed the last lines end up on the next ticket
    errors: 'strict', // an unsupported command throws here instead of a console warning nobody reads
  })
    .initialize()
    .codepage('cp860');

/** Narrowest a side of a pair gets squeezed to when both sides are long. */
const MIN_SIDE = 8;

/**
 * Left text and right-aligned value on one line; when both do not fit, the longer side wraps in its own
 * column. Widths are explicit because the library's "auto" widths split the line evenly and wrap even
 * short pairs like "Data  29/11/2026 16:32" on 58 mm paper.
 */
export const pair = (e: Encoder, left: string, right: string, indent = 0): Encoder => {
  const [l, r] = [printable(left), printable(right)];
  const room = e.columns - indent;
  if (!r) return e.table([{ width: room, marginLeft: indent }], [[l]]);
  const space = room - 1; // one blank between the sides
  const rightWidth =
    r.length <= l.length || l.length + r.length <= space
      ? Math.min(r.length, space - MIN_SIDE)
      : space - Math.min(l.length, space - MIN_SIDE);
  return e.table(
    [
      { width: space - rightWidth, marginLeft: indent },
      { width: rightWidth, align: 'right', marginLeft: 1 },
    ],
    [[l, r]],
  );
};

export const centered = (e: Encoder, text: string): Encoder => e.align('center').line(printable(text)).align('left');

/** Bold centred text, optionally enlarged; sizes are multiples of the normal character. */
export const heading = (e: Encoder, text: string, size = 1): Encoder =>
  e.bold(true).size(size, size).align('center').line(printable(text)).align('left').size(1, 1).bold(false);

/** White on black, bold: what the reader must not miss. */
export const highlighted = (e: Encoder, text: string, size = 1): Encoder =>
  e.invert(true).bold(true).size(size, size).line(printable(text)).size(1, 1).bold(false).invert(false);

export const notFiscal = (e: Encoder): Encoder => heading(e, NOT_FISCAL);

/** Feed past the cutter, cut, and hand the bytes over. */
export const finish = (e: Encoder): Uint8Array => e.cut('partial').encode();

/** Fixed-width chunks, so codes without spaces (the PIX payload) print whole and in order. */
export const chunks = (text: string, width: number): string[] =>
  Array.from({ length: Math.ceil(text.length / width) }, (_, i) => text.slice(i * width, (i + 1) * width));

/** Label and value at double size, on one line when it fits, else the value on its own line. */
const bigPair = (e: Encoder, label: string, value: string, columns: number): Encoder => {
  const width = Math.floor(columns / 2);
  const lines =
    label.length + 1 + value.length <= width
      ? [label + value.padStart(width - label.length)]
      : [label, value.padStart(width)];
  e.bold(true).size(2, 2);
  for (const line of lines) e.line(printable(line));
  return e.size(1, 1).bold(false);
};

const shopHeader = (e: Encoder, shop: ReceiptData['shop']): void => {
  e.bold(true).size(1, 2).align('center').line(printable(shop.name)).size(1, 1).bold(false).align('left');
  for (const info of [shop.document, shop.address, shop.phone ? `Tel. ${shop.phone}` : null]) {
    if (info) centered(e, info);
  }
};

const orderBlock = (e: Encoder, data: ReceiptData): void => {
  const { order } = data;
  const createdAt = formatDateTime(order.createdAt, data.timezone);
  const paidAt = order.paidAt == null ? null : formatDateTime(order.paidAt, data.timezone);
  heading(e, order.number, 3);
  heading(e, orderTypeLabel(order.type));
  if (order.customerName) pair(e, 'Cliente', order.customerName);
  if (order.pager) pair(e, 'Pager', order.pager);
  pair(e, 'Data', createdAt);
  if (paidAt && paidAt !== createdAt) pair(e, 'Pago em', paidAt);
  pair(e, 'Operador', `${order.cashierName} - Caixa ${order.terminalLetter}`);
};

const receiptLine = (e: Encoder, line: ReceiptLine): void => {
  pair(e, `${formatQuantity(line.quantity)} x ${line.name}`, money(line.total));
  if (showsUnitPrice(line)) pair(e, `Vl. unit. ${money(line.unitPrice)}`, '', 3);
  for (const m of line.modifiers) pair(e, m.name, m.priceDelta === 0 ? '' : formatDelta(m.priceDelta), 3);
  // No italics: ESC 4 is not an Epson command and some printers would print it as text.
  if (line.notes) pair(e, `Obs.: ${line.notes}`, '', 3);
};

const totals = (e: Encoder, data: ReceiptData, columns: number): void => {
  pair(e, 'Subtotal', money(data.subtotal));
  if (data.discount) pair(e, 'Desconto', `- ${money(data.discount)}`);
  bigPair(e, 'TOTAL', money(data.total), columns);
};

const payments = (e: Encoder, list: ReceiptData['payments']): void => {
  for (const p of list) {
    pair(e, paymentMethodLabel(p.method), money(p.amount));
    if (p.tendered != null) pair(e, 'Recebido', money(p.tendered), 2);
    if (p.change != null) pair(e, 'Troco', money(p.change), 2);
  }
};

const pix = (e: Encoder, payload: string, paper: PaperWidth): void => {
  centered(e, 'Pague com PIX');
  e.align('center').qrcode(payload, { model: 2, size: paper === 80 ? 6 : 5, errorlevel: 'm' }).align('left');
  e.line('PIX copia e cola:');
  for (const chunk of chunks(printable(payload), columnsFor(paper))) e.line(chunk);
};

/** The customer's receipt as ESC/POS bytes, ready for a network or USB thermal printer. */
export const encodeReceipt = (data: ReceiptData, paper: PaperWidth): Uint8Array => {
  const e = newEncoder(paper);
  const columns = columnsFor(paper);
  shopHeader(e, data.shop);
  e.rule();
  notFiscal(e);
  e.rule();
  if (data.reprint) heading(e, REPRINT, 2);
  if (isVoided(data.order.status)) highlighted(e, 'PEDIDO CANCELADO', 1);
  orderBlock(e, data);
  e.rule();
  for (const line of data.lines) receiptLine(e, line);
  e.rule();
  totals(e, data, columns);
  if (data.payments.length) payments(e.rule(), data.payments);
  if (paidWithPix(data)) heading(e, PAID_WITH_PIX);
  if (data.pix) pix(e.rule(), data.pix.payload, paper);
  if (data.feedbackCode) centered(e.newline(), `Avalie seu pedido: código ${data.feedbackCode}`);
  notFiscal(e.rule());
  return finish(e);
};

const kitchenLine = (e: Encoder, line: KitchenTicketData['lines'][number], showStation: boolean): void => {
  e.bold(true).size(2, 2).line(printable(`${formatQuantity(line.quantity)} x ${line.name}`)).bold(false);
  if (showStation && line.station) e.line(printable(`  >> ${line.station}`));
  for (const modifier of line.modifiers) e.line(printable(`  ${modifier}`));
  e.size(1, 1);
  if (line.notes) highlighted(e, `OBS: ${line.notes}`, 2);
};

/** The kitchen's ticket: big order number and items, modifiers and notes; no prices. */
export const encodeKitchenTicket = (data: KitchenTicketData, paper: PaperWidth): Uint8Array => {
  const e = newEncoder(paper);
  const { order } = data;
  centered(e, data.shopName);
  if (data.reprint) heading(e, REPRINT, 2);
  heading(e, order.number, 4);
  heading(e, orderTypeLabel(order.type), 2);
  if (data.station) highlighted(e.align('center'), data.station, 2).align('left');
  if (order.customerName) pair(e, 'Cliente', order.customerName);
  if (order.pager) pair(e, 'Pager', order.pager);
  pair(e, 'Hora', formatDateTime(order.createdAt, data.timezone));
  for (const line of data.lines) kitchenLine(e.rule(), line, !data.station);
  return finish(e.rule());
};
