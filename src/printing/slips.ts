import { centered, heading, newEncoder, notFiscal, pair, finish } from './escpos.js';
import { CASH_SLIP_TITLES, formatCentavos, formatCentavosPlain, formatDateTime, NOT_FISCAL } from './format.js';
import type { CashSlipData, PaperWidth } from './receipt-data.js';
import { div, htmlDocument, row } from './receipt-html.js';

export type { CashSlipData } from './receipt-data.js';

/** Opening and closing report the balance; cash in/out report what moved. */
const amountLabel = (kind: CashSlipData['kind']): string =>
  kind === 'abertura' ? 'Fundo de troco' : kind === 'fechamento' ? 'Saldo em dinheiro' : 'Valor';

const detailRows = (data: CashSlipData): [string, string][] => [
  ['Caixa', data.terminalLetter],
  ['Data', formatDateTime(data.at, data.timezone)],
  ['Operador', data.userName],
  ...(data.lines ?? []).map((l): [string, string] => [l.label, l.value]),
];

/** A cash slip (suprimento, sangria, abertura, fechamento) as ESC/POS bytes, signed on paper by the operator. */
export const encodeCashSlip = (data: CashSlipData, paper: PaperWidth): Uint8Array => {
  const e = newEncoder(paper);
  centered(e, data.shopName);
  notFiscal(e.rule());
  heading(e.rule(), CASH_SLIP_TITLES[data.kind], 1);
  for (const [label, value] of detailRows(data)) pair(e, label, value);
  e.bold(true);
  pair(e, amountLabel(data.kind), formatCentavosPlain(data.amount));
  e.bold(false);
  if (data.reason) pair(e, `Motivo: ${data.reason}`, '');
  e.newline(3);
  centered(e, '_'.repeat(paper === 80 ? 36 : 26));
  centered(e, data.userName);
  return finish(e);
};

const SLIP_CSS = `
.shop{text-align:center;font-weight:bold}
.title{text-align:center;font-weight:bold;font-size:1.3em;margin:1mm 0}
.amount{font-weight:bold;font-size:1.3em;margin:1mm 0}
.reason{margin-top:1mm}
.signature{margin:14mm 4mm 0;border-top:1px solid #000;text-align:center;padding-top:1mm}
`;

/** The same slip as a printable page. */
export const renderCashSlipHtml = (data: CashSlipData, paper: PaperWidth): string => {
  const body = [
    div('shop', data.shopName),
    div('not-fiscal', NOT_FISCAL),
    div('title', CASH_SLIP_TITLES[data.kind]),
    detailRows(data).map(([label, value]) => row(label, value)).join(''),
    row(amountLabel(data.kind), formatCentavos(data.amount), 'amount'),
    div('reason', data.reason ? `Motivo: ${data.reason}` : null),
    div('signature', data.userName),
  ];
  return htmlDocument(CASH_SLIP_TITLES[data.kind], paper, SLIP_CSS, body.join('\n'));
};
