import { heading, newEncoder, notFiscal, pair, finish, centered, type Encoder } from './escpos.js';
import { formatCentavosPlain, formatDateTime, formatQuantity } from './format.js';
import type { DaySummaryData, PaperWidth } from './receipt-data.js';

export const DAY_SUMMARY_TITLE = 'RESUMO DO DIA';

const section = (e: Encoder, title: string): Encoder => e.rule().bold(true).line(title).bold(false);

const money = formatCentavosPlain;

/** "02/12/2026" from "2026-12-02". */
const dayLabel = (day: string): string => day.split('-').reverse().join('/');

/**
 * The day's summary for the counter's thermal printer: sales, orders, average ticket, what each payment
 * method took, discounts, voids and cancellations, and the best sellers. Figures as the reports give them.
 */
export const encodeDaySummary = (data: DaySummaryData, paper: PaperWidth): Uint8Array => {
  const e = newEncoder(paper);
  centered(e, data.shopName);
  notFiscal(e.rule());
  heading(e.rule(), DAY_SUMMARY_TITLE, 2);
  pair(e, 'Dia', dayLabel(data.businessDay));
  pair(e, 'Emitido em', formatDateTime(data.printedAt, data.timezone));

  section(e, 'VENDAS');
  pair(e, 'Pedidos', String(data.orders));
  pair(e, 'Vendas brutas', money(data.gross));
  pair(e, 'Descontos', data.discounts ? `- ${money(data.discounts)}` : money(0));
  e.bold(true);
  pair(e, 'Vendas líquidas', money(data.net));
  e.bold(false);
  pair(e, 'Ticket médio', money(data.averageTicket));

  section(e, 'POR FORMA DE PAGAMENTO');
  if (!data.payments.length) e.line('Nenhum pagamento.');
  for (const p of data.payments) pair(e, `${p.label} (${p.orders})`, money(p.net));

  section(e, 'DESCONTOS, ESTORNOS E CANCELAMENTOS');
  pair(e, `Descontos dados (${data.discountCount})`, money(data.discountTotal));
  pair(e, `Estornados (${data.voided})`, money(data.voidedTotal));
  pair(e, `Cancelados (${data.cancelled})`, money(data.cancelledTotal));

  section(e, 'MAIS VENDIDOS');
  if (!data.topProducts.length) e.line('Nenhuma venda.');
  for (const p of data.topProducts) pair(e, `${formatQuantity(p.quantity)} x ${p.name}`, money(p.net));

  notFiscal(e.rule());
  return finish(e);
};
