import { describe, expect, it } from 'vitest';
import {
  formatCentavos,
  formatCentavosPlain,
  formatDateTime,
  orderTypeLabel,
  paymentMethodLabel,
} from '../../src/printing/format.js';
import type { KitchenTicketData, ReceiptData } from '../../src/printing/receipt-data.js';
import { escapeHtml, renderKitchenTicketHtml, renderReceiptHtml } from '../../src/printing/receipt-html.js';
import { renderCashSlipHtml } from '../../src/printing/slips.js';

const PIX_PAYLOAD =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000520400005303986540523.505802BR5913Fulano de Tal6008BRASILIA62070503***6304XXXX';
const AT = Date.UTC(2026, 10, 29, 19, 32); // 16:32 in São Paulo
const TRICKY = 'X-Tudo <especial> & "cia"';

const receipt = (over: Partial<ReceiptData> = {}): ReceiptData => ({
  shop: { name: 'Lanchonete do Zé', document: 'CNPJ 12.345.678/0001-90', address: 'Rua das Flores, 123', phone: '(11) 3333-4444' },
  order: { number: 'A-042', type: 'viagem', customerName: 'Maria <b>', pager: '7', createdAt: AT, cashierName: 'João', terminalLetter: 'A' },
  lines: [
    { quantity: 1, name: TRICKY, unitPrice: 1800, total: 2100, modifiers: [{ name: 'Bacon extra', priceDelta: 300 }], notes: 'sem cebola <já>' },
    { quantity: 2, name: 'Guaraná lata', unitPrice: 350, total: 700, modifiers: [] },
  ],
  subtotal: 2800,
  discount: 450,
  total: 2350,
  payments: [{ method: 'cash', amount: 2350, tendered: 5000, change: 2650 }],
  timezone: 'America/Sao_Paulo',
  ...over,
});

/** The visible text of a page: tags removed, the five escapes undone. */
const textOf = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('format', () => {
  it('writes money as pt-BR reais from centavos', () => {
    expect(formatCentavos(123456)).toBe('R$\u00a01.234,56');
    expect(formatCentavosPlain(2350)).toBe('R$ 23,50');
    expect(formatCentavosPlain(-500)).toBe('-R$ 5,00');
    expect(formatDateTime(AT, 'America/Sao_Paulo')).toBe('29/11/2026 16:32');
  });

  it('labels methods and order types in Portuguese', () => {
    expect(['cash', 'debit', 'credit', 'voucher', 'pix'].map((m) => paymentMethodLabel(m as never))).toEqual([
      'Dinheiro', 'Débito', 'Crédito', 'Vale-refeição', 'PIX',
    ]);
    expect(['balcao', 'viagem', 'comanda'].map((t) => orderTypeLabel(t as never))).toEqual(['Balcão', 'Para viagem', 'Comanda']);
  });
});

describe('receipt HTML', () => {
  it('is a standalone page with no scripts and every text escaped', async () => {
    const html = await renderReceiptHtml(receipt(), 80);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=|href=/i);
    expect(html).toContain(escapeHtml(TRICKY));
    expect(html).toContain('X-Tudo &lt;especial&gt; &amp; &quot;cia&quot;');
    expect(html).not.toContain(TRICKY);
    expect(html).not.toContain('<b>');
    expect(html).toContain('Maria &lt;b&gt;');
  });

  it('shows the shop, the non-fiscal notice, the order and its lines', async () => {
    const text = textOf(await renderReceiptHtml(receipt(), 80));
    for (const expected of [
      'Lanchonete do Zé', 'CNPJ 12.345.678/0001-90', 'Rua das Flores, 123', '(11) 3333-4444',
      'NÃO É DOCUMENTO FISCAL', 'A-042', 'Para viagem', 'Maria <b>', 'Pager 7', '29/11/2026 16:32', 'João',
      `1 × ${TRICKY}`, 'Bacon extra + R$ 3,00', 'sem cebola <já>', '2 × Guaraná lata', 'R$ 3,50', 'R$ 7,00',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('2ª VIA');
  });

  it('formats subtotal, discount, total and the cash tendered and change', async () => {
    const html = await renderReceiptHtml(receipt(), 80);
    const text = textOf(html).replace(/\u00a0/g, ' ');
    expect(text).toContain('Subtotal R$ 28,00');
    expect(text).toContain('Desconto - R$ 4,50');
    expect(text).toContain('TOTAL R$ 23,50');
    expect(text).toContain('Dinheiro R$ 23,50');
    expect(text).toContain('Recebido R$ 50,00');
    expect(text).toContain('Troco R$ 26,50');
    expect(html).toMatch(/class="row total"/);
  });

  it('draws the PIX QR code inline with the copia e cola text only when there is a PIX charge', async () => {
    const withPix = await renderReceiptHtml(
      receipt({ payments: [{ method: 'pix', amount: 2350 }], pix: { payload: PIX_PAYLOAD } }),
      80,
    );
    expect(withPix).toContain('<svg');
    expect(withPix).toContain(escapeHtml(PIX_PAYLOAD));
    expect(textOf(withPix)).toContain('PIX copia e cola:');
    expect(textOf(withPix)).toContain('PIX R$');

    const without = await renderReceiptHtml(receipt(), 80);
    expect(without).not.toContain('<svg');
    expect(without).not.toContain('copia e cola');
  });

  it('adds the feedback code, the reprint mark and the cancelled banner when asked', async () => {
    const text = textOf(
      await renderReceiptHtml(receipt({ feedbackCode: 'K7P2', reprint: true, order: { ...receipt().order, status: 'voided' } }), 80),
    );
    expect(text).toContain('Avalie seu pedido: código K7P2');
    expect(text).toContain('2ª VIA');
    expect(text).toContain('PEDIDO CANCELADO');
    expect(textOf(await renderReceiptHtml(receipt(), 80))).not.toContain('Avalie');
  });

  it('sizes the page for 80 mm and 58 mm rolls', async () => {
    const wide = await renderReceiptHtml(receipt(), 80);
    const narrow = await renderReceiptHtml(receipt(), 58);
    expect(wide).toContain('@page{size:80mm auto;margin:0}');
    expect(wide).toContain('<body class="p80">');
    expect(wide).toMatch(/body\.p80\{width:72mm/);
    expect(narrow).toContain('@page{size:58mm auto;margin:0}');
    expect(narrow).toContain('<body class="p58">');
    expect(narrow).toMatch(/body\.p58\{width:48mm/);
  });

  it('leaves out the shop lines that are not set', async () => {
    const text = textOf(await renderReceiptHtml(receipt({ shop: { name: 'Só o nome' }, order: { ...receipt().order, customerName: null, pager: null } }), 58));
    expect(text).toContain('Só o nome');
    expect(text).not.toContain('Tel.');
    expect(text).not.toContain('Cliente');
    expect(text).not.toContain('Pager');
  });
});

describe('kitchen ticket HTML', () => {
  const ticket: KitchenTicketData = {
    shopName: 'Lanchonete do Zé',
    order: { number: 'A-042', type: 'balcao', customerName: 'Ana', pager: '12', createdAt: AT },
    station: 'Chapa',
    lines: [{ quantity: 2, name: TRICKY, modifiers: ['+ Bacon', 'sem tomate'], notes: 'bem passado & <rápido>' }],
    timezone: 'America/Sao_Paulo',
  };

  it('shows what to make, escaped, with no prices and no scripts', () => {
    const html = renderKitchenTicketHtml(ticket, 80);
    const text = textOf(html);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('X-Tudo &lt;especial&gt; &amp; &quot;cia&quot;');
    for (const expected of ['A-042', 'Balcão', 'Chapa', 'Ana', '12', '16:32', `2 × ${TRICKY}`, '+ Bacon', 'sem tomate', 'OBS: bem passado & <rápido>']) {
      expect(text).toContain(expected);
    }
    expect(html).toContain('class="k-notes"');
    expect(text).not.toContain('R$');
    expect(renderKitchenTicketHtml(ticket, 58)).toMatch(/body\.p58\{width:48mm/);
  });
});

describe('cash slip HTML', () => {
  it('shows the kind, amount, reason, operator, notice and a signature line', () => {
    const html = renderCashSlipHtml(
      {
        shopName: 'Lanchonete do Zé',
        kind: 'sangria',
        amount: 20000,
        reason: 'Depósito <banco>',
        userName: 'João',
        terminalLetter: 'B',
        at: AT,
        timezone: 'America/Sao_Paulo',
      },
      58,
    );
    const text = textOf(html).replace(/\u00a0/g, ' ');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Depósito &lt;banco&gt;');
    for (const expected of ['SANGRIA DE CAIXA', 'NÃO É DOCUMENTO FISCAL', 'Valor R$ 200,00', 'Motivo: Depósito <banco>', 'Caixa B', '29/11/2026 16:32']) {
      expect(text).toContain(expected);
    }
    expect(html).toContain('<div class="signature">João</div>');
  });
});
