import QRCode from 'qrcode';
import {
  formatCentavos,
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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that reaches the page goes through here: product names and notes are typed by people. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A div with escaped text; `null`/empty text renders nothing so optional fields just disappear. */
export const div = (cls: string, text: string | null | undefined): string =>
  text ? `<div class="${cls}">${escapeHtml(text)}</div>` : '';

/** A label on the left, a value on the right, on one line. */
export const row = (label: string, value: string, cls = ''): string =>
  `<div class="row ${cls}"><span class="l">${escapeHtml(label)}</span><span class="r">${escapeHtml(value)}</span></div>`;

const BASE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:#fff;color:#000}
body{margin:0 auto;padding:3mm 0;font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,"Courier New",monospace;line-height:1.3;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body.p80{width:72mm;font-size:12px}
body.p58{width:48mm;font-size:10.5px}
.c{text-align:center}
.row{display:flex;justify-content:space-between;gap:2mm}
.row .l{flex:1 1 auto;min-width:0;overflow-wrap:anywhere}
.row .r{flex:0 0 auto;text-align:right;white-space:nowrap}
hr{border:0;border-top:1px dashed #000;margin:2mm 0}
.not-fiscal{margin:2mm 0;padding:1mm;border:2px solid #000;text-align:center;font-weight:bold;letter-spacing:.5px}
.reprint{text-align:center;font-weight:bold;font-size:1.3em}
.alert{text-align:center;font-weight:bold;font-size:1.3em;background:#000;color:#fff;padding:1mm}
.order-number{text-align:center;font-weight:bold;font-size:3.2em;line-height:1.1;margin:1mm 0}
.order-type{text-align:center;font-weight:bold;font-size:1.2em}
`;

/** A standalone page sized for the paper roll: no scripts, no external files. */
export const htmlDocument = (title: string, paper: PaperWidth, css: string, body: string): string =>
  `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
@page{size:${paper}mm auto;margin:0}${BASE_CSS}${css}
</style>
</head>
<body class="p${paper}">
${body}
</body>
</html>
`;

const RECEIPT_CSS = `
.shop-name{text-align:center;font-weight:bold;font-size:1.4em}
.shop-info{text-align:center}
.item{margin:1mm 0}
.item .name{font-weight:bold}
.unit,.modifier{padding-left:4mm}
.notes{padding-left:4mm;font-style:italic}
.total{font-weight:bold;font-size:1.6em;margin:1mm 0}
.sub{padding-left:4mm}
.pix{text-align:center;margin:2mm 0}
.paid-pix{font-weight:bold;margin:1mm 0}
.pix svg{display:block;margin:1mm auto;width:40mm;height:40mm}
.p58 .pix svg{width:36mm;height:36mm}
.pix-code{font-size:.85em;overflow-wrap:anywhere;word-break:break-all;text-align:left}
.feedback{text-align:center;font-weight:bold;margin-top:2mm}
`;

const shopHtml = (shop: ReceiptData['shop']): string =>
  div('shop-name', shop.name) +
  div('shop-info', shop.document) +
  div('shop-info', shop.address) +
  div('shop-info', shop.phone ? `Tel. ${shop.phone}` : null);

const orderHtml = (data: ReceiptData): string => {
  const { order } = data;
  const paidAt = order.paidAt == null ? null : formatDateTime(order.paidAt, data.timezone);
  const createdAt = formatDateTime(order.createdAt, data.timezone);
  return (
    div('order-number', order.number) +
    div('order-type', orderTypeLabel(order.type)) +
    (order.customerName ? row('Cliente', order.customerName) : '') +
    (order.pager ? row('Pager', order.pager) : '') +
    row('Data', createdAt) +
    (paidAt && paidAt !== createdAt ? row('Pago em', paidAt) : '') +
    row('Operador', `${order.cashierName} · Caixa ${order.terminalLetter}`)
  );
};

const lineHtml = (line: ReceiptLine): string =>
  `<div class="item">` +
  row(`${formatQuantity(line.quantity)} × ${line.name}`, formatCentavos(line.total), 'name') +
  (showsUnitPrice(line) ? div('unit', `Vl. unit. ${formatCentavos(line.unitPrice)}`) : '') +
  line.modifiers
    .map((m) => row(m.name, m.priceDelta === 0 ? '' : formatDelta(m.priceDelta), 'modifier'))
    .join('') +
  (line.notes ? `<div class="notes"><em>Obs.: ${escapeHtml(line.notes)}</em></div>` : '') +
  `</div>`;

const totalsHtml = (data: ReceiptData): string =>
  row('Subtotal', formatCentavos(data.subtotal)) +
  (data.discount ? row('Desconto', `- ${formatCentavos(data.discount)}`) : '') +
  row('TOTAL', formatCentavos(data.total), 'total');

const paymentsHtml = (payments: ReceiptData['payments']): string =>
  payments
    .map(
      (p) =>
        row(paymentMethodLabel(p.method), formatCentavos(p.amount)) +
        (p.tendered == null ? '' : row('Recebido', formatCentavos(p.tendered), 'sub')) +
        (p.change == null ? '' : row('Troco', formatCentavos(p.change), 'sub')),
    )
    .join('');

const pixHtml = async (payload: string): Promise<string> => {
  // The SVG is generated from the payload, never copied from it, so it is safe to inline as is.
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return (
    `<div class="pix">` +
    div('c', 'Pague com PIX') +
    svg.trim() +
    div('c', 'PIX copia e cola:') +
    div('pix-code', payload) +
    `</div>`
  );
};

/** The customer's receipt (comprovante), as a page to print from a browser or preview on screen. */
export const renderReceiptHtml = async (data: ReceiptData, paper: PaperWidth): Promise<string> => {
  const body = [
    shopHtml(data.shop),
    div('not-fiscal', NOT_FISCAL),
    data.reprint ? div('reprint', REPRINT) : '',
    isVoided(data.order.status) ? div('alert', 'PEDIDO CANCELADO') : '',
    orderHtml(data),
    '<hr>',
    data.lines.map(lineHtml).join(''),
    '<hr>',
    totalsHtml(data),
    data.payments.length ? `<hr>${paymentsHtml(data.payments)}` : '',
    paidWithPix(data) ? div('c paid-pix', PAID_WITH_PIX) : '',
    data.pix ? `<hr>${await pixHtml(data.pix.payload)}` : '',
    data.feedbackCode ? div('feedback', `Avalie seu pedido: código ${data.feedbackCode}`) : '',
    '<hr>',
    div('c', NOT_FISCAL),
  ];
  return htmlDocument(`Pedido ${data.order.number}`, paper, RECEIPT_CSS, body.join('\n'));
};

const KITCHEN_CSS = `
.shop{text-align:center}
.order-number{font-size:4em}
.station{text-align:center;font-weight:bold;font-size:1.3em;border:2px solid #000;margin:1mm 0;padding:.5mm}
.k-line{font-size:1.9em;font-weight:bold;line-height:1.15;margin:2mm 0 1mm;overflow-wrap:anywhere}
.p58 .k-line{font-size:1.6em}
.k-mod{font-size:1.5em;padding-left:4mm;overflow-wrap:anywhere}
.k-notes{font-size:1.5em;font-weight:bold;background:#000;color:#fff;padding:.5mm 1mm;margin:1mm 0;overflow-wrap:anywhere}
.k-meta{font-size:1.1em}
.k-station{font-size:1.3em;font-weight:bold}
`;

const kitchenLineHtml = (line: KitchenTicketData['lines'][number], showStation: boolean): string =>
  div('k-line', `${formatQuantity(line.quantity)} × ${line.name}`) +
  (showStation ? div('k-station', line.station ? `» ${line.station}` : null) : '') +
  line.modifiers.map((m) => div('k-mod', m)).join('') +
  div('k-notes', line.notes ? `OBS: ${line.notes}` : null);

/** The kitchen's ticket (comanda de cozinha): what to make, big enough to read from the grill; no prices. */
export const renderKitchenTicketHtml = (data: KitchenTicketData, paper: PaperWidth): string => {
  const { order } = data;
  const body = [
    div('shop', data.shopName),
    data.reprint ? div('reprint', REPRINT) : '',
    div('order-number', order.number),
    div('order-type', orderTypeLabel(order.type)),
    div('station', data.station),
    `<div class="k-meta">`,
    order.customerName ? row('Cliente', order.customerName) : '',
    order.pager ? row('Pager', order.pager) : '',
    row('Hora', formatDateTime(order.createdAt, data.timezone)),
    `</div>`,
    '<hr>',
    data.lines.map((line) => kitchenLineHtml(line, !data.station)).join('<hr>'),
    '<hr>',
  ];
  return htmlDocument(`Cozinha ${order.number}`, paper, KITCHEN_CSS, body.join('\n'));
};
